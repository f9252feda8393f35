import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import type { QueueRows } from './use-queue-rows';
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
  /** A decision on `afterListingId` is on its way: open the item read ahead, if ready; true if it did. */
  advance(afterListingId: string, sent: Promise<unknown>): boolean;
  undo(): Promise<void>;
}

/**
 * Where the moderator is in the queue: the open item, the keyboard cursor, and the moves
 * between items. "Next" asks the core (`moderation:next`), which serves only unclaimed items
 * in the queue's current order and filters; if the platform cannot be reached, the next loaded
 * row opens instead so work goes on, and the platform refuses later if someone else held it.
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

  // A different queue or filter starts afresh; leaving the open item releases its claim.
  useEffect(() => {
    setOpenedId(null);
    setCursorId(null);
    setStatus(null);
  }, [queryKey]);

  const open = useCallback((id: string) => {
    setOpenedId(id);
    setCursorId(id);
    setStatus(null);
  }, []);
  const close = useCallback(() => setOpenedId(null), []);

  const move = (step: 1 | -1) => {
    const current = cursorId === null ? -1 : indexOf(cursorId);
    const target = current < 0 ? 0 : Math.max(0, current + step);
    const row = rowAt(target);
    if (!row) return;
    setCursorId(row.id);
    bumpFocus();
  };

  const openCursor = () => {
    const id = cursorId ?? rowAt(0)?.id;
    if (id) open(id);
  };

  const upcoming = useUpcoming(query, openedId);

  const advance = (afterListingId: string, sent: Promise<unknown>) => {
    const id = upcoming.take(afterListingId);
    if (!id) return false;
    open(id);
    // The decision's answer comes after the next item is up: a refusal is reported here.
    sent.catch((failure: unknown) => setStatus({ kind: 'error', error: asDeskError(failure) }));
    return true;
  };

  const next = async (afterListingId: string | null = openedId) => {
    const ahead = upcoming.take(afterListingId);
    if (ahead) return open(ahead);
    if (nexting.current) return;
    nexting.current = true;
    try {
      const input = afterListingId ? { ...queryRef.current, afterListingId } : queryRef.current;
      const answer = await desk.call('moderation:next', input);
      if (answer.listingId) open(answer.listingId);
      else {
        setOpenedId(null);
        setStatus({ kind: 'queue_done' });
      }
    } catch (failure) {
      const error = asDeskError(failure);
      const at = afterListingId ? indexOf(afterListingId) : -1;
      const fallback = error.code === 'platform_unreachable' ? rowAt(at + 1) : undefined;
      if (fallback && fallback.id !== afterListingId) open(fallback.id);
      else setStatus({ kind: 'error', error });
    } finally {
      nexting.current = false;
      refresh();
    }
  };

  const undo = async () => {
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
      refresh();
    }
  };

  return { openedId, cursorId, cursorFocus, status, open, close, move, openCursor, next, advance, undo };
}
