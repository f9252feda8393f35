import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../../shared/audit-chain';
import type { PlatformContract } from '../../../../shared/platform/contract';
import type { LegalHold } from '../../../../shared/platform/legal-entities';
import { isHoldActive } from '../../../../shared/rights/legal-hold-coverage';
import { closedStates } from '../../../../shared/rights/ticket-states';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import type { Handler } from '../../http/router';
import type { PlatformDb } from '../../store/database';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { findUserRow } from '../records';
import { holdRecord, SELECT_HOLD, type HoldRow } from '../rights/legal-holds';
import { sha256 } from './register-files';

const findHold = (db: PlatformDb, id: string) => db.prepare(`${SELECT_HOLD} WHERE h.id = ?`).get(id) as HoldRow | undefined;

/**
 * A ticket's `legalHold` is worked out from the holds at each read, so placing or lifting one
 * changes the user's open tickets without touching them: their feed rows are written again, and
 * customer service's caches pick up the new flag on their next sync.
 */
function refreshOpenTickets(db: PlatformDb, userId: string): number {
  const closed = closedStates.map(() => '?').join(', ');
  const tickets = db.prepare(`SELECT id FROM rights_tickets WHERE user_id = ? AND state NOT IN (${closed})`).all(userId, ...closedStates) as { id: string }[];
  for (const t of tickets) recordChange(db, 'rights_ticket', t.id);
  return tickets.length;
}

function holdAt(ctx: RequestContext, holdId: string, basedOnVersion: number, what: string): HoldRow {
  const row = findHold(ctx.db, holdId);
  if (!row) throw new ApiFailure('not_found', `no legal hold ${holdId}`, { path: 'params.holdId' });
  if (row.version !== basedOnVersion) {
    throw new ApiFailure('stale_version', `the hold is at version ${row.version}, the action was based on ${basedOnVersion}`, { path: 'body.basedOnVersion' });
  }
  if (!isHoldActive({ scope: [], expiresAt: row.expires_at, liftedAt: row.lifted_at }, ctx.now())) {
    throw new ApiFailure('invalid_transition', `cannot ${what} hold ${row.reference}: it is no longer in force (${row.lifted_at === null ? 'expired' : 'lifted'})`);
  }
  return row;
}

/** After every write to a hold: the feed, the user's open tickets when the hold came into or out of force, the audit trail. */
function written(ctx: RequestContext, id: string, action: string, detail: Record<string, unknown>, inForceChanged: boolean): { hold: LegalHold } {
  const staff = signedInStaff(ctx);
  const row = findHold(ctx.db, id)!;
  recordChange(ctx.db, 'legal_hold', id);
  const tickets = inForceChanged ? { openTickets: refreshOpenTickets(ctx.db, row.user_id) } : {};
  appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action, subject: `legal_hold:${id}`, detail: { userId: row.user_id, reference: row.reference, ...detail, ...tickets } });
  return { hold: holdRecord(row) };
}

function refuseEndBefore(expiresAt: string, after: Date, what: string): void {
  if (Date.parse(expiresAt) <= after.getTime()) throw new ApiFailure('validation_failed', `body.expiresAt: must come after ${what}`, { path: 'body.expiresAt' });
}

/** Places a hold on an account; a retry with the same key answers with the hold it placed. */
export const placeHold: Handler<PlatformContract['placeHold']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const requestHash = sha256(canonicalJson({ ...body, idempotencyKey: undefined }));
  return ctx.db.transaction(() => {
    const done = ctx.db.prepare(`${SELECT_HOLD} WHERE h.idempotency_key = ?`).get(body.idempotencyKey) as HoldRow | undefined;
    if (done) {
      if (done.request_hash !== requestHash) throw new ApiFailure('idempotency_key_reused', 'this idempotency key placed a different hold', { path: 'body.idempotencyKey' });
      return { hold: holdRecord(done) };
    }
    if (!findUserRow(ctx.db, body.userId)) throw new ApiFailure('not_found', `no account ${body.userId}`, { path: 'body.userId' });
    const now = ctx.now();
    if (body.expiresAt !== null) refuseEndBefore(body.expiresAt, now, 'now');
    const id = `hold_${randomUUID()}`;
    ctx.db
      .prepare(
        `INSERT INTO legal_holds (id, user_id, source, reference, reason, scope, placed_by, placed_at, expires_at, renewals, idempotency_key, request_hash, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 1)`,
      )
      .run(id, body.userId, body.source, body.reference, body.reason, JSON.stringify(body.scope), staff.id, now.toISOString(), body.expiresAt, body.idempotencyKey, requestHash);
    return written(ctx, id, 'legal.hold.place', { source: body.source, scope: body.scope, expiresAt: body.expiresAt }, true);
  })();
};

/** Lifting needs a reason; an expired or lifted hold has nothing left to lift. */
export const liftHold: Handler<PlatformContract['liftHold']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const row = holdAt(ctx, params.holdId, body.basedOnVersion, 'lift');
    ctx.db
      .prepare('UPDATE legal_holds SET lifted_at = ?, lifted_by = ?, lift_reason = ?, version = version + 1 WHERE id = ?')
      .run(ctx.now().toISOString(), staff.id, body.reason, row.id);
    return written(ctx, row.id, 'legal.hold.lift', { reason: body.reason }, true);
  })();
};

/**
 * A new term for a hold still in force (a freeze renewed before it lapses); a lapsed one is placed
 * again, since the authority's renewal of an expired freeze is a new freeze. A hold with no end
 * date needs no renewal.
 */
export const renewHold: Handler<PlatformContract['renewHold']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  return ctx.db.transaction(() => {
    const row = holdAt(ctx, params.holdId, body.basedOnVersion, 'renew');
    if (row.expires_at === null) throw new ApiFailure('invalid_transition', `hold ${row.reference} has no end date to renew`);
    refuseEndBefore(body.expiresAt, new Date(row.expires_at), `the current term's end, ${row.expires_at}`);
    const renewal = { at: ctx.now().toISOString(), staffName: staff.displayName, reference: body.reference, previousExpiresAt: row.expires_at, expiresAt: body.expiresAt };
    const renewals = [...(JSON.parse(row.renewals) as LegalHold['renewals']), renewal];
    ctx.db.prepare('UPDATE legal_holds SET expires_at = ?, renewals = ?, version = version + 1 WHERE id = ?').run(body.expiresAt, JSON.stringify(renewals), row.id);
    return written(ctx, row.id, 'legal.hold.renew', { renewingReference: body.reference, previousExpiresAt: row.expires_at, expiresAt: body.expiresAt }, false);
  })();
};
