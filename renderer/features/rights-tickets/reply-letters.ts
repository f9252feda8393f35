import templatesFile from '../../../resources/rights/reply-templates.json';
import { shanghaiDateOf } from '../../../shared/calendar/civil-date';
import type { RightsTicketDetail } from '../../../shared/ipc/rights-views';
import type { RightsTicket } from '../../../shared/platform/rights-entities';
import { draftReplyLetter } from '../../../shared/rights/reply-letter';
import { parseReplyTemplates, type LetterLanguage } from '../../../shared/rights/reply-templates';

/** The letter templates from resources/rights/reply-templates.json, checked when the console loads. */
export const replyTemplates = parseReplyTemplates(templatesFile);

/** Users read Chinese, so the letter they receive is Chinese whatever language the console shows. */
export const LETTER_LANGUAGE: LetterLanguage = 'zh-CN';

export function draftLetter(detail: RightsTicketDetail, now: Date = new Date(), language: LetterLanguage = LETTER_LANGUAGE): string {
  return draftReplyLetter(detail.ticket, replyTemplates, { today: shanghaiDateOf(now.toISOString()), dueDate: detail.deadline?.dueDate ?? null, language });
}

/**
 * A ticket has one reply, and the platform takes it only when there is an answer to give: the
 * ticket was refused or completed, an explanation was approved (the letter is the answer), or
 * an access request's package is ready. Offering it earlier would only earn a refusal.
 */
export function replyDue(ticket: RightsTicket): boolean {
  if (ticket.state === 'refused' || ticket.state === 'completed') return true;
  return ticket.state === 'approved' && (ticket.type === 'explanation' || (ticket.type === 'access' && ticket.accessPackage !== null));
}
