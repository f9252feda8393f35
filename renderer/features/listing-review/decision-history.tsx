import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../shared/platform/entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useReasonLabel } from '../moderation-queue/reasons';

/** Earlier decisions on the listing (or against an account), newest last, with who made them. */
export function DecisionHistory({ decisions }: { decisions: Decision[] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const reasonLabel = useReasonLabel();
  if (decisions.length === 0) return <p className="muted">{t('history.none')}</p>;
  return (
    <ul className="decision-history">
      {decisions.map((decision) => (
        <li key={decision.id} data-decision-id={decision.id}>
          <strong>{t(`actionsDone.${decision.action}`)}</strong>
          {decision.reasonCode && <span> · {reasonLabel(decision.reasonCode)}</span>}
          <span className="muted">
            {' '}
            · {t('history.by', { staffName: decision.staffName, time: formatTime(decision.decidedAt) })}
          </span>
          {decision.undoneAt && <span className="badge">{t('history.undone')}</span>}
          {decision.batchId && <span className="badge">{t('history.bulk')}</span>}
          {decision.note && <p className="muted">{t('history.note', { note: decision.note })}</p>}
        </li>
      ))}
    </ul>
  );
}
