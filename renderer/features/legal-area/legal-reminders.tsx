import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LegalReminder } from '../../../shared/ipc/legal-views';
import { useDeskQuery } from '../../desk/use-desk-query';
import { useErrorMessage } from '../../i18n/error-message';
import { useCalendarDate } from '../rights-tickets/calendar-date';

export type Reminder = z.infer<typeof LegalReminder>;

/** Overdue first, then by due date: what is already late must not sit below what is merely near. */
export const remindersInOrder = (reminders: readonly Reminder[]): Reminder[] =>
  [...reminders].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));

/**
 * What legal staff must act on by a date, at the top of the area: holds lapsing, processor
 * reviews due, no-notify orders ending. Each opens the place where it is dealt with.
 */
export function LegalReminders({ onOpen }: { onOpen(reminder: Reminder): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useCalendarDate();
  const query = useDeskQuery('legal:reminders', {}, { refetchOn: ['cache:changed'] });
  const reminders = remindersInOrder(query.data?.reminders ?? []);
  if (query.error) {
    return (
      <p className="error legal-reminders" role="alert">
        {errorMessage(query.error)}
      </p>
    );
  }
  if (!query.data) return null;
  return (
    <section className="legal-reminders" aria-labelledby="legal-reminders-heading" data-testid="legal-reminders">
      <h2 id="legal-reminders-heading">{t('legal.reminders.heading', { n: reminders.length })}</h2>
      {reminders.length === 0 ? (
        <p className="muted">{t('legal.reminders.none')}</p>
      ) : (
        <ul>
          {reminders.map((reminder) => (
            <li key={`${reminder.kind}-${reminder.subjectId}`} className={reminder.overdue ? 'legal-reminder overdue' : 'legal-reminder'} data-testid="legal-reminder">
              {reminder.overdue && <span className="urgency-badge overdue">{t('legal.reminders.overdue')}</span>}
              {reminder.overdue && ' '}
              <button type="button" className="row-handle" onClick={() => onOpen(reminder)}>
                {t(`legal.reminders.kinds.${reminder.kind}`, { subject: reminder.subject })}
              </button>{' '}
              <span className="muted">{t(reminder.overdue ? 'legal.reminders.wasDue' : 'legal.reminders.due', { date: formatDate(reminder.dueOn) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
