import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureDetail } from '../../../shared/ipc/legal-views';
import type { Disclosure } from '../../../shared/platform/disclosure-entities';
import { useDesk } from '../../desk/desk-context';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { TextField } from '../legal-area/form-field';
import { daysUntil, isoToShanghaiLocal, shanghaiLocalToIso, shanghaiToday } from '../legal-area/legal-dates';
import { useCalendarDate } from '../rights-tickets/calendar-date';
import { CallError } from '../rights-tickets/call-error';
import { useTicketCall } from '../rights-tickets/use-ticket-call';

interface NotificationPanelProps {
  disclosure: Disclosure;
  canAct: boolean;
  onChanged(detail: DisclosureDetail): void;
}

type Phase = 'notified' | 'no_notify_open' | 'deferred' | 'ends_today' | 'ended' | 'to_notify';

/** Where the user's notification stands; a no-notify order's date is its last day. */
function phaseOf(disclosure: Disclosure, today: string): { phase: Phase; days: number } {
  const { noNotify, noNotifyUntil } = disclosure.request;
  if (disclosure.userNotifiedAt) return { phase: 'notified', days: 0 };
  if (!noNotify) return { phase: 'to_notify', days: 0 };
  if (!noNotifyUntil) return { phase: 'no_notify_open', days: 0 };
  const days = daysUntil(noNotifyUntil, today);
  return { phase: days > 0 ? 'deferred' : days === 0 ? 'ends_today' : 'ended', days };
}

/**
 * Telling the user, once data was handed over: deferred while the authority's no-notify order
 * runs, a reminder once it ends, and the time the user was told kept on the entry.
 */
export function NotificationPanel({ disclosure, canAct, onChanged }: NotificationPanelProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const id = useId();
  const formatTime = useShanghaiTime();
  const formatDate = useCalendarDate();
  const [notifiedAt, setNotifiedAt] = useState(() => isoToShanghaiLocal(new Date()));
  const { working, error, run } = useTicketCall();
  if (!disclosure.production) return null;
  const { phase, days } = phaseOf(disclosure, shanghaiToday());
  const until = disclosure.request.noNotifyUntil;
  const at = shanghaiLocalToIso(notifiedAt);
  const due = phase === 'ends_today' || phase === 'ended';

  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (!at) return;
    const answer = await run(() => desk.call('legal:recordNotification', { disclosureId: disclosure.id, basedOnVersion: disclosure.version, notifiedAt: at }));
    if (answer) onChanged(answer);
  };

  return (
    <section className="ticket-section" aria-labelledby={`${id}-heading`} data-testid="notification-panel">
      <h3 id={`${id}-heading`}>{t('disclosures.notification.heading')}</h3>
      <p className={due ? `legal-reminder${phase === 'ended' ? ' overdue' : ''}` : undefined} role={due ? 'status' : undefined} data-testid="notification-state">
        {t(`disclosures.notification.${phase}`, { time: disclosure.userNotifiedAt ? formatTime(disclosure.userNotifiedAt) : '', date: until ? formatDate(until) : '', n: days })}
      </p>
      {canAct && (phase === 'ended' || phase === 'to_notify') && (
        <form className="decision-form" onSubmit={(e) => void record(e)} noValidate data-testid="notification-form">
          <TextField
            id={`${id}-at`}
            type="datetime-local"
            label={t('disclosures.notification.notifiedAt')}
            hint={t('disclosures.form.shanghaiTime')}
            value={notifiedAt}
            error={at ? null : t('disclosures.form.problems.required', { field: t('disclosures.notification.notifiedAt') })}
            onChange={setNotifiedAt}
          />
          <div className="decision-buttons">
            <button type="submit" className="primary" data-testid="record-notification" disabled={working || !at}>
              {working ? t('legal.working') : t('disclosures.notification.record')}
            </button>
          </div>
          <CallError error={error} />
        </form>
      )}
    </section>
  );
}
