import { useTranslation } from 'react-i18next';
import { useHasRole } from '../../app/staff-context';
import { useErrorMessage } from '../../i18n/error-message';
import { AccessPackagePanel } from './access-package-panel';
import { DecisionPanel } from './decision-panel';
import { ExecutionPanel } from './execution-panel';
import { ProcessorTasks } from './processor-tasks';
import { ReplyLetterPanel } from './reply-letter-panel';
import { TicketHeader } from './ticket-header';
import { TicketTimeline } from './ticket-timeline';
import { useTicketDetail } from './use-ticket-detail';
import { VerificationPanel } from './verification-panel';

/**
 * One ticket from intake to reply. Customer service acts on it; legal and the DPO read the same
 * page without its buttons (the core refuses their writes anyway).
 */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const canAct = useHasRole('cs_agent');
  const { detail, error, accept } = useTicketDetail(ticketId);

  if (!detail) {
    return (
      <section className="ticket-detail empty" data-testid="ticket-detail">
        {error ? (
          <p className="error" role="alert">
            {errorMessage(error)}
          </p>
        ) : (
          <p className="muted">{t('rights.detail.loading')}</p>
        )}
      </section>
    );
  }
  const { ticket, deadline } = detail;
  return (
    <article className="ticket-detail" data-testid="ticket-detail" data-ticket-id={ticket.id} aria-labelledby="ticket-detail-heading">
      <TicketHeader ticket={ticket} deadline={deadline} />
      <VerificationPanel ticket={ticket} canAct={canAct} onChanged={accept} />
      <DecisionPanel ticket={ticket} canAct={canAct} onChanged={accept} />
      <ExecutionPanel ticket={ticket} canAct={canAct} onChanged={accept} />
      <ProcessorTasks ticket={ticket} canAct={canAct} onChanged={accept} />
      <AccessPackagePanel ticket={ticket} canAct={canAct} onChanged={accept} />
      <ReplyLetterPanel detail={detail} canAct={canAct} onChanged={accept} />
      <TicketTimeline history={ticket.history} />
    </article>
  );
}
