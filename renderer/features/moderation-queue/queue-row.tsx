import { flexRender, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModerationQueueRow } from '../../../shared/ipc/moderation-views';
import { columnClass } from './queue-columns';

interface QueueRowViewProps {
  row: ModerationQueueRow;
  tableRow: Row<ModerationQueueRow>;
  index: number;
  opened: boolean;
  cursor: boolean;
  checked: boolean;
  onOpen(id: string): void;
  onToggle(id: string, index: number, range?: boolean): void;
}

/**
 * One queue row. Memoised on plain props: opening an item or moving the cursor re-renders the
 * two rows whose state changed, not the whole window of cells (their translations and price
 * formatting were most of a decision's render time).
 */
export const QueueRowView = memo(function QueueRowView({ row, tableRow, index, opened, cursor, checked, onOpen, onToggle }: QueueRowViewProps) {
  const { t } = useTranslation();
  const classes = ['queue-row'];
  if (opened) classes.push('opened');
  if (cursor) classes.push('cursor');
  if (row.overdue) classes.push('overdue');
  if (checked) classes.push('checked');
  return (
    <tr
      data-testid="queue-row"
      data-listing-id={row.id}
      data-overdue={row.overdue || undefined}
      aria-rowindex={index + 2}
      aria-selected={opened}
      className={classes.join(' ')}
      onClick={() => onOpen(row.id)}
    >
      <td className="col-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          data-testid="row-select"
          aria-label={t('queue.selectRow', { title: row.title })}
          checked={checked}
          onChange={() => undefined}
          onClick={(e) => onToggle(row.id, index, e.shiftKey)}
        />
      </td>
      {tableRow.getVisibleCells().map((cell) => (
        <td key={cell.id} className={columnClass(cell.column.columnDef.meta)}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});
