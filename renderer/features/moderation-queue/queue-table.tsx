import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow, QueueKind } from '../../../shared/ipc/moderation-views';
import { columnClass, useQueueColumns } from './queue-columns';
import { QueueRowView } from './queue-row';
import type { QueueRows } from './use-queue-rows';
import type { RowSelection } from './use-row-selection';

export const QUEUE_ROW_HEIGHT = 34;

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
 * Only the rows in view (plus a margin) exist in the DOM; spacer rows above and below keep the
 * scrollbar true to the whole queue. The table model holds just that window.
 */
export function QueueTable({ queue, rows, openedId, cursorId, cursorFocus, selection, onOpen, now }: QueueTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useQueueColumns(queue, now);
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { showRange } = rows;
  useEffect(() => showRange(first, last), [showRange, first, last, rows.total]);

  const windowRows = items.map((item) => rows.rowAt(item.index));
  const windowKey = windowRows.map((r) => r?.id ?? '').join('|');
  const data = useMemo(
    () => windowRows.filter((r): r is ModerationQueueRow => r !== undefined),
    // The window's ids and the loaded pages' revision are everything these rows depend on.
    [windowKey, rows.revision],
  );
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });
  const tableRows = table.getRowModel().rowsById;

  // Keep the cursor in view, and give it focus when the keyboard moved it.
  const cursorIndex = cursorId ? rows.indexOf(cursorId) : -1;
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);
  const focused = useRef(0);
  useEffect(() => {
    if (cursorFocus === focused.current || !cursorId) return;
    const handle = scrollRef.current?.querySelector<HTMLElement>(`tr[data-listing-id="${CSS.escape(cursorId)}"] .row-handle`);
    if (!handle) return;
    focused.current = cursorFocus;
    handle.focus();
  }, [cursorFocus, cursorId, windowKey]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = columns.length + 1;

  return (
    <div className="queue-scroll" ref={scrollRef} data-queue-scroll="">
      <table className="queue-table" data-testid="queue-table" aria-label={t('queue.tableLabel')} aria-rowcount={rows.total + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              <th scope="col" className="col-select">
                <span className="visually-hidden">{t('queue.columns.select')}</span>
              </th>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={columnClass(header.column.columnDef.meta)}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="queue-spacer" aria-hidden="true">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const tableRow = row ? tableRows[row.id] : undefined;
            if (!row || !tableRow) {
              return (
                <tr key={`loading-${item.index}`} className="queue-row-loading" aria-rowindex={item.index + 2}>
                  <td colSpan={columnCount}>{t('queue.loadingRow')}</td>
                </tr>
              );
            }
            return (
              <QueueRowView
                key={row.id}
                row={row}
                tableRow={tableRow}
                index={item.index}
                opened={row.id === openedId}
                cursor={row.id === cursorId}
                checked={selection.has(row.id)}
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
}
