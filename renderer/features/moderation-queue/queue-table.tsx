import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueKind } from '../../../shared/ipc/moderation-views';
import { useQueueColumns, useQueueRowText } from './queue-columns';
import { QueueRowView } from './queue-row';
import { assignRowSlots } from './row-slots';
import type { QueueRows } from './use-queue-rows';
import type { RowSelection } from './use-row-selection';

export const QUEUE_ROW_HEIGHT = 34;
/**
 * Rows rendered beyond each edge of the view. Every rendered row costs layout and paint on each
 * frame of a fast scroll, so few: enough for j/k and the wheel's next step.
 */
const OVERSCAN = 4;

interface QueueTableProps {
  queue: QueueKind;
  rows: QueueRows;
  /** The listing open in the detail pane. */
  openedId: string | null;
  /** Where j/k are; `cursorFocus` changes when the keyboard moved it, and focus follows. */
  cursorId: string | null;
  cursorFocus: number;
  selection: RowSelection;
  onOpen(id: string): void;
  now: number;
}

/**
 * What names each row in view for its slot: the listing's id, or its place while its page is on
 * its way. A listing seen twice (a refresh half landed: an old page and a new one both hold it)
 * is named by its place the second time, so that keys stay unique.
 */
function rowKeysOf(rows: QueueRows, items: readonly { index: number }[]): string[] {
  const seen = new Set<string>();
  return items.map(({ index }) => {
    const id = rows.rowAt(index)?.id;
    const key = id === undefined || seen.has(id) ? `@${index}` : id;
    seen.add(key);
    return key;
  });
}

/**
 * Only the rows in view (plus a margin) exist in the DOM; spacer rows above and below keep the
 * scrollbar true to the whole queue. Loaded pages reach the table through `rows.subscribe`, so a
 * page arriving re-renders the table alone, and each row only if it changed.
 */
export const QueueTable = memo(function QueueTable({ queue, rows, openedId, cursorId, cursorFocus, selection, onOpen, now }: QueueTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const revision = useSyncExternalStore(rows.subscribe, rows.revision);
  const columns = useQueueColumns(queue);
  const textOf = useQueueRowText(queue, now);
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: OVERSCAN,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  // Rows are keyed by slot, so that scrolling reuses their elements (see row-slots). Assigning
  // again for the same rows changes nothing, so a render repeated by React gives the same keys.
  const slotsShown = useRef(new Map<string, number>());
  const rowKeys = rowKeysOf(rows, items);
  const slots = (slotsShown.current = assignRowSlots(slotsShown.current, rowKeys));
  const { showRange } = rows;
  useEffect(() => showRange(first, last), [showRange, first, last, rows.total]);

  // Keep the cursor in view, and give it focus when the keyboard moved it.
  const cursorIndex = cursorId ? rows.indexOf(cursorId) : -1;
  useEffect(() => {
    if (cursorIndex < 0) return;
    // Already wholly in view (by the scroll position the virtualizer knows): nothing to scroll,
    // and asking would force a layout on the key path.
    const top = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const start = cursorIndex * QUEUE_ROW_HEIGHT;
    if (start >= top && start + QUEUE_ROW_HEIGHT <= top + height) return;
    virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);
  const focused = useRef(0);
  useEffect(() => {
    if (cursorFocus === focused.current || !cursorId) return;
    const handle = scrollRef.current?.querySelector<HTMLElement>(`tr[data-listing-id="${CSS.escape(cursorId)}"] .row-handle`);
    if (!handle) return;
    focused.current = cursorFocus;
    handle.focus();
  }, [cursorFocus, cursorId, revision, first]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = columns.length + 1;
  const loadingRow = t('queue.loadingRow');

  return (
    <div className="queue-scroll" ref={scrollRef} data-queue-scroll="">
      <table className="queue-table" data-testid="queue-table" aria-label={t('queue.tableLabel')} aria-rowcount={rows.total + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-select">
              <span className="visually-hidden">{t('queue.columns.select')}</span>
            </th>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="queue-spacer" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item, at) => {
            const row = rows.rowAt(item.index);
            return (
              <QueueRowView
                key={slots.get(rowKeys[at]!)}
                row={row}
                text={row && textOf(row)}
                loadingText={loadingRow}
                columns={columns}
                index={item.index}
                opened={!!row && row.id === openedId}
                cursor={!!row && row.id === cursorId}
                checked={!!row && selection.has(row.id)}
                onOpen={onOpen}
                onToggle={selection.toggle}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr className="queue-spacer" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
});
