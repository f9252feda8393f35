import { useTranslation } from 'react-i18next';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';

/** Every move of the ticket, oldest first: the record that the statutory steps were taken. */
export function TicketTimeline({ history }: { history: RightsTicket['history'] }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  return (
    <section className="ticket-section" aria-labelledby="ticket-timeline-heading">
      <h3 id="ticket-timeline-heading">{t('rights.timeline.heading')}</h3>
      <ol className="ticket-timeline" data-testid="ticket-timeline">
        {history.map((event, index) => (
          <li key={`${event.at}-${index}`} data-state={event.state}>
            <strong>{t(`ticketStates.${event.state}`)}</strong> · <span>{event.staffName ?? t('rights.timeline.platform')}</span> ·{' '}
            <time dateTime={event.at}>{formatTime(event.at)}</time>
            {event.note && <p className="timeline-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
