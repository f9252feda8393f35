import { useTranslation } from 'react-i18next';
import type { TicketDeadline } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { useShanghaiTime } from '../../i18n/shanghai-time';
import { formatBytes } from '../files/byte-size';
import { DeadlineView } from './deadline-view';
import { MaskedPhone } from '../reveal/masked-phone';

/** Who asked what, for whom and when: everything the agent reads back to the caller. */
export function TicketHeader({ ticket, deadline }: { ticket: RightsTicket; deadline: TicketDeadline | null }) {
  const { t } = useTranslation();
  const formatTime = useShanghaiTime();
  return (
    <header className="ticket-header">
      <h2 id="ticket-detail-heading">
        {ticket.number} <span className="badge">{t(`rightsTypes.${ticket.type}`)}</span>{' '}
        <span className="badge state-badge" data-testid="ticket-state">
          {t(`ticketStates.${ticket.state}`)}
        </span>
      </h2>
      <DeadlineView deadline={deadline} detailed />
      <dl className="facts">
        <dt>{t('rights.detail.user')}</dt>
        <dd>
          {ticket.userNickname} <MaskedPhone masked={ticket.userPhoneMasked} subjectType="user" subjectId={ticket.userId} />
        </dd>
        <dt>{t('rights.detail.requester')}</dt>
        <dd>
          {t('rights.detail.requesterValue', { name: ticket.requester.name, relation: t(`requesterRelations.${ticket.requester.relation}`) })}
          {ticket.requester.contactMasked && <span className="phone"> {ticket.requester.contactMasked}</span>}
        </dd>
        <dt>{t('rights.detail.channel')}</dt>
        <dd>{t(`intakeChannels.${ticket.channel}`)}</dd>
        <dt>{t('rights.detail.received')}</dt>
        <dd>{formatTime(ticket.receivedAt)}</dd>
        <dt>{t('rights.detail.workingDays')}</dt>
        <dd>{t('rights.detail.workingDaysValue', { n: ticket.workingDays })}</dd>
        {ticket.listingIds.length > 0 && (
          <>
            <dt>{t('rights.detail.listings')}</dt>
            <dd>{ticket.listingIds.join(t('rights.listSeparator'))}</dd>
          </>
        )}
        {ticket.correction && (
          <>
            <dt>{t('rights.detail.correction')}</dt>
            <dd>{t('rights.detail.correctionValue', { value: ticket.correction.value })}</dd>
          </>
        )}
        {ticket.attachments.length > 0 && (
          <>
            <dt>{t('rights.detail.attachments')}</dt>
            <dd>
              <ul className="attachment-list">
                {ticket.attachments.map((a) => (
                  <li key={a.id}>
                    {a.name} <span className="muted">{formatBytes(a.sizeBytes)}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <p className="ticket-request">{ticket.request}</p>
    </header>
  );
}
