import type { ModerationQueuePage as QueuePage, ModerationQueueRow as QueueRow } from '../../../shared/ipc/moderation-views';
import type { FakeHandlers } from '../../desk/fake-desk';
import { listingDetail, queueRow } from '../../desk/fake-records';

/**
 * Test-only: a moderation queue of `size` rows behind a FakeDesk, answering pages the way the
 * core does (filters, sort, offset/limit, decided listings excluded).
 */
export function fakeQueue(size: number) {
  const rows: QueueRow[] = Array.from({ length: size }, (_, i) => queueRow(i));
  const decided = new Set<string>();
  const handlers: FakeHandlers = {
    'moderation:queue': (query): QueuePage => {
      let matching = rows.filter((r) => !decided.has(r.id));
      if (query.category) matching = matching.filter((r) => r.category === query.category);
      if (query.district) matching = matching.filter((r) => r.district === query.district);
      if (query.sort === 'newest') matching = [...matching].reverse();
      const offset = query.offset ?? 0;
      return {
        rows: matching.slice(offset, offset + (query.limit ?? 200)),
        total: matching.length,
        districts: [...new Set(rows.map((r) => r.district))].sort(),
        summaries: [],
      };
    },
    'moderation:listing': ({ listingId }) => {
      const row = rows.find((r) => r.id === listingId);
      if (!row) throw new Error(`no row ${listingId}`);
      return listingDetail(row);
    },
    'outbox:list': () => ({ entries: [] }),
  };
  return { rows, decided, handlers };
}
