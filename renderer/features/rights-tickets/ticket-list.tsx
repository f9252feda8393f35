import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { TicketFilterBar } from './ticket-filter-bar';
import { ticketQuery, type TicketFilters } from './ticket-filters';
import { TicketTable } from './ticket-table';

interface TicketListProps {
  filters: TicketFilters;
  onFilters(filters: TicketFilters): void;
  openedId: string | null;
  onOpen(id: string): void;
}

export function TicketList({ filters, onFilters, openedId, onOpen }: TicketListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useDeskQuery('rights:tickets', ticketQuery(filters), { refetchOn: ['cache:changed'] });
  const tickets = list.data?.tickets ?? [];
  return (
    <section className="ticket-list" aria-labelledby="ticket-list-heading" data-testid="ticket-list">
      <div className="ticket-list-heading">
        <h1 id="ticket-list-heading">{t('rights.list.heading')}</h1>
        <span className="muted keyboard-hint">{t('rights.list.keyboardHint')}</span>
      </div>
      <TicketFilterBar filters={filters} total={list.data ? tickets.length : null} onChange={onFilters} />
      {list.error && (
        <p className="error" role="alert">
          {errorMessage(list.error)}
        </p>
      )}
      {!list.data && !list.error && <p className="muted">{t('rights.list.loading')}</p>}
      {list.data && tickets.length === 0 && <p className="queue-empty">{t('rights.list.empty')}</p>}
      {tickets.length > 0 && <TicketTable tickets={tickets} openedId={openedId} onOpen={onOpen} />}
    </section>
  );
}
