import { useTranslation } from 'react-i18next';
import type { TicketDeadline } from '../../../shared/ipc/rights-views';
import { useCalendarDate } from './calendar-date';

/**
 * A ticket's statutory deadline: the due date, working days left, urgency in words (not only
 * colour), a provisional date explained, and a stopped clock. `detailed` spells the explanation
 * out instead of leaving it to the tooltip.
 */
export function DeadlineView({ deadline, detailed = false }: { deadline: TicketDeadline | null; detailed?: boolean }) {
  const { t } = useTranslation();
  const formatDate = useCalendarDate();
  if (!deadline) return <span className="ticket-deadline muted">{t('rights.deadline.closed')}</span>;
  const explain = t('rights.deadline.provisionalExplain', { year: deadline.dueDate.slice(0, 4) });
  const left =
    deadline.overdue ? (deadline.workingDaysLeft < 0 ? t('rights.deadline.overdueBy', { n: -deadline.workingDaysLeft }) : null)
    : deadline.workingDaysLeft === 0 ? t('rights.deadline.today')
    : t('rights.deadline.left', { n: deadline.workingDaysLeft });
  return (
    <span className="ticket-deadline" data-testid="ticket-deadline" data-urgency={deadline.urgency}>
      {deadline.urgency !== 'on-track' && (
        <span className={`urgency-badge ${deadline.urgency}`} data-testid="urgency-badge">
          {t(deadline.urgency === 'overdue' ? 'rights.deadline.overdue' : 'rights.deadline.dueSoon')}
        </span>
      )}
      <span className="due-date">{t('rights.deadline.due', { date: formatDate(deadline.dueDate) })}</span>
      {deadline.provisional && (
        <span className="provisional-marker" data-testid="deadline-provisional" title={explain}>
          {t('rights.deadline.provisional')}
          {!detailed && <span className="visually-hidden">{explain}</span>}
        </span>
      )}
      {left && <span className="days-left">{left}</span>}
      {deadline.paused && (
        <span className="paused-clock" data-testid="deadline-paused">
          {t('rights.deadline.paused')}
        </span>
      )}
      {detailed && deadline.provisional && <span className="provisional-explain">{explain}</span>}
    </span>
  );
}
