import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../shared/ipc/rights-views';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { DeadlineView } from './deadline-view';

interface TicketTableProps {
  tickets: TicketRow[];
  openedId: string | null;
  onOpen(id: string): void;
}

/** Arrow keys walk the rows, Enter (or Space) opens one: an agent on a call keeps hands on the keyboard. */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const row = event.currentTarget;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/**
 * The tickets in the core's order, which puts overdue and due-soon first: the table never
 * re-sorts. Urgent rows are tinted and say so in words.
 */
export function TicketTable({ tickets, openedId, onOpen }: TicketTableProps) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  return (
    <div className="ticket-scroll">
      <table className="ticket-table" data-testid="ticket-table" aria-label={t('rights.list.label')}>
        <thead>
          <tr>
            {(['number', 'type', 'state', 'user', 'requester', 'received', 'deadline'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`rights.list.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => {
            const urgency = ticket.deadline?.urgency ?? 'closed';
            return (
              <tr
                key={ticket.id}
                tabIndex={0}
                data-testid="ticket-row"
                data-ticket-id={ticket.id}
                data-urgency={urgency}
                aria-current={ticket.id === openedId ? 'true' : undefined}
                className={`ticket-row urgency-${urgency}${ticket.id === openedId ? ' opened' : ''}`}
                onClick={() => onOpen(ticket.id)}
                onKeyDown={(e) => onRowKey(e, () => onOpen(ticket.id))}
              >
                <td className="ticket-number col-nowrap">{ticket.number}</td>
                <td>{t(`rightsTypes.${ticket.type}`)}</td>
                <td className="col-nowrap">{t(`ticketStates.${ticket.state}`)}</td>
                <td>
                  {ticket.userNickname} <span className="phone">{ticket.userPhoneMasked}</span>
                </td>
                <td>{ticket.requesterName}</td>
                <td className="col-nowrap">{formatTime(ticket.receivedAt)}</td>
                <td className="col-deadline">
                  <DeadlineView deadline={ticket.deadline} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
