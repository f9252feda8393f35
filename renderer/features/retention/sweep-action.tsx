import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSweep } from '../../../shared/platform/rights-entities';
import { useDesk } from '../../desk/desk-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

function SweepCounts({ sweep, testId }: { sweep: RetentionSweep; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="sweep-counts" data-testid={testId}>
      <p>{t(sweep.dryRun ? 'retention.sweep.wouldDo' : 'retention.sweep.did', { deleted: sweep.deleted, anonymised: sweep.anonymised, held: sweep.held })}</p>
      {sweep.listingIds.length > 0 && <code className="id-list">{sweep.listingIds.join(' ')}</code>}
    </div>
  );
}

/**
 * The DPO's retention sweep: a dry run shows what would go, and only then can the real run be
 * confirmed. The platform does the deleting and keeps what is held.
 */
export function SweepAction() {
  const { t } = useTranslation();
  const desk = useDesk();
  const [dryRun, setDryRun] = useState<RetentionSweep | null>(null);
  const [done, setDone] = useState<RetentionSweep | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { working, error, run } = useTicketCall();

  const preview = async () => {
    setDone(null);
    const answer = await run(() => desk.call('retention:sweep', { dryRun: true }));
    if (answer) setDryRun(answer.sweep);
  };
  const sweep = async () => {
    const answer = await run(() => desk.call('retention:sweep', { dryRun: false }));
    setConfirming(false);
    if (!answer) return;
    setDryRun(null);
    setDone(answer.sweep);
  };

  return (
    <section className="sweep-action" aria-labelledby="sweep-heading" data-testid="sweep-action">
      <h2 id="sweep-heading">{t('retention.sweep.heading')}</h2>
      <p className="muted">{t('retention.sweep.explain')}</p>
      <div className="decision-buttons">
        <button type="button" data-testid="sweep-dry-run" disabled={working} onClick={() => void preview()}>
          {t('retention.sweep.dryRun')}
        </button>
        {dryRun && (
          <button type="button" className="primary" data-testid="sweep-run" disabled={working} onClick={() => setConfirming(true)}>
            {t('retention.sweep.run')}
          </button>
        )}
      </div>
      {dryRun && <SweepCounts sweep={dryRun} testId="sweep-preview" />}
      {done && <SweepCounts sweep={done} testId="sweep-done" />}
      <CallError error={error} />
      {confirming && dryRun && (
        <ModalDialog title={t('retention.sweep.confirmTitle')} onClose={() => setConfirming(false)} testId="sweep-dialog">
          <p>{t('retention.sweep.confirmBody', { deleted: dryRun.deleted, anonymised: dryRun.anonymised, held: dryRun.held })}</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('retention.sweep.cancel')}
            </button>
            <button type="button" className="primary" data-testid="confirm-sweep" disabled={working} onClick={() => void sweep()}>
              {t('retention.sweep.confirm')}
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}
