import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../../shared/audit-chain';
import type { PlatformContract } from '../../../../shared/platform/contract';
import { changesData, removesData } from '../../../../shared/rights/ticket-states';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import { appendAudit } from '../audit';
import { executionMismatch } from './execution-check';
import { requestHeld } from './legal-holds';
import { requestProcessorDeletions } from './processor-tasks';
import { applyRequest, executionSteps, type ExecutionResult } from './request-execution';
import type { TicketRow } from './ticket-record';
import { invalidTransition, requireMove, saveTicket, ticketAt } from './ticket-writes';

type ExecuteOutput = ReturnType<Handler<PlatformContract['executeTicket']>>;

/** Thrown inside the savepoint so the changes that do not check out are rolled back. */
class Mismatch extends Error {
  constructor(readonly reason: string, readonly result: ExecutionResult) {
    super(reason);
  }
}

/** Applies the request and checks it by re-reading; a mismatch leaves the data as it was. */
function carryOut(ctx: RequestContext, row: TicketRow, now: Date): { result: ExecutionResult; failureReason: string | null } {
  try {
    return ctx.db.transaction(() => {
      const result = applyRequest(ctx.db, row, now);
      const mismatch = executionMismatch(ctx.db, result);
      if (mismatch !== null) throw new Mismatch(mismatch, result);
      return { result, failureReason: null };
    })();
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    return { result: error.result, failureReason: `re-reading after execution: ${error.reason}`.slice(0, 500) };
  }
}

function execute(ctx: RequestContext, row: TicketRow): ExecuteOutput {
  if (!changesData(row.type)) throw invalidTransition(row, 'execute (it is answered by the package or the letter)');
  requireMove(row, 'executing', 'execute');
  const now = ctx.now();
  if (requestHeld(ctx.db, row.user_id, row.type, now)) {
    // Says only that a hold applies: who placed it and why is for legal staff.
    throw new ApiFailure('legal_hold', 'a legal hold covers data this request would remove; it can go ahead once legal staff lift it');
  }
  const { result, failureReason } = carryOut(ctx, row, now);
  const at = now.toISOString();
  const steps = executionSteps(result);
  const verified = failureReason === null;
  const tasks = verified && removesData(row.type) ? requestProcessorDeletions(ctx.db, row.id, at) : 0;
  const execution = { at, outcome: verified ? 'completed' : 'failed', steps, verified, failureReason };
  const ticket = saveTicket(ctx, row, {
    set: { execution: JSON.stringify(execution) },
    events: [{ state: 'executing' }, { state: verified ? 'completed' : 'failed', note: failureReason ?? '' }],
    audit: { action: 'rights.execute', detail: { steps, verified, failureReason, processorTasks: tasks } },
  });
  return { ticket };
}

interface Stored {
  request_hash: string;
  response: string;
}

/**
 * Carries out an approved request in one database transaction, exactly once per idempotency
 * key: a retry gets the first answer back. A refusal (stale, wrong state, legal hold) changes
 * nothing and is not remembered, so the same key may be tried again once the cause is gone.
 */
export const executeTicket: Handler<PlatformContract['executeTicket']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  const requestHash = createHash('sha256').update(canonicalJson({ staff: staff.id, ticketId: params.ticketId, basedOnVersion: body.basedOnVersion })).digest('hex');
  try {
    return ctx.db.transaction((): ExecuteOutput => {
      const stored = ctx.db.prepare('SELECT request_hash, response FROM idempotency WHERE key = ?').get(body.idempotencyKey) as Stored | undefined;
      if (stored) {
        if (stored.request_hash !== requestHash) {
          throw new ApiFailure('idempotency_key_reused', 'this idempotency key was used for a different request', { path: 'body.idempotencyKey' });
        }
        return JSON.parse(stored.response) as ExecuteOutput;
      }
      const outcome = execute(ctx, ticketAt(ctx, params.ticketId, body.basedOnVersion));
      ctx.db
        .prepare('INSERT INTO idempotency (key, staff_id, request_hash, status, response, created_at) VALUES (?, ?, ?, 200, ?, ?)')
        .run(body.idempotencyKey, staff.id, requestHash, JSON.stringify(outcome), ctx.now().toISOString());
      return outcome;
    })();
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'legal_hold') {
      // The attempt is on the record even though nothing changed.
      ctx.db.transaction(() =>
        appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'rights.execute.refused', subject: `rights_ticket:${params.ticketId}`, detail: { reason: 'legal_hold' } }),
      )();
    }
    throw error;
  }
};
