import { useCallback, useEffect, useRef } from 'react';
import type { ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { useDesk } from '../../desk/desk-context';
import { readImagesAhead } from '../listing-review/listing-images';
import { forgetPrefetched, prefetchedListing, rememberPrefetched } from '../listing-review/prefetched-listing';

/** Let an item opened by hand have its own claim and detail first; a moderator reads for longer than this. */
const READ_AHEAD_DELAY_MS = 150;
/** How long work that waits for the read-ahead (see `settled`) waits at most. */
const SETTLED_AT_MOST_MS = 1_500;

interface Ahead {
  after: string;
  listingId: string | null;
  ready: boolean;
  taken: boolean;
  done: Promise<AheadOutcome>;
}

/**
 * What reading ahead found: the listing claimed and read, `listingId: null` when the queue has
 * nothing else to take, or null when it failed or was abandoned (then "next" asks the core itself).
 */
export type AheadOutcome = { listingId: string | null } | null;

export interface Upcoming {
  /** The item read ahead after `afterListingId`, if it is ready; it is then the caller's to open. */
  take(afterListingId: string | null): string | null;
  /**
   * The read-ahead after `afterListingId` still on its way, taken as it is: its answer is the
   * caller's to open, or to release (`moderation:release`) if it no longer wants it. Null when
   * there is none in flight.
   */
  takeWhenReady(afterListingId: string | null): Promise<AheadOutcome> | null;
  /** Settles once no read-ahead is in flight: work that can wait waits for it. */
  settled(): Promise<void>;
}

/**
 * While an item is open, the one "next" would give is claimed (through `moderation:next`, which
 * claims on the platform and skips what others hold) and its detail and images read, so a
 * decision key opens it at once: the platform round trips happen while the moderator reads, not
 * after the key. Leaving the item without taking it releases that claim again.
 */
export function useUpcoming(query: ModerationQueueQuery, openedId: string | null): Upcoming {
  const desk = useDesk();
  const ahead = useRef<Ahead | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (openedId === null) return;
    let left = false;
    let settle: (outcome: AheadOutcome) => void = () => undefined;
    const mine: Ahead = { after: openedId, listingId: null, ready: false, taken: false, done: new Promise((resolve) => (settle = resolve)) };
    ahead.current = mine;
    // The item on screen was itself read ahead (a decision just opened it): its claim and detail
    // are done, so the one after it is read at once, while the moderator reads this one.
    const delay = prefetchedListing(openedId) ? 0 : READ_AHEAD_DELAY_MS;
    const release = (listingId: string) => {
      forgetPrefetched(listingId);
      void desk.call('moderation:release', { listingId }).catch(() => undefined);
    };
    let started = false;
    const timer = setTimeout(() => {
      started = true;
      desk
        .call('moderation:next', { ...queryRef.current, afterListingId: openedId })
        .then(async ({ listingId }) => {
          if (!listingId || listingId === openedId) return { listingId: null };
          mine.listingId = listingId;
          const detail = await desk.call('moderation:listing', { listingId });
          // Left meanwhile and not taken: the cleanup could not release what it did not know yet.
          if (left && !mine.taken) {
            release(listingId);
            return null;
          }
          rememberPrefetched(listingId, { detail, claimedAt: Date.now() });
          mine.ready = true;
          return { listingId };
        })
        // Reading ahead is an optimisation: on any failure "next" simply takes the slow path.
        .catch(() => null)
        .then((outcome) => {
          settle(outcome);
          const listingId = outcome?.listingId;
          // Images last: the item is ready to open without them, and they must not delay it.
          if (listingId) void readImagesAhead(desk, prefetchedListing(listingId)?.detail.listing.images ?? []).catch(() => undefined);
        });
    }, delay);
    return () => {
      left = true;
      clearTimeout(timer);
      if (ahead.current === mine) ahead.current = null;
      const id = mine.listingId;
      if (id && mine.ready && !mine.taken) release(id);
      // Not started, or still asking and no longer wanted: nobody waits for it. (Taken, its
      // answer is still the taker's, to open or to release.)
      if (!started || (!mine.listingId && !mine.taken)) settle(null);
    };
  }, [desk, openedId, queryKey]);

  const take = useCallback((afterListingId: string | null): string | null => {
    const current = ahead.current;
    if (!current || !current.ready || current.taken || current.after !== afterListingId || !current.listingId) return null;
    current.taken = true;
    return current.listingId;
  }, []);

  const takeWhenReady = useCallback((afterListingId: string | null): Promise<AheadOutcome> | null => {
    const current = ahead.current;
    if (!current || current.ready || current.taken || current.after !== afterListingId) return null;
    current.taken = true;
    return current.done;
  }, []);

  const settled = useCallback((): Promise<void> => {
    const current = ahead.current;
    if (!current) return Promise.resolve();
    // A core that does not answer must not hold back everything that waits: not for long.
    return Promise.race([current.done.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, SETTLED_AT_MOST_MS))]);
  }, []);

  return { take, takeWhenReady, settled };
}
