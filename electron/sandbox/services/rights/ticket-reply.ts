import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff } from '../../http/context';
import type { Handler } from '../../http/router';
import type { TicketRow } from './ticket-record';
import { invalidTransition, saveTicket, ticketAt, type TicketWrite } from './ticket-writes';

/** The letter answers an access request (once its package is recorded) or an explanation, and so completes it. */
const answersRequest = (row: TicketRow) =>
  row.state === 'approved' && (row.type === 'explanation' || (row.type === 'access' && row.access_package !== null));

/**
 * Sends the reply letter, once per ticket. It completes an approved access or explanation
 * request; a refused or completed ticket gets its letter without moving.
 */
export const sendReply: Handler<PlatformContract['sendReply']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const staff = signedInStaff(ctx);
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    const closes = answersRequest(row);
    if (row.reply_sent_at !== null || !(closes || row.state === 'refused' || row.state === 'completed')) {
      throw invalidTransition(row, row.reply_sent_at !== null ? 'reply again to' : 'reply to');
    }
    const write: TicketWrite = {
      set: { reply_text: body.text, reply_sent_at: ctx.now().toISOString(), reply_staff_id: staff.id },
      audit: { action: 'rights.reply', detail: { characters: body.text.length } },
    };
    if (closes) write.events = [{ state: 'completed', note: '已发送答复函' }];
    return { ticket: saveTicket(ctx, row, write) };
  })();
