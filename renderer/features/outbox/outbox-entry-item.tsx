import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { OutboxEntry } from '../../../shared/ipc/views';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useReasonLabel } from '../moderation-queue/reasons';

/** Who got there first, when the platform says so. */
export function FirstDecision({ refusal }: { refusal: DeskError }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const decision = refusal.conflict?.lastDecision;
  const holder = refusal.conflict?.holder;
  if (decision) {
    const { staffName, decidedAt, action } = decision;
    return <p>{t('outbox.decidedFirst', { staffName, time: formatTime(decidedAt), action: t(`actionsDone.${action}`) })}</p>;
  }
  if (holder) return <p>{t('outbox.heldBy', { displayName: holder.displayName, time: formatTime(holder.expiresAt) })}</p>;
  return null;
}

export function OutboxEntryItem({ entry, onDismissed }: { entry: OutboxEntry; onDismissed(): void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const errorMessage = useErrorMessage();
  const formatTime = useShanghaiTime();
  const [problem, setProblem] = useState<DeskError | null>(null);
  const reasonLabel = useReasonLabel();
  const reason = entry.reasonCode ? reasonLabel(entry.reasonCode) : null;

  const dismiss = async () => {
    try {
      await desk.call('outbox:dismiss', { id: entry.id });
      onDismissed();
    } catch (error) {
      setProblem(asDeskError(error));
    }
  };

  return (
    <li className={`outbox-entry ${entry.state}`} data-outbox-id={entry.id}>
      <p>
        <strong className="outbox-state">{t(`outbox.state.${entry.state}`)}</strong>{' '}
        {t('outbox.entry', { action: t(`actions.${entry.action}`), listingId: entry.listingId })}
        {reason && <span className="muted"> · {reason}</span>}
      </p>
      <p className="muted">
        {t('outbox.decidedAt', { time: formatTime(entry.createdAt) })} · {t('outbox.attempts', { count: entry.attempts })}
      </p>
      {entry.lastError && (
        <p className="muted">
          {t('outbox.lastError', { reason: errorMessage({ code: entry.lastError, message: '' }) })}
        </p>
      )}
      {entry.state === 'refused' && (
        <div className="refusal">
          {entry.refusal && <p className="error">{errorMessage(entry.refusal)}</p>}
          {entry.refusal && <FirstDecision refusal={entry.refusal} />}
          <button type="button" onClick={() => void dismiss()} aria-label={t('outbox.dismissLabel', { listingId: entry.listingId })}>
            {t('outbox.dismiss')}
          </button>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {errorMessage(problem)}
        </p>
      )}
    </li>
  );
}
