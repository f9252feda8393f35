import { useState } from 'react';
import { useDeskQuery } from '../../desk/use-desk-query';
import { toAuditQuery, type AuditFilters } from './audit-filters';

/**
 * Pages through the trail by sequence number: each page starts after the last event of the one
 * before, so events appended meanwhile never shift a page. The starts walked so far are kept
 * for going back. Mount it with a key per filter, so a new filter starts at the first page.
 */
export function useAuditPages(filters: AuditFilters) {
  const [starts, setStarts] = useState<number[]>([0]);
  const afterSeq = starts[starts.length - 1] ?? 0;
  const page = useDeskQuery('audit:events', toAuditQuery(filters, afterSeq));
  const events = page.data?.events ?? [];
  const last = events[events.length - 1];
  return {
    ...page,
    events,
    pageNumber: starts.length,
    hasNext: Boolean(page.data?.hasMore && last),
    hasPrevious: starts.length > 1,
    next: () => last && setStarts((s) => [...s, last.seq]),
    previous: () => setStarts((s) => (s.length > 1 ? s.slice(0, -1) : s)),
  };
}
