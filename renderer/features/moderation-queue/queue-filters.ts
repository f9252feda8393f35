import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { QueueSortKey as QueueSort } from '../../../shared/ipc/moderation-views';
import { Category } from '../../../shared/platform/entities';

/**
 * The queue's filter and sort state, in one place, kept in localStorage so a moderator finds
 * the queue as they left it after a restart.
 */
export const FILTERS_KEY = 'desk.moderationQueue.filters';

const StoredFilters = z.object({
  category: Category.optional().catch(undefined),
  district: z.string().min(1).max(20).optional().catch(undefined),
  sort: QueueSort.catch('oldest'),
});
export type QueueFilters = z.infer<typeof StoredFilters>;

const defaults: QueueFilters = { sort: 'oldest' };

export function loadQueueFilters(): QueueFilters {
  try {
    const text = localStorage.getItem(FILTERS_KEY);
    if (!text) return defaults;
    const parsed = StoredFilters.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : defaults;
  } catch {
    return defaults;
  }
}

function saveQueueFilters(filters: QueueFilters): void {
  try {
    localStorage.setItem(FILTERS_KEY, JSON.stringify(filters));
  } catch {
    // Storage full or blocked: the filters still apply for this session.
  }
}

export function useQueueFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const [filters, setFilters] = useState<QueueFilters>(loadQueueFilters);
  useEffect(() => saveQueueFilters(filters), [filters]);
  const update = useCallback((change: Partial<QueueFilters>) => setFilters((current) => ({ ...current, ...change })), []);
  return [filters, update];
}
