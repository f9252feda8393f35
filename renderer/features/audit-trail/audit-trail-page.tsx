import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { CallError } from '../rights-tickets/call-error';
import { AuditExport } from './audit-export';
import { AuditFilterBar } from './audit-filter-bar';
import { initialAuditFilters, toAuditQuery, type AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { ChainVerification } from './chain-verification';
import { useAuditPages } from './use-audit-pages';

/** The DPO's reading of the trail: filter, page, verify the chain, export a range. */
export function AuditTrailPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(initialAuditFilters);
  const staff = useDeskQuery('staff:list', {});

  return (
    <div className="audit-trail" data-testid="audit-trail">
      <h1>{t('audit.heading')}</h1>
      <AuditFilterBar filters={filters} staff={staff.data?.staff ?? []} onApply={setFilters} />
      <AuditPages key={JSON.stringify(toAuditQuery(filters, 0))} filters={filters} />
      <ChainVerification />
      <AuditExport />
    </div>
  );
}

function AuditPages({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  const pages = useAuditPages(filters);
  return (
    <section aria-label={t('audit.tableLabel')} aria-busy={pages.loading}>
      {pages.events.length > 0 ? (
        <AuditTable events={pages.events} />
      ) : (
        !pages.loading && !pages.error && <p className="muted">{t('audit.none')}</p>
      )}
      <CallError error={pages.error} />
      <nav className="decision-buttons" aria-label={t('audit.paging.label')}>
        <button type="button" data-testid="audit-previous" disabled={!pages.hasPrevious} onClick={pages.previous}>
          {t('audit.paging.previous')}
        </button>
        <span data-testid="audit-page">{t('audit.paging.page', { n: pages.pageNumber })}</span>
        <button type="button" data-testid="audit-next" disabled={!pages.hasNext} onClick={pages.next}>
          {t('audit.paging.next')}
        </button>
      </nav>
    </section>
  );
}
