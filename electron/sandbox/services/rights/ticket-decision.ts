import type { PlatformContract } from '../../../../shared/platform/contract';
import type { Handler } from '../../http/router';
import type { Pause } from './ticket-record';
import { closePause, requireMove, saveTicket, ticketAt } from './ticket-writes';

/**
 * Approve a verified request, or refuse one at any open stage with a coded reason (the refusal
 * letter names it and the complaint route). Refusing while verification waits stops the pause.
 */
export const decideTicket: Handler<PlatformContract['decideTicket']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    const audit = { action: 'rights.decide', detail: { decision: body.decision, reasonCode: body.reasonCode } };
    if (body.decision === 'approve') {
      requireMove(row, 'approved', 'approve');
      return { ticket: saveTicket(ctx, row, { events: [{ state: 'approved', note: body.note }], audit }) };
    }
    requireMove(row, 'refused', 'refuse');
    const at = ctx.now().toISOString();
    const ticket = saveTicket(ctx, row, {
      set: { refusal_reason: body.reasonCode, refusal_note: body.note, pauses: JSON.stringify(closePause(JSON.parse(row.pauses) as Pause[], at)) },
      events: [{ state: 'refused', note: body.note }],
      audit,
    });
    return { ticket };
  })();
