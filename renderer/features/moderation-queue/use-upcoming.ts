import { useCallback, useEffect, useRef } from 'react';
import type { ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { useDesk } from '../../desk/desk-context';
import { forgetPrefetched, rememberPrefetched } from '../listing-review/prefetched-listing';

/** Let the open item's own claim and detail go first; a moderator reads for longer than this. */
const READ_AHEAD_DELAY_MS = 150;

interface Ahead {
  after: string;
  listingId: string | null;
  ready: boolean;
  taken: boolean;
}

/**
 * While an item is open, the one "next" would give is claimed (through `moderation:next`, which
 * claims on the platform and skips what others hold) and its detail read, so a decision key
 * opens it at once: the platform round trips happen while the moderator reads, not after the
 * key. Leaving the item without taking it releases that claim again.
 */
export function useUpcoming(query: ModerationQueueQuery, openedId: string | null) {
  const desk = useDesk();
  const ahead = useRef<Ahead | null>(null);
  const queryRef = useRef(query);
  queryRef.current = query;
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (openedId === null) return;
    const mine: Ahead = { after: openedId, listingId: null, ready: false, taken: false };
    ahead.current = mine;
    let left = false;
    const timer = setTimeout(() => {
      void desk
        .call('moderation:next', { ...queryRef.current, afterListingId: openedId })
        .then(async ({ listingId }) => {
          if (!listingId || listingId === openedId) return;
          mine.listingId = listingId;
          const detail = await desk.call('moderation:listing', { listingId });
          rememberPrefetched(listingId, { detail, claimExpiresAt: null });
          if (!left) mine.ready = true;
        })
        // Reading ahead is an optimisation: on any failure "next" simply takes the slow path.
        .catch(() => undefined);
    }, READ_AHEAD_DELAY_MS);
    return () => {
      left = true;
      clearTimeout(timer);
      if (ahead.current === mine) ahead.current = null;
      const id = mine.listingId;
      if (id && !mine.taken) {
        forgetPrefetched(id);
        void desk.call('moderation:release', { listingId: id }).catch(() => undefined);
      }
    };
  }, [desk, openedId, queryKey]);

  /** The item read ahead after `afterListingId`, if it is ready; it is then the caller's to open. */
  const take = useCallback((afterListingId: string | null): string | null => {
    const current = ahead.current;
    if (!current || !current.ready || current.taken || current.after !== afterListingId || !current.listingId) return null;
    current.taken = true;
    return current.listingId;
  }, []);

  return { take };
}
