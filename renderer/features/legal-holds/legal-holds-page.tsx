import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { HoldTable, type LegalHoldRow } from './hold-table';
import { LiftHoldDialog } from './lift-hold-dialog';
import { PlaceHoldForm } from './place-hold-form';
import { RenewHoldDialog } from './renew-hold-dialog';

const views = ['active', 'all'] as const;

/** Legal holds: what is frozen on which account, why and until when; placed, renewed and lifted by legal staff. */
export function LegalHoldsPage({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [view, setView] = useState<(typeof views)[number]>('active');
  const [placing, setPlacing] = useState(false);
  const [lifting, setLifting] = useState<LegalHoldRow | null>(null);
  const [renewing, setRenewing] = useState<LegalHoldRow | null>(null);
  const holds = useDeskQuery('legal:holds', { view }, { refetchOn: ['cache:changed'] });
  const done = () => {
    setPlacing(false);
    setLifting(null);
    setRenewing(null);
    holds.refetch();
  };

  return (
    <section className="legal-page" aria-labelledby="holds-heading" data-testid="legal-holds">
      <div className="ticket-list-heading">
        <h1 id="holds-heading">{t('holds.heading')}</h1>
      </div>
      <p className="muted">{t('holds.explain')}</p>
      <div className="ticket-filters">
        <div className="segmented" role="group" aria-label={t('holds.views.label')}>
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`holds.views.${v}`)}
            </button>
          ))}
        </div>
        {canAct && !placing && (
          <button type="button" className="primary" data-testid="open-place-hold" onClick={() => setPlacing(true)}>
            {t('holds.place.open')}
          </button>
        )}
      </div>
      {placing && canAct && <PlaceHoldForm onPlaced={done} onCancel={() => setPlacing(false)} />}
      {holds.error && (
        <p className="error" role="alert">
          {errorMessage(holds.error)}
        </p>
      )}
      {!holds.data && !holds.error && <p className="muted">{t('holds.loading')}</p>}
      {holds.data && holds.data.holds.length === 0 && <p className="queue-empty">{t(`holds.empty.${view}`)}</p>}
      {holds.data && holds.data.holds.length > 0 && <HoldTable holds={holds.data.holds} canAct={canAct} onLift={setLifting} onRenew={setRenewing} />}
      {lifting && <LiftHoldDialog hold={lifting} onLifted={done} onClose={() => setLifting(null)} />}
      {renewing && <RenewHoldDialog hold={renewing} onRenewed={done} onClose={() => setRenewing(null)} />}
    </section>
  );
}
