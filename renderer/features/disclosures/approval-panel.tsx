import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import { mayApprove } from '../../../shared/legal/disclosure-rules';
import { useStaff } from '../../app/staff-context';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { TextField } from '../legal-area/form-field';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

interface ApprovalPanelProps {
  detail: DisclosureDetail;
  canAct: boolean;
  onChanged(detail: DisclosureDetail): void;
}

/** Why the signed-in staff member may not approve, or null when they may. */
function refusalOf(detail: DisclosureDetail, staffId: string | undefined): 'not_awaiting' | 'preparer' | 'not_allowed' | null {
  if (detail.disclosure.status !== 'awaiting_approval') return 'not_awaiting';
  if (staffId && !mayApprove(detail.disclosure.preparedBy, staffId)) return 'preparer';
  return detail.mayApprove ? null : 'not_allowed';
}

/**
 * The second-person rule: a colleague, not the preparer, approves an entry before anything is
 * handed over. Whoever may not approve sees the button disabled and why.
 */
export function ApprovalPanel({ detail, canAct, onChanged }: ApprovalPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const staff = useStaff();
  const formatTime = useShanghaiTime();
  const [note, setNote] = useState('');
  const { working, error, run } = useTicketCall();
  const { disclosure } = detail;
  const approval = disclosure.approval;
  const refusal = refusalOf(detail, staff?.id);

  const approve = async () => {
    const answer = await run(() => desk.call('legal:approveDisclosure', { disclosureId: disclosure.id, basedOnVersion: disclosure.version, note: note.trim() }));
    if (answer) onChanged(answer);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="approval-panel">
      <h3 id={`${id}-heading`}>{t('disclosures.approval.heading')}</h3>
      <p>{t('disclosures.approval.preparedBy', { name: disclosure.preparedByName, time: formatTime(disclosure.preparedAt) })}</p>
      {approval && (
        <p data-testid="approval-record">
          {t('disclosures.approval.approvedBy', { name: approval.staffName, time: formatTime(approval.at) })}
          {approval.note && <span className="muted"> {t('disclosures.approval.noteValue', { note: approval.note })}</span>}
        </p>
      )}
      {!approval && !canAct && disclosure.status === 'awaiting_approval' && <p className="muted">{t('disclosures.approval.waiting')}</p>}
      {!approval && canAct && (
        <>
          {refusal === null && <TextField id={`${id}-note`} rows={2} maxLength={2000} label={t('disclosures.approval.note')} value={note} onChange={setNote} />}
          {disclosure.status === 'awaiting_approval' && (
            <div className="decision-buttons">
              <button type="button" className="approve" data-testid="approve-disclosure" disabled={refusal !== null || working} aria-describedby={refusal ? `${id}-why` : undefined} onClick={() => void approve()}>
                {working ? t('legal.working') : t('disclosures.approval.approve')}
              </button>
            </div>
          )}
          {refusal && (
            <p className="muted" id={`${id}-why`} data-testid="approval-refusal">
              {t(`disclosures.approval.why.${refusal}`, { status: t(`legal.statuses.${disclosure.status}`) })}
            </p>
          )}
        </>
      )}
      <CallError error={error} />
    </section>
  );
}
