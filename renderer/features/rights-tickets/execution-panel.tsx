import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { changesData } from '../../../shared/rights/ticket-states';
import { useDesk } from '../../desk/desk-context';
import { ModalDialog } from '../dialog/modal-dialog';
import { CallError } from './call-error';
import { ExecutionSteps } from './execution-steps';
import { LegalHoldNotice } from './legal-hold-notice';
import { useTicketCall } from './use-ticket-call';

interface ExecutionPanelProps {
  ticket: RightsTicket;
  canAct: boolean;
  onChanged(detail: RightsTicketDetail): void;
}

/**
 * Carrying out an approved correction, deletion or cancellation, after a confirmation. A legal
 * hold (flagged on the ticket, or reported by the core when one was placed meanwhile) disables
 * it with the same neutral notice: the agent waits for legal and tells the user nothing of it.
 */
export function ExecutionPanel({ ticket, canAct, onChanged }: ExecutionPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const { working, error, run } = useTicketCall();
  const awaiting = ticket.state === 'approved' && changesData(ticket.type);
  if (!ticket.execution && !awaiting) return null;
  const held = ticket.legalHold || error?.code === 'legal_hold';

  const execute = async () => {
    const detail = await run(() => desk.call('rights:execute', { ticketId: ticket.id, basedOnVersion: ticket.version }));
    setConfirming(false);
    if (detail) onChanged(detail);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="execution-panel">
      <h3 id={`${id}-heading`}>{t('rights.execution.heading')}</h3>
      {awaiting && held && <LegalHoldNotice />}
      {canAct && awaiting && (
        <button type="button" className="primary" data-testid="ticket-execute" disabled={held || working} onClick={() => setConfirming(true)}>
          {t(`rights.execution.execute.${ticket.type}`)}
        </button>
      )}
      {error?.code !== 'legal_hold' && <CallError error={error} />}
      {ticket.execution && <ExecutionSteps execution={ticket.execution} />}
      {confirming && (
        <ModalDialog title={t(`rights.execution.execute.${ticket.type}`)} onClose={() => setConfirming(false)} testId="execute-dialog">
          <p>{t(`rights.execution.confirm.${ticket.type}`, { nickname: ticket.userNickname, value: ticket.correction?.value ?? '' })}</p>
          <div className="dialog-buttons">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('rights.decision.cancel')}
            </button>
            <button type="button" className="primary" data-testid="confirm-execute" disabled={working} onClick={() => void execute()}>
              {working ? t('rights.working') : t('rights.execution.confirmButton')}
            </button>
          </div>
        </ModalDialog>
      )}
    </section>
  );
}
