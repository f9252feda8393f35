import { memo, useLayoutEffect, useRef } from 'react';
import type { ModerationQueueRow } from '../../../shared/ipc/moderation-views';
import type { QueueColumn, QueueRowText } from './queue-columns';

interface QueueRowViewProps {
  /** Undefined while its page is on its way. */
  row: ModerationQueueRow | undefined;
  text: QueueRowText | undefined;
  /** What a row whose page is on its way says. */
  loadingText: string;
  columns: QueueColumn[];
  index: number;
  opened: boolean;
  cursor: boolean;
  checked: boolean;
  onOpen(id: string): void;
  onToggle(id: string, index: number, range?: boolean): void;
}

function cell(column: QueueColumn, row: ModerationQueueRow | undefined, text: QueueRowText | undefined, loadingText: string) {
  if (column.id === 'title') {
    // The same elements loading or loaded, so that a page arriving only changes their text.
    return (
      <>
        {text?.claimedBy && (
          <span className="claim-lock" data-testid="claim-lock">
            {text.claimedBy}
          </span>
        )}
        <button type="button" className="row-handle" title={row?.title} disabled={!row}>
          {row ? row.title : loadingText}
        </button>
      </>
    );
  }
  if (!row || !text) return null;
  switch (column.id) {
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

const keepFromRow = (e: React.MouseEvent) => e.stopPropagation();

/**
 * One row element of the queue table, showing whichever row its slot holds (see row-slots).
 * Memoised on plain props, its texts made once per row (see useQueueRowText): a scroll renders
 * each row once, opening an item or moving the cursor re-renders the two rows whose state
 * changed, and a refresh only the rows that did.
 */
export const QueueRowView = memo(function QueueRowView({ row, text, loadingText, columns, index, opened, cursor, checked, onOpen, onToggle }: QueueRowViewProps) {
  const element = useRef<HTMLTableRowElement>(null);
  const id = row?.id;
  const shown = useRef(id);
  useLayoutEffect(() => {
    if (shown.current === id) return;
    shown.current = id;
    // The element now shows another listing: focus left in it belonged to the one scrolled away,
    // and a key pressed there must not act on this one.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && element.current?.contains(focused)) focused.blur();
  }, [id]);

  const classes = [row ? 'queue-row' : 'queue-row-loading'];
  if (opened) classes.push('opened');
  if (cursor) classes.push('cursor');
  if (row?.overdue) classes.push('overdue');
  if (checked) classes.push('checked');
  return (
    <tr
      ref={element}
      data-testid={row ? 'queue-row' : undefined}
      data-listing-id={id}
      data-overdue={row?.overdue || undefined}
      aria-rowindex={index + 2}
      aria-selected={row ? opened : undefined}
      aria-busy={row ? undefined : true}
      className={classes.join(' ')}
      onClick={row ? () => onOpen(row.id) : undefined}
    >
      <td className="col-select" onClick={keepFromRow}>
        <input
          type="checkbox"
          data-testid={row ? 'row-select' : undefined}
          aria-label={text ? text.selectLabel : loadingText}
          checked={checked}
          disabled={!row}
          onChange={() => undefined}
          onClick={row ? (e) => onToggle(row.id, index, e.shiftKey) : undefined}
        />
      </td>
      {columns.map((column) => (
        <td key={column.id} className={column.className}>
          {cell(column, row, text, loadingText)}
        </td>
      ))}
    </tr>
  );
});
