import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { SEARCH_COUNT_LIMIT, type ModerationQueueQuery, type ModerationQueueRow, type QueueKind, type QueueSummary } from '../../../shared/ipc/moderation-views';
import type { ListingDetail } from '../../../shared/ipc/views';
import type { FakeHandlers } from '../../desk/fake-desk';
import { listingDetail, outboxEntry, queueRow, queueTargets } from '../../desk/fake-records';

/**
 * Test-only: moderation queues behind a FakeDesk, answering the way the core does — each queue
 * filtered, sorted and paged, summaries for every queue, claims that `next` skips, decided
 * listings leaving their queue, and the last decision undoable.
 */
export interface FakeQueueOptions {
  /** Rows per queue; the default is only a pending queue of `size`. */
  sizes?: Partial<Record<QueueKind, number>>;
  /** Row changes by index within its queue. */
  rowOverrides?: (queue: QueueKind, index: number) => Partial<ModerationQueueRow>;
  detailOverrides?: (row: ModerationQueueRow) => Partial<ListingDetail>;
  /** How far a search is counted (the core's SEARCH_COUNT_LIMIT unless a test needs it small). */
  searchLimit?: number;
}

type Tagged = ModerationQueueRow & { queue: QueueKind };

const sorters: Record<NonNullable<ModerationQueueQuery['sort']>, (a: ModerationQueueRow, b: ModerationQueueRow) => number> = {
  oldest: (a, b) => a.queuedAt.localeCompare(b.queuedAt),
  newest: (a, b) => b.queuedAt.localeCompare(a.queuedAt),
  most_reported: (a, b) => b.reportCount - a.reportCount,
  price_low: (a, b) => (a.priceFen ?? Infinity) - (b.priceFen ?? Infinity),
  price_high: (a, b) => (b.priceFen ?? -1) - (a.priceFen ?? -1),
};

export function fakeQueue(size: number, options: FakeQueueOptions = {}) {
  const sizes = options.sizes ?? { pending: size };
  let next = 0;
  const rows: Tagged[] = Object.entries(sizes).flatMap(([queue, count]) =>
    Array.from({ length: count }, (_, i) => ({ ...queueRow(next++, options.rowOverrides?.(queue as QueueKind, i)), queue: queue as QueueKind })),
  );
  const decided = new Set<string>();
  const decisions: string[] = [];
  /** Listings someone else holds: listingId → holder's name. */
  const heldByOthers = new Map<string, string>();

  const inQueue = (query: ModerationQueueQuery) => {
    let matching = rows.filter((r) => r.queue === (query.queue ?? 'pending') && !decided.has(r.id));
    if (query.category) matching = matching.filter((r) => r.category === query.category);
    if (query.district) matching = matching.filter((r) => r.district === query.district);
    if (query.flag) matching = matching.filter((r) => r.flags.includes(query.flag!));
    if (query.search) matching = matching.filter((r) => r.title.includes(query.search!));
    return [...matching].sort(sorters[query.sort ?? 'oldest']);
  };

  const summaries = (): QueueSummary[] =>
    (['pending', 'reported', 'flagged', 'escalated', 'appeals'] as const)
      .filter((queue) => sizes[queue] !== undefined)
      .map((queue) => {
        const open = inQueue({ queue });
        return { queue, size: open.length, oldestAt: open[0]?.queuedAt ?? null, overdue: open.filter((r) => r.overdue).length, targetHours: queueTargets[queue] };
      });

  const handlers: FakeHandlers = {
    'moderation:queue': (query) => {
      const limit = query.search ? (options.searchLimit ?? SEARCH_COUNT_LIMIT) : Infinity;
      const matching = inQueue(query);
      const offset = query.offset ?? 0;
      return {
        rows: matching.slice(offset, offset + (query.limit ?? 200)).map(({ queue: _queue, ...row }) => row),
        total: Math.min(matching.length, limit),
        moreThanTotal: matching.length > limit,
        districts: [...new Set(rows.map((r) => r.district))].sort(),
        summaries: summaries(),
      };
    },
    'moderation:listing': ({ listingId }) => {
      const row = rows.find((r) => r.id === listingId);
      if (!row) throw new Error(`no row ${listingId}`);
      return listingDetail(row, options.detailOverrides?.(row));
    },
    'moderation:open': ({ listingId }) => {
      const holder = heldByOthers.get(listingId);
      return { claimed: !holder, holderName: holder ?? null, expiresAt: '2026-11-20T06:05:00.000Z' };
    },
    'moderation:release': () => ({ released: true }),
    'moderation:next': ({ afterListingId, ...query }) => {
      const ordered = [...rows.filter((r) => r.queue === (query.queue ?? 'pending'))].sort(sorters[query.sort ?? 'oldest']);
      const from = afterListingId ? ordered.findIndex((r) => r.id === afterListingId) + 1 : 0;
      const found = ordered.slice(from).find((r) => !decided.has(r.id) && !heldByOthers.has(r.id) && inQueue(query).includes(r));
      return { listingId: found?.id ?? null };
    },
    'moderation:decide': (input) => {
      decided.add(input.listingId);
      decisions.push(input.listingId);
      return outboxEntry({ listingId: input.listingId, action: input.action, reasonCode: input.reasonCode });
    },
    'moderation:undo': () => {
      const last = decisions.pop() ?? null;
      if (last) decided.delete(last);
      return { undone: last !== null, listingId: last };
    },
    'outbox:list': () => ({ entries: [] }),
  };
  return { rows, decided, heldByOthers, handlers };
}

/**
 * For a test file of the queue page: happy-dom lays nothing out, so the queue's scroll box gets
 * the height of a real window; storage and mocks are reset around each test.
 */
export function useQueuePageTestWindow(): void {
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.dataset.queueScroll !== undefined ? 600 : 0;
    });
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}
