import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow as QueueRow } from '../../../shared/ipc/moderation-views';
import { columnClass, useQueueColumns } from './queue-columns';
import type { QueueRows } from './use-queue-rows';

export const QUEUE_ROW_HEIGHT = 34;

interface QueueTableProps {
  rows: QueueRows;
  selectedId: string | null;
  onSelect(id: string): void;
  now: number;
}

/**
 * Only the rows in view (plus a margin) exist in the DOM; spacer rows above and below keep the
 * scrollbar true to the whole queue. The table model holds just that window.
 */
export function QueueTable({ rows, selectedId, onSelect, now }: QueueTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useQueueColumns(now);
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
    () => windowRows.filter((r): r is QueueRow => r !== undefined),
    // The window's ids and the loaded pages' revision are everything these rows depend on.
    [windowKey, rows.revision],
  );
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });
  const tableRows = table.getRowModel().rowsById;

  // Keep the selection in view when it moves by keyboard or a decision.
  const selectedIndex = selectedId ? rows.indexOf(selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = columns.length;

  return (
    <div className="queue-scroll" ref={scrollRef} data-queue-scroll="">
      <table className="queue-table" data-testid="queue-table" aria-label={t('queue.tableLabel')} aria-rowcount={rows.total + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
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
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                data-testid="queue-row"
                data-listing-id={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={selected ? 'queue-row selected' : 'queue-row'}
                onClick={() => onSelect(row.id)}
              >
                {tableRow.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={columnClass(cell.column.columnDef.meta)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
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
