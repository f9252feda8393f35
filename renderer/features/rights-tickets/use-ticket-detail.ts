import { useState } from 'react';
import type { DeskError } from '../../../shared/errors';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import { useDeskQuery } from '../../desk/use-desk-query';

export interface TicketDetailState {
  detail: RightsTicketDetail | undefined;
  error: DeskError | null;
  /** An action's answer: shown at once, before the cache catches up and `cache:changed` refetches. */
  accept(detail: RightsTicketDetail): void;
}

/** The open ticket, kept fresh from the cache; whichever copy has the higher version wins. */
export function useTicketDetail(ticketId: string): TicketDetailState {
  const query = useDeskQuery('rights:ticket', { ticketId }, { refetchOn: ['cache:changed'] });
  const [answered, setAnswered] = useState<RightsTicketDetail | null>(null);
  const mine = answered?.ticket.id === ticketId ? answered : null;
  const cached = query.data;
  const detail = !mine ? cached : !cached || mine.ticket.version > cached.ticket.version ? mine : cached;
  return { detail, error: detail ? null : query.error, accept: setAnswered };
}
