import { useTranslation } from 'react-i18next';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { useCalendarDate } from './calendar-date';

type Execution = NonNullable<RightsTicket['execution']>;

/** What execution did to each kind of data, and for what was kept, the law that keeps it and until when. */
export function ExecutionSteps({ execution }: { execution: Execution }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  const formatDate = useCalendarDate();
  return (
    <div className="execution-result" data-testid="execution-result" data-outcome={execution.outcome}>
      <p>
        <strong>{t(`rights.execution.outcome.${execution.outcome}`)}</strong> · <time dateTime={execution.at}>{formatTime(execution.at)}</time> ·{' '}
        <span data-testid="execution-verified">{t(execution.verified ? 'rights.execution.verified' : 'rights.execution.notVerified')}</span>
      </p>
      {execution.failureReason && <p className="error">{execution.failureReason}</p>}
      {execution.steps.length > 0 && (
        <table className="steps-table" aria-label={t('rights.execution.steps')}>
          <thead>
            <tr>
              {(['subject', 'count', 'outcome', 'basis', 'keptUntil'] as const).map((column) => (
                <th key={column} scope="col">
                  {t(`rights.execution.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {execution.steps.map((step, index) => (
              <tr key={`${step.subject}-${index}`} data-testid="execution-step" data-outcome={step.outcome}>
                <th scope="row">{t(`dataSubjects.${step.subject}`)}</th>
                <td>{step.count}</td>
                <td>{t(`stepOutcomes.${step.outcome}`)}</td>
                <td>{step.basis ? t(`retentionBases.${step.basis}`) : '—'}</td>
                <td>{step.keptUntil ? formatDate(step.keptUntil) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
