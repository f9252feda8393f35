import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskEvent } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { OutboxPanel } from '../outbox/outbox-panel';
import { ListingDetailPane } from './listing-detail';
import { QueueFilterBar } from './queue-filter-bar';
import { useQueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';
import { useQueueRows } from './use-queue-rows';
import { useShortcuts } from './use-shortcuts';

/** Ages are shown to the minute; the clock ticks once a minute, not on every render. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ModerationQueuePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filters, changeFilters] = useQueueFilters();
  const rows = useQueueRows(filters);
  const now = useMinuteClock();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Where the selection last was, for when its row has already left the loaded pages.
  const lastIndex = useRef(-1);

  const { refresh, rowAt, indexOf } = rows;
  useDeskEvent('cache:changed', refresh);
  useDeskEvent('outbox:changed', refresh);

  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      if (id !== null) lastIndex.current = indexOf(id);
    },
    [indexOf],
  );

  const move = (step: 1 | -1) => {
    const current = selectedId === null ? -1 : indexOf(selectedId);
    const target = current < 0 ? Math.max(0, lastIndex.current) : current + step;
    const row = rowAt(target);
    if (row) select(row.id);
  };
  useShortcuts({ j: () => move(1), k: () => move(-1) });

  const onDecided = (listingId: string) => {
    // The decided row leaves the queue; the next one in the current ordering opens.
    const index = indexOf(listingId);
    const next = index >= 0 ? (rowAt(index + 1) ?? rowAt(index - 1)) : rowAt(Math.max(0, lastIndex.current));
    const nextId = next && next.id !== listingId ? next.id : null;
    setSelectedId(nextId);
    lastIndex.current = index >= 0 ? index : lastIndex.current;
    refresh();
  };

  const changeAndClear = (change: Parameters<typeof changeFilters>[0]) => {
    changeFilters(change);
    setSelectedId(null);
    lastIndex.current = -1;
  };

  return (
    <div className="moderation-page">
      <section className="queue-column" aria-labelledby="queue-heading">
        <div className="queue-heading">
          <h1 id="queue-heading">{t('queue.heading')}</h1>
          <span className="muted keyboard-hint">{t('queue.keyboardHint')}</span>
        </div>
        <QueueFilterBar filters={filters} districts={rows.districts} total={rows.total} onChange={changeAndClear} />
        {rows.error && (
          <p className="error" role="alert">
            {errorMessage(rows.error)}
          </p>
        )}
        <QueueTable rows={rows} selectedId={selectedId} onSelect={select} now={now} />
        {rows.loaded && rows.total === 0 && !rows.error && <p className="queue-empty">{t('queue.empty')}</p>}
        <OutboxPanel />
      </section>
      <ListingDetailPane listingId={selectedId} onDecided={onDecided} />
    </div>
  );
}
