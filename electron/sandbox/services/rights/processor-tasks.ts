import { randomUUID } from 'node:crypto';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { signedInStaff } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { saveTicket, ticketAt } from './ticket-writes';

/** Deleting the user's data includes what processors hold for the platform (policy 四.1): one task each. */
export function requestProcessorDeletions(db: PlatformDb, ticketId: string, at: string): number {
  const processors = db.prepare('SELECT id FROM processors ORDER BY id').all() as { id: string }[];
  const insert = db.prepare('INSERT INTO processor_tasks (id, ticket_id, processor_id, requested_at) VALUES (?, ?, ?, ?)');
  for (const p of processors) insert.run(`ptk_${randomUUID()}`, ticketId, p.id, at);
  return processors.length;
}

export const confirmProcessorTask: Handler<PlatformContract['confirmProcessorTask']> = (ctx, { params, body }) =>
  ctx.db.transaction(() => {
    const staff = signedInStaff(ctx);
    const row = ticketAt(ctx, params.ticketId, body.basedOnVersion);
    const task = ctx.db.prepare('SELECT processor_id, confirmed_at FROM processor_tasks WHERE id = ? AND ticket_id = ?').get(params.taskId, row.id) as
      | { processor_id: string; confirmed_at: string | null }
      | undefined;
    if (!task) throw new ApiFailure('not_found', `no processor task ${params.taskId} on this ticket`, { path: 'params.taskId' });
    if (task.confirmed_at !== null) throw new ApiFailure('invalid_transition', 'this processor already confirmed the deletion');
    ctx.db
      .prepare('UPDATE processor_tasks SET confirmed_at = ?, confirmed_by = ?, reference = ? WHERE id = ?')
      .run(ctx.now().toISOString(), staff.id, body.reference, params.taskId);
    const ticket = saveTicket(ctx, row, {
      audit: { action: 'rights.processor_confirm', detail: { taskId: params.taskId, processorId: task.processor_id, reference: body.reference } },
    });
    return { ticket };
  })();
