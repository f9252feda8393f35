import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rightsRequestTypes, type RightsRequestType } from '../../../shared/rights/ticket-states';
import { ticketViews, type TicketFilters } from './ticket-filters';

/** Typing pauses this long before the list is searched; Enter searches at once. */
export const TICKET_SEARCH_DELAY_MS = 300;

interface TicketFilterBarProps {
  filters: TicketFilters;
  total: number | null;
  onChange(filters: TicketFilters): void;
}

/** Open / closed / all, the request type, and a search by ticket number, nickname or masked phone. */
export function TicketFilterBar({ filters, total, onChange }: TicketFilterBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(filters.search);
  useEffect(() => setText(filters.search), [filters.search]);
  useEffect(() => {
    // Half a phone number is not searched as the agent types: only the whole one, masked (Enter still searches).
    if (text === filters.search || /^1\d{6,9}$/.test(text.trim())) return;
    const timer = setTimeout(() => onChange({ ...filters, search: text }), TICKET_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="ticket-filters">
      <div className="segmented" role="group" aria-label={t('rights.list.views.label')}>
        {ticketViews.map((view) => (
          <button key={view} type="button" aria-pressed={filters.view === view} onClick={() => onChange({ ...filters, view })}>
            {t(`rights.list.views.${view}`)}
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-type`}>{t('rights.list.type')}</label>
      <select
        id={`${id}-type`}
        data-testid="ticket-type-filter"
        value={filters.type}
        onChange={(e) => onChange({ ...filters, type: e.target.value as RightsRequestType | '' })}
      >
        <option value="">{t('rights.list.allTypes')}</option>
        {rightsRequestTypes.map((type) => (
          <option key={type} value={type}>
            {t(`rightsTypes.${type}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-search`} className="visually-hidden">
        {t('rights.list.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        data-testid="ticket-search"
        maxLength={40}
        placeholder={t('rights.list.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onChange({ ...filters, search: text });
          }
        }}
      />
      {total !== null && <span className="ticket-total">{t('rights.list.total', { n: total })}</span>}
    </div>
  );
}
