import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { OutboxEntry } from '../../../shared/ipc/views';
import type { Listing, ModerationAction } from '../../../shared/platform/entities';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { isRejectReasonCode, rejectReasonCodes } from './reasons';
import { useShortcuts } from './use-shortcuts';

interface DecisionBarProps {
  listing: Listing;
  /** A decision on this listing is still on its way to the platform. */
  blocked: boolean;
  onDecided(entry: OutboxEntry): void;
}

/** Approve, or reject with a reason from the taxonomy. `a` approves, `r` opens the reason chooser. */
export function DecisionBar({ listing, blocked, onDecided }: DecisionBarProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<DeskError | 'reason_required' | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const chooser = useRef<HTMLSelectElement>(null);
  const disabled = blocked || submitting;

  useEffect(() => {
    if (rejecting) chooser.current?.focus();
  }, [rejecting]);

  const decide = async (action: ModerationAction, reasonCode: string | null) => {
    setSubmitting(true);
    setProblem(null);
    try {
      const entry = await desk.call('moderation:decide', {
        listingId: listing.id,
        action,
        reasonCode,
        note: '',
        basedOnVersion: listing.version,
      });
      onDecided(entry);
    } catch (error) {
      setProblem(asDeskError(error));
      setSubmitting(false);
    }
  };

  const approve = () => {
    if (!disabled) void decide('approve', null);
  };
  const startReject = () => {
    if (disabled) return;
    setRejecting(true);
    chooser.current?.focus();
  };
  useShortcuts({ a: approve, r: startReject });

  const confirmReject = (event: FormEvent) => {
    event.preventDefault();
    if (disabled) return;
    if (!isRejectReasonCode(reason)) {
      setProblem('reason_required');
      chooser.current?.focus();
      return;
    }
    void decide('reject', reason);
  };

  return (
    <div className="decision-bar" role="group" aria-label={t('decision.label')}>
      <div className="decision-buttons">
        <button type="button" className="approve" data-testid="approve-button" disabled={disabled} onClick={approve}>
          {t('decision.approve')}
        </button>
        <button
          type="button"
          className="reject"
          data-testid="reject-button"
          disabled={disabled}
          aria-expanded={rejecting}
          aria-controls={`${id}-reject`}
          onClick={startReject}
        >
          {t('decision.reject')}
        </button>
        {submitting && <span className="muted">{t('decision.submitting')}</span>}
      </div>
      {rejecting && (
        <form id={`${id}-reject`} className="reject-form" onSubmit={confirmReject} noValidate>
          <label htmlFor={`${id}-reason`}>{t('decision.rejectReason')}</label>
          <select
            id={`${id}-reason`}
            ref={chooser}
            data-testid="reject-reason"
            value={reason}
            aria-invalid={problem === 'reason_required'}
            disabled={disabled}
            onChange={(e) => {
              setReason(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setRejecting(false);
            }}
          >
            <option value="">{t('decision.chooseReason')}</option>
            {rejectReasonCodes.map((code) => (
              <option key={code} value={code}>
                {t(`rejectReasons.${code}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="reject" data-testid="confirm-reject" disabled={disabled}>
            {t('decision.confirmReject')}
          </button>
          <button type="button" onClick={() => setRejecting(false)}>
            {t('decision.cancel')}
          </button>
        </form>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem === 'reason_required' ? t('decision.reasonRequired') : errorMessage(problem)}
        </p>
      )}
    </div>
  );
}
