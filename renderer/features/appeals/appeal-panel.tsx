import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError } from '../../../shared/errors';
import type { AppealOutcome } from '../../../shared/moderation/notices';
import type { Appeal, Decision, Listing } from '../../../shared/platform/entities';
import { asDeskError } from '../../desk/desk-call-error';
import { useDesk } from '../../desk/desk-context';
import { useErrorMessage } from '../../i18n/error-message';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { usePriceFormat } from '../moderation-queue/listing-price';
import { draftAppealNotice, useReasonLabel } from '../moderation-queue/reasons';

interface AppealPanelProps {
  appeal: Appeal;
  listing: Listing;
  history: Decision[];
  disabled: boolean;
  onDecided(): void;
}

/** The decision appealed against: what was done, why, by whom and when, with their note. */
function OriginalDecision({ decision }: { decision: Decision | undefined }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const reasonLabel = useReasonLabel();
  if (!decision) return <p className="muted">{t('appeal.originalUnknown')}</p>;
  return (
    <dl className="facts" data-testid="appeal-original">
      <dt>{t('appeal.action')}</dt>
      <dd>{t(`actionsDone.${decision.action}`)}</dd>
      <dt>{t('appeal.reason')}</dt>
      <dd>{decision.reasonCode ? reasonLabel(decision.reasonCode) : t('appeal.noReason')}</dd>
      <dt>{t('appeal.moderator')}</dt>
      <dd>{decision.staffName}</dd>
      <dt>{t('appeal.decidedAt')}</dt>
      <dd>{formatTime(decision.decidedAt)}</dd>
      {decision.note && (
        <>
          <dt>{t('appeal.note')}</dt>
          <dd>{decision.note}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * An appeal: the original decision, the listing as its moderator saw it, the user's statement,
 * and uphold / overturn with a notice. The platform refuses a decision by the original
 * moderator (`same_reviewer`), shown translated like any refusal.
 */
export function AppealPanel({ appeal, listing, history, disabled, onDecided }: AppealPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const errorMessage = useErrorMessage();
  const formatPrice = usePriceFormat();
  const original = history.find((d) => d.id === appeal.decisionId);
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null);
  const [notice, setNotice] = useState('');
  const [problem, setProblem] = useState<DeskError | 'notice_required' | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const choose = (next: AppealOutcome) => {
    setOutcome(next);
    setNotice(draftAppealNotice(next, appeal.evidence.title, original?.reasonCode ?? null));
    setProblem(null);
  };

  const send = async () => {
    if (!outcome || disabled) return;
    if (!notice.trim()) return setProblem('notice_required');
    setSubmitting(true);
    setProblem(null);
    try {
      await desk.call('appeals:decide', { appealId: appeal.id, outcome, notice: notice.trim() });
      onDecided();
    } catch (error) {
      setProblem(asDeskError(error));
      setSubmitting(false);
    }
  };

  return (
    <section className="appeal-panel" data-testid="appeal-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('appeal.heading')}</h3>
      <h4>{t('appeal.original')}</h4>
      <OriginalDecision decision={original} />
      <h4>{t('appeal.evidence')}</h4>
      <div className="appeal-evidence" data-testid="appeal-evidence">
        <p>
          <strong>{appeal.evidence.title}</strong> · {formatPrice(appeal.evidence.priceFen, listing.priceUnit)}
        </p>
        <p className="listing-body">{appeal.evidence.body}</p>
      </div>
      <h4>{t('appeal.statement')}</h4>
      <blockquote className="appeal-statement" data-testid="appeal-statement">
        {appeal.statement}
      </blockquote>
      <div className="decision-buttons">
        {(['uphold', 'overturn'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={kind === 'uphold' ? 'primary' : 'reject'}
            data-testid={`appeal-${kind}`}
            aria-pressed={outcome === kind}
            disabled={disabled || submitting}
            onClick={() => choose(kind)}
          >
            {t(`appeal.${kind}`)}
          </button>
        ))}
      </div>
      {outcome && (
        <div className="decision-form">
          <label htmlFor={`${id}-notice`}>{t('decision.notice')}</label>
          <textarea id={`${id}-notice`} data-testid="appeal-notice" rows={3} maxLength={2000} value={notice} onChange={(e) => setNotice(e.target.value)} />
          <div className="decision-buttons">
            <button type="button" className="primary" data-testid="appeal-confirm" disabled={disabled || submitting} onClick={() => void send()}>
              {t(`appeal.confirm.${outcome}`)}
            </button>
            <button type="button" onClick={() => setOutcome(null)}>
              {t('decision.cancel')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem === 'notice_required' ? t('decision.notice_required') : errorMessage(problem)}
        </p>
      )}
    </section>
  );
}
