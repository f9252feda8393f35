import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { forgetPrefetched } from '../listing-review/prefetched-listing';
import { useDeferredRefresh, type QueueRows } from './use-queue-rows';
import { useUpcoming } from './use-upcoming';

/** What the queue says after a move that did not simply open a listing. */
export type NavigationStatus =
  | { kind: 'queue_done' }
  | { kind: 'undone'; listingId: string | null }
  | { kind: 'nothing_to_undo' }
  | { kind: 'error'; error: DeskError };

export interface ReviewNavigation {
  openedId: string | null;
  cursorId: string | null;
  /** Changes whenever the keyboard moved the cursor, so the table moves focus with it. */
  cursorFocus: number;
  status: NavigationStatus | null;
  open(id: string): void;
  close(): void;
  move(step: 1 | -1): void;
  openCursor(): void;
  /** Opens the next unclaimed item after `afterListingId` (or the open one), claimed on the platform. */
  next(afterListingId?: string | null): Promise<void>;
  /** A decision on `afterListingId` is on its way: open the item read ahead, now or once it is ready; true if it will. */
  advance(afterListingId: string, sent: Promise<unknown>): boolean;
  undo(): Promise<void>;
  /**
   * Refreshes the queue once the key path is quiet: the item after the open one read ahead, and
   * the browser idle. Core events (outbox, sync) come in bursts right after each decision, just
   * when the next item is being shown and the one after it read; they must not compete with it.
   */
  refreshSoon(): void;
}

/**
 * Where the moderator is in the queue: the open item, the keyboard cursor, and the moves
 * between items. "Next" asks the core (`moderation:next`), which serves only unclaimed items
 * in the queue's current order and filters; if the platform cannot be reached, the next loaded
 * row opens instead so work goes on, and the platform refuses later if someone else held it.
 * Its functions keep their identity across renders, so the panes they are given need not
 * re-render when the navigation does.
 */
export function useReviewNavigation(query: ModerationQueueQuery, rows: QueueRows): ReviewNavigation {
  const desk = useDesk();
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [cursorFocus, bumpFocus] = useReducer((n: number) => n + 1, 0);
  const [status, setStatus] = useState<NavigationStatus | null>(null);
  const nexting = useRef(false);
  const { indexOf, rowAt, refresh } = rows;
  const queryKey = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;
  const openedRef = useRef(openedId);
  openedRef.current = openedId;
  const cursorRef = useRef(cursorId);
  cursorRef.current = cursorId;

  // A different queue or filter starts afresh; leaving the open item releases its claim.
  useEffect(() => {
    setOpenedId(null);
    setCursorId(null);
    setStatus(null);
  }, [queryKey]);

  const upcoming = useUpcoming(query, openedId);
  const { take, takeWhenReady, settled } = upcoming;
  const refreshSoon = useDeferredRefresh(refresh, settled);

  const open = useCallback((id: string) => {
    setOpenedId(id);
    setCursorId(id);
    setStatus(null);
  }, []);
  const close = useCallback(() => setOpenedId(null), []);

  const move = useCallback(
    (step: 1 | -1) => {
      const current = cursorRef.current === null ? -1 : indexOf(cursorRef.current);
      const target = current < 0 ? 0 : Math.max(0, current + step);
      const row = rowAt(target);
      if (!row) return;
      setCursorId(row.id);
      bumpFocus();
    },
    [indexOf, rowAt],
  );

  const openCursor = useCallback(() => {
    const id = cursorRef.current ?? rowAt(0)?.id;
    if (id) open(id);
  }, [open, rowAt]);

  /** The read-ahead's item arrived after the moderator left `afterListingId`: give its claim back. */
  const release = useCallback(
    (listingId: string) => {
      forgetPrefetched(listingId);
      void desk.call('moderation:release', { listingId }).catch(() => undefined);
    },
    [desk],
  );

  /**
   * The answer to "next after `afterListingId`": open it, or say the queue is done — unless the
   * moderator has moved elsewhere meanwhile; then a claimed item is given back.
   */
  const arrive = useCallback(
    (afterListingId: string | null, listingId: string | null) => {
      if (openedRef.current !== afterListingId) {
        if (listingId) release(listingId);
      } else if (listingId) open(listingId);
      else {
        setOpenedId(null);
        setStatus({ kind: 'queue_done' });
      }
    },
    [open, release],
  );

  const next = useCallback(
    async (afterListingId: string | null = openedRef.current) => {
      const ahead = take(afterListingId);
      if (ahead) return open(ahead);
      if (nexting.current) return;
      nexting.current = true;
      try {
        // A read-ahead on its way answers sooner than a second question would.
        const coming = takeWhenReady(afterListingId);
        const early = coming ? await coming : null;
        if (early) return arrive(afterListingId, early.listingId);
        const input = afterListingId ? { ...queryRef.current, afterListingId } : queryRef.current;
        const answer = await desk.call('moderation:next', input);
        arrive(afterListingId, answer.listingId);
      } catch (failure) {
        const error = asDeskError(failure);
        const at = afterListingId ? indexOf(afterListingId) : -1;
        const fallback = error.code === 'platform_unreachable' ? rowAt(at + 1) : undefined;
        if (fallback && fallback.id !== afterListingId) open(fallback.id);
        else setStatus({ kind: 'error', error });
      } finally {
        nexting.current = false;
        refreshSoon();
      }
    },
    [desk, take, takeWhenReady, open, arrive, indexOf, rowAt, refreshSoon],
  );

  const advance = useCallback(
    (afterListingId: string, sent: Promise<unknown>) => {
      // The decision's answer comes after the next item is up: a refusal is reported here.
      const reportRefusal = (failure: unknown) => setStatus({ kind: 'error', error: asDeskError(failure) });
      const id = take(afterListingId);
      if (id) open(id);
      else {
        const coming = takeWhenReady(afterListingId);
        if (!coming) return false;
        // Still being read ahead: open it the moment it is ready, not after asking the core again.
        void coming.then((outcome) => {
          if (outcome?.listingId) arrive(afterListingId, outcome.listingId);
          else if (openedRef.current === afterListingId) {
            sent.then(() => (outcome ? arrive(afterListingId, null) : void next(afterListingId)), () => undefined);
          }
        });
      }
      sent.catch(reportRefusal);
      // The decided item leaves the queue: the table catches up once the key path is quiet.
      refreshSoon();
      return true;
    },
    [take, takeWhenReady, open, arrive, next, refreshSoon],
  );

  const undo = useCallback(async () => {
    try {
      const answer = await desk.call('moderation:undo', {});
      if (!answer.undone) setStatus({ kind: 'nothing_to_undo' });
      else {
        if (answer.listingId) open(answer.listingId);
        setStatus({ kind: 'undone', listingId: answer.listingId });
      }
    } catch (failure) {
      setStatus({ kind: 'error', error: asDeskError(failure) });
    } finally {
      refreshSoon();
    }
  }, [desk, open, refreshSoon]);

  return useMemo(
    () => ({ openedId, cursorId, cursorFocus, status, open, close, move, openCursor, next, advance, undo, refreshSoon }),
    [openedId, cursorId, cursorFocus, status, open, close, move, openCursor, next, advance, undo, refreshSoon],
  );
}
