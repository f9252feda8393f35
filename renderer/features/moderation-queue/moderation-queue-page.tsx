import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueKind } from '../../../shared/ipc/moderation-views';
import { useIsSenior } from '../../app/staff-context';
import { useDeskEvent } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { BulkDialog } from '../bulk-actions/bulk-dialog';
import { ListingDetailPane } from '../listing-review/listing-detail';
import { OutboxPanel } from '../outbox/outbox-panel';
import { QuarantinePanel } from '../quarantine/quarantine-panel';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { QueueFilterBar } from './queue-filter-bar';
import { queueQuery, useQueueState } from './queue-filters';
import { QueueTable } from './queue-table';
import { QueueTabs } from './queue-tabs';
import { SelectionBar } from './selection-bar';
import { useQueueRows } from './use-queue-rows';
import { useReviewNavigation, type NavigationStatus } from './use-review-navigation';
import { useRowSelection } from './use-row-selection';

/** How often a running sync refreshes the queue. */
const SYNC_REFRESH_MS = 2_000;

const moderatorQueues: readonly QueueKind[] = ['pending', 'reported', 'flagged'];
const seniorQueues: readonly QueueKind[] = ['pending', 'reported', 'flagged', 'escalated', 'appeals'];

/** Ages are shown to the minute; the clock ticks once a minute, not on every render. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function StatusLine({ status }: { status: NavigationStatus | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!status) return null;
  if (status.kind === 'error') return <p className="error">{errorMessage(status.error)}</p>;
  if (status.kind === 'undone') return <p>{t('queue.status.undone', { listingId: status.listingId ?? '' })}</p>;
  return <p>{t(`queue.status.${status.kind}`)}</p>;
}

export function ModerationQueuePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const senior = useIsSenior();
  const ids = useId();
  const queues = senior ? seniorQueues : moderatorQueues;
  const { queue, filters, setQueue, changeFilters } = useQueueState(queues);
  const [search, setSearch] = useState('');
  const query = queueQuery(queue, filters, search);
  const rows = useQueueRows(query);
  const now = useMinuteClock();
  const nav = useReviewNavigation(query, rows);
  const selection = useRowSelection(rows.rowAt);
  const [helpOpen, setHelpOpen] = useState(false);
  const [bulkIds, setBulkIds] = useState<string[] | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tabId = useCallback((kind: QueueKind) => `${ids}-tab-${kind}`, [ids]);
  const panelId = `${ids}-panel`;

  const { refresh, indexOf } = rows;
  // After a decision the outbox and then the sync report changes: the queue catches up once the
  // next item is shown and the one after it read ahead, not in the middle of it.
  useDeskEvent('cache:changed', nav.refreshSoon);
  useDeskEvent('outbox:changed', nav.refreshSoon);
  // A sync reports its progress page by page but says the cache changed only when it ends, and a
  // first sync of a large platform takes minutes: the queue shows what has landed meanwhile.
  const lastSyncRefresh = useRef(0);
  useDeskEvent('sync:progress', ({ phase, done }) => {
    const now = Date.now();
    if ((phase !== 'initial' && phase !== 'incremental') || done === 0 || now - lastSyncRefresh.current < SYNC_REFRESH_MS) return;
    lastSyncRefresh.current = now;
    nav.refreshSoon();
  });

  const queryKey = JSON.stringify(query);
  const { clear } = selection;
  useEffect(() => clear(), [queryKey, clear]);

  const switchQueue = useCallback(
    (kind: QueueKind) => {
      setSearch('');
      setQueue(kind);
    },
    [setQueue],
  );
  const { next, advance } = nav;
  const onDecided = useCallback((listingId: string) => void next(listingId), [next]);

  // Elements kept while their inputs are unchanged: moving between items re-renders the table's
  // two changed rows and the detail pane, not every panel of the page.
  const tabs = useMemo(
    () => <QueueTabs queues={queues} summaries={rows.summaries} current={queue} now={now} panelId={panelId} tabId={tabId} onSelect={switchQueue} />,
    [queues, rows.summaries, queue, now, panelId, tabId, switchQueue],
  );
  const filterBar = useMemo(
    () => (
      <QueueFilterBar
        filters={filters}
        districts={rows.districts}
        total={rows.total}
        moreThanTotal={rows.moreThanTotal}
        search={search}
        searchRef={searchRef}
        onChange={changeFilters}
        onSearch={setSearch}
      />
    ),
    [filters, rows.districts, rows.total, rows.moreThanTotal, search, changeFilters],
  );
  const outboxPanel = useMemo(() => <OutboxPanel />, []);
  const quarantinePanel = useMemo(() => <QuarantinePanel />, []);

  useShortcuts({
    moveDown: () => nav.move(1),
    moveUp: () => nav.move(-1),
    open: nav.openCursor,
    next: () => void nav.next(),
    undo: () => void nav.undo(),
    select: () => {
      if (nav.cursorId) selection.toggle(nav.cursorId, indexOf(nav.cursorId));
    },
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen(true),
  });

  return (
    <div className="moderation-page">
      <section className="queue-column" aria-labelledby={`${ids}-heading`}>
        <div className="queue-heading">
          <h1 id={`${ids}-heading`}>{t('queue.heading')}</h1>
          <span className="muted keyboard-hint">{t('queue.keyboardHint')}</span>
          <button type="button" className="next-button" onClick={() => void nav.next()}>
            {t('queue.next')}
          </button>
          <button type="button" aria-haspopup="dialog" onClick={() => setHelpOpen(true)}>
            {t('shortcuts.open')}
          </button>
        </div>
        {tabs}
        <div className="queue-panel" role="tabpanel" id={panelId} aria-labelledby={tabId(queue)}>
          {filterBar}
          {selection.size > 0 && <SelectionBar count={selection.size} canBulk={senior} onBulk={() => setBulkIds(selection.ids)} onClear={selection.clear} />}
          {rows.error && (
            <p className="error" role="alert">
              {errorMessage(rows.error)}
            </p>
          )}
          <QueueTable
            queue={queue}
            rows={rows}
            openedId={nav.openedId}
            cursorId={nav.cursorId}
            cursorFocus={nav.cursorFocus}
            selection={selection}
            onOpen={nav.open}
            now={now}
          />
          {rows.loaded && rows.total === 0 && !rows.error && <p className="queue-empty">{t('queue.empty')}</p>}
          <div className="queue-status" role="status" data-testid="queue-status">
            <StatusLine status={nav.status} />
          </div>
        </div>
        {outboxPanel}
        {quarantinePanel}
      </section>
      <ListingDetailPane listingId={nav.openedId} queue={queue} onDecided={onDecided} onDeciding={advance} />
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {bulkIds && (
        <BulkDialog
          listingIds={bulkIds}
          onClose={() => {
            setBulkIds(null);
            selection.clear();
            refresh();
          }}
        />
      )}
    </div>
  );
}
