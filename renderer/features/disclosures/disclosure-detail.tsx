import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../i18n/error-message';
import { AmendmentForm } from './amendment-form';
import { AmendmentHistory } from './amendment-history';
import { ApprovalPanel } from './approval-panel';
import { ClosurePanel } from './closure-panel';
import { DisclosureFlags } from './disclosure-flags';
import { NotificationPanel } from './notification-panel';
import { ProductionPanel } from './production-panel';
import { RequestSection } from './request-section';
import { ScopeComparison } from './scope-comparison';
import { useDisclosureDetail } from './use-disclosure-detail';

/**
 * One register entry, from the document received to the user told. Legal staff act on it; the
 * DPO reads the same page without its buttons (the core refuses their writes anyway).
 */
export function DisclosureDetailView({ disclosureId, canAct }: { disclosureId: string; canAct: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { detail, error, accept } = useDisclosureDetail(disclosureId);

  if (!detail) {
    return (
      <section className="ticket-detail empty" data-testid="disclosure-detail">
        {error ? (
          <p className="error" role="alert">
            {errorMessage(error)}
          </p>
        ) : (
          <p className="muted">{t('disclosures.detail.loading')}</p>
        )}
      </section>
    );
  }
  const { disclosure } = detail;
  const flags = { ...disclosure.request, overDisclosure: disclosure.overDisclosure !== null };
  return (
    <article className="ticket-detail disclosure-detail" data-testid="disclosure-detail" aria-labelledby="disclosure-heading">
      <header className="ticket-header">
        <h2 id="disclosure-heading">
          <span className="ticket-number">{disclosure.registerNumber}</span>
          <span className="badge" data-testid="disclosure-status">
            {t(`legal.statuses.${disclosure.status}`)}
          </span>
          <DisclosureFlags facts={flags} />
        </h2>
        {disclosure.outcome && <p data-testid="disclosure-outcome">{t('disclosures.detail.outcome', { outcome: t(`legal.outcomes.${disclosure.outcome}`) })}</p>}
      </header>
      <RequestSection detail={detail} />
      <ScopeComparison disclosure={disclosure} accounts={detail.accounts} />
      <ApprovalPanel detail={detail} canAct={canAct} onChanged={accept} />
      <ProductionPanel disclosure={disclosure} canAct={canAct} onChanged={accept} />
      <ClosurePanel disclosure={disclosure} canAct={canAct} onChanged={accept} />
      <NotificationPanel disclosure={disclosure} canAct={canAct} onChanged={accept} />
      <section className="ticket-section" aria-labelledby="amendments-heading" data-testid="amendments">
        <h3 id="amendments-heading">{t('disclosures.amendments.heading')}</h3>
        <AmendmentHistory amendments={disclosure.amendments} />
        {canAct && <AmendmentForm key={disclosure.version} disclosure={disclosure} onChanged={accept} />}
      </section>
    </article>
  );
}
