import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { FlagKind, QueueKind, QueueSortKey, type ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { Category } from '../../../shared/platform/entities';

/**
 * The open queue and each queue's own filters and sort, in one place, kept in localStorage so a
 * moderator finds every queue as they left it after a restart. Read back through zod: a value
 * from an older version or a hand-edited store falls back field by field, never breaks the page.
 */
export const FILTERS_KEY = 'desk.moderationQueue.filters';

const QueueFiltersSchema = z.object({
  category: Category.optional().catch(undefined),
  district: z.string().min(1).max(20).optional().catch(undefined),
  flag: FlagKind.optional().catch(undefined),
  minAgeHours: z.number().int().min(1).max(24 * 365).optional().catch(undefined),
  sort: QueueSortKey.catch('oldest'),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

const defaultFilters: QueueFilters = { sort: 'oldest' };
const perQueue = QueueFiltersSchema.optional().catch(undefined);

const StoredState = z.object({
  queue: QueueKind.catch('pending'),
  queues: z
    .object({ pending: perQueue, reported: perQueue, flagged: perQueue, escalated: perQueue, appeals: perQueue })
    .catch({ pending: undefined, reported: undefined, flagged: undefined, escalated: undefined, appeals: undefined }),
});
export type QueueState = z.infer<typeof StoredState>;

const initialState: QueueState = StoredState.parse({ queue: 'pending', queues: {} });

export function loadQueueState(): QueueState {
  try {
    const text = localStorage.getItem(FILTERS_KEY);
    if (!text) return initialState;
    const parsed = StoredState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : initialState;
  } catch {
    return initialState;
  }
}

function saveQueueState(state: QueueState): void {
  try {
    localStorage.setItem(FILTERS_KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked: the filters still apply for this session.
  }
}

export const filtersOf = (state: QueueState, queue: QueueKind): QueueFilters => state.queues[queue] ?? defaultFilters;

/** The query a queue's filters and search make, without the page window. */
export function queueQuery(queue: QueueKind, filters: QueueFilters, search: string): ModerationQueueQuery {
  const query: ModerationQueueQuery = { queue, sort: filters.sort };
  if (filters.category) query.category = filters.category;
  if (filters.district) query.district = filters.district;
  if (filters.flag) query.flag = filters.flag;
  if (filters.minAgeHours) query.minAgeHours = filters.minAgeHours;
  const trimmed = search.trim();
  if (trimmed) query.search = trimmed;
  return query;
}

export interface QueueStateControls {
  queue: QueueKind;
  filters: QueueFilters;
  setQueue(queue: QueueKind): void;
  changeFilters(change: Partial<QueueFilters>): void;
}

/** `allowed` are the queues this staff member may open; a remembered other one falls back to the first. */
export function useQueueState(allowed: readonly QueueKind[]): QueueStateControls {
  const [state, setState] = useState<QueueState>(loadQueueState);
  useEffect(() => saveQueueState(state), [state]);
  const queue = allowed.includes(state.queue) ? state.queue : (allowed[0] ?? 'pending');
  const setQueue = useCallback((next: QueueKind) => setState((s) => ({ ...s, queue: next })), []);
  const changeFilters = useCallback(
    (change: Partial<QueueFilters>) =>
      setState((s) => ({ ...s, queues: { ...s.queues, [queue]: { ...filtersOf(s, queue), ...change } } })),
    [queue],
  );
  return { queue, filters: filtersOf(state, queue), setQueue, changeFilters };
}
