import { memo } from 'react';
import type { ModerationQueueRow } from '../../../shared/ipc/moderation-views';
import type { QueueColumn, QueueRowText } from './queue-columns';

interface QueueRowViewProps {
  row: ModerationQueueRow;
  text: QueueRowText;
  columns: QueueColumn[];
  index: number;
  opened: boolean;
  cursor: boolean;
  checked: boolean;
  onOpen(id: string): void;
  onToggle(id: string, index: number, range?: boolean): void;
}

function cell(column: QueueColumn, row: ModerationQueueRow, text: QueueRowText) {
  switch (column.id) {
    case 'title':
      return (
        <>
          {text.claimedBy && (
            <span className="claim-lock" data-testid="claim-lock">
              {text.claimedBy}
            </span>
          )}
          <button type="button" className="row-handle" title={row.title}>
            {row.title}
          </button>
        </>
      );
    case 'category':
      return text.category;
    case 'district':
      return row.district;
    case 'price':
      return text.price;
    case 'age':
      return (
        <>
          {text.age}
          {text.overdue && <span className="overdue-badge">{text.overdue}</span>}
        </>
      );
    default:
      return text.signals;
  }
}

/**
 * One queue row. Memoised on plain props, its texts made once per row (see useQueueRowText): a
 * scroll renders each row once, opening an item or moving the cursor re-renders the two rows
 * whose state changed, and a refresh only the rows that did.
 */
export const QueueRowView = memo(function QueueRowView({ row, text, columns, index, opened, cursor, checked, onOpen, onToggle }: QueueRowViewProps) {
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
          aria-label={text.selectLabel}
          checked={checked}
          onChange={() => undefined}
          onClick={(e) => onToggle(row.id, index, e.shiftKey)}
        />
      </td>
      {columns.map((column) => (
        <td key={column.id} className={column.className}>
          {cell(column, row, text)}
        </td>
      ))}
    </tr>
  );
});
