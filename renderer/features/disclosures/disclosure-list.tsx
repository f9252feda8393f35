import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureStatuses, type DisclosureStatus } from '../../../shared/legal/disclosure-rules';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { disclosureQuery, type DisclosureFilters } from './disclosure-filters';
import { DisclosureTable } from './disclosure-table';

/** Typing pauses this long before the register is searched; Enter searches at once. */
export const REGISTER_SEARCH_DELAY_MS = 300;

interface DisclosureListProps {
  filters: DisclosureFilters;
  onFilters(filters: DisclosureFilters): void;
  openedId: string | null;
  onOpen(id: string): void;
}

/** The register: every entry, newest first, by status and by register number, document number or authority. */
export function DisclosureList({ filters, onFilters, openedId, onOpen }: DisclosureListProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const list = useDeskQuery('legal:disclosures', disclosureQuery(filters), { refetchOn: ['cache:changed'] });
  const [text, setText] = useState(filters.search);
  useEffect(() => setText(filters.search), [filters.search]);
  useEffect(() => {
    if (text === filters.search) return;
    const timer = setTimeout(() => onFilters({ ...filters, search: text }), REGISTER_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onFilters]);
  const disclosures = list.data?.disclosures ?? [];

  return (
    <section className="ticket-list disclosure-list" aria-labelledby={`${id}-heading`} data-testid="disclosure-list">
      <div className="ticket-list-heading">
        <h1 id={`${id}-heading`}>{t('disclosures.list.heading')}</h1>
      </div>
      <div className="ticket-filters">
        <label htmlFor={`${id}-status`}>{t('disclosures.list.status')}</label>
        <select id={`${id}-status`} data-testid="disclosure-status-filter" value={filters.status} onChange={(e) => onFilters({ ...filters, status: e.target.value as DisclosureStatus | '' })}>
          <option value="">{t('disclosures.list.allStatuses')}</option>
          {disclosureStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`legal.statuses.${status}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-search`} className="visually-hidden">
          {t('disclosures.list.search')}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          data-testid="disclosure-search"
          maxLength={60}
          placeholder={t('disclosures.list.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onFilters({ ...filters, search: text });
            }
          }}
        />
        {list.data && <span className="ticket-total">{t('disclosures.list.total', { n: disclosures.length })}</span>}
      </div>
      {list.error && (
        <p className="error" role="alert">
          {errorMessage(list.error)}
        </p>
      )}
      {!list.data && !list.error && <p className="muted">{t('disclosures.list.loading')}</p>}
      {list.data && disclosures.length === 0 && <p className="queue-empty">{t('disclosures.list.empty')}</p>}
      {disclosures.length > 0 && <DisclosureTable disclosures={disclosures} openedId={openedId} onOpen={onOpen} />}
    </section>
  );
}
