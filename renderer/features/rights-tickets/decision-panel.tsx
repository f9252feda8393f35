import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { refusalReasons, type RefusalReason } from '../../../shared/rights/ticket-states';
import { useDesk } from '../../desk/desk-context';
import { CallError } from './call-error';
import { useTicketCall } from './use-ticket-call';

interface DecisionPanelProps {
  ticket: RightsTicket;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/**
 * Approve a verified request, or refuse it with a coded reason (legal reviews refusals, and the
 * letter tells the user the reason in words). The note is internal: it never reaches the user.
 */
export function DecisionPanel({ ticket, canAct, onChanged }: DecisionPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [refusing, setRefusing] = useState(false);
  const [reasonCode, setReasonCode] = useState<RefusalReason | ''>('');
  const [note, setNote] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const { working, error, run } = useTicketCall();

  if (ticket.refusal) {
    return (
      <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="decision-panel">
        <h3 id={`${id}-heading`}>{t('rights.decision.heading')}</h3>
        <p data-testid="refusal-reason">{t('rights.decision.refusedBecause', { reason: t(`refusalReasons.${ticket.refusal.reasonCode}`) })}</p>
        {ticket.refusal.note && <p className="muted">{t('rights.decision.noteValue', { note: ticket.refusal.note })}</p>}
      </section>
    );
  }
  if (!canAct || ticket.state !== 'in_review') return null;

  const decide = async (decision: 'approve' | 'refuse') => {
    const detail = await run(() =>
      desk.call('rights:decide', { ticketId: ticket.id, basedOnVersion: ticket.version, decision, reasonCode: decision === 'refuse' ? reasonCode || null : null, note: note.trim() }),
    );
    if (detail) onChanged(detail);
  };
  const refuse = (event: FormEvent) => {
    event.preventDefault();
    setMissingReason(!reasonCode);
    if (reasonCode) void decide('refuse');
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="decision-panel">
      <h3 id={`${id}-heading`}>{t('rights.decision.heading')}</h3>
      {!refusing && (
        <div className="decision-buttons">
          <button type="button" className="approve" data-testid="ticket-approve" disabled={working} onClick={() => void decide('approve')}>
            {t('rights.decision.approve')}
          </button>
          <button type="button" className="reject" data-testid="ticket-refuse" disabled={working} onClick={() => setRefusing(true)}>
            {t('rights.decision.refuse')}
          </button>
        </div>
      )}
      {refusing && (
        <form className="decision-form" onSubmit={refuse} noValidate>
          <div className="decision-field">
            <label htmlFor={`${id}-reason`}>{t('rights.decision.reason')}</label>
            <select
              id={`${id}-reason`}
              data-testid="refusal-reason-select"
              autoFocus
              value={reasonCode}
              aria-invalid={missingReason}
              onChange={(e) => {
                setReasonCode(e.target.value as RefusalReason | '');
                setMissingReason(false);
              }}
            >
              <option value="">{t('rights.decision.chooseReason')}</option>
              {refusalReasons.map((code) => (
                <option key={code} value={code}>
                  {t(`refusalReasons.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="decision-field">
            <label htmlFor={`${id}-note`}>{t('rights.decision.note')}</label>
            <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="decision-buttons">
            <button type="submit" className="reject" data-testid="confirm-refusal" disabled={working}>
              {t('rights.decision.confirmRefusal')}
            </button>
            <button type="button" onClick={() => setRefusing(false)}>
              {t('rights.decision.cancel')}
            </button>
          </div>
          {missingReason && (
            <p className="error" role="alert">
              {t('rights.decision.reasonRequired')}
            </p>
          )}
        </form>
      )}
      <CallError error={error} />
    </section>
  );
}
