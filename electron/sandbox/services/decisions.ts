import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../shared/audit-chain';
import { errorStatus } from '../../../shared/errors';
import type { PlatformContract } from '../../../shared/platform/contract';
import type { Decision, ListingStatus, ModerationAction } from '../../../shared/platform/entities';
import { signedInStaff, type RequestContext } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { activeClaim, claimConflict, releaseClaimsOf } from './claims';
import { recordChange } from './change-log';
import { decisionRecord, findListingRow, listingRecord, SELECT_DECISION, type DecisionRow, type ListingRow } from './records';

/** Where each action may start from and where it leaves the listing. */
const transitions: Record<ModerationAction, { from: readonly ListingStatus[]; to: ListingStatus | 'same' }> = {
  approve: { from: ['pending'], to: 'published' },
  reject: { from: ['pending'], to: 'rejected' },
  remove: { from: ['published'], to: 'removed' },
  // 退回修改: hidden until the user edits and resubmits, which makes it pending again.
  request_edit: { from: ['pending', 'published'], to: 'rejected' },
  escalate: { from: ['pending', 'published'], to: 'same' },
};

function lastDecision(ctx: RequestContext, listingId: string): Decision | undefined {
  const row = ctx.db.prepare(`${SELECT_DECISION} WHERE d.listing_id = ? ORDER BY d.decided_at DESC, d.rowid DESC LIMIT 1`).get(listingId) as
    | DecisionRow
    | undefined;
  return row && decisionRecord(row);
}

function conflict(ctx: RequestContext, code: 'stale_version' | 'already_decided' | 'invalid_transition', message: string, row: ListingRow) {
  return new ApiFailure(code, message, { conflict: { listing: listingRecord(row), lastDecision: lastDecision(ctx, row.id) } });
}

type DecideOutput = ReturnType<Handler<PlatformContract['decide']>>;
type DecideBody = Parameters<Handler<PlatformContract['decide']>>[1]['body'];

export type DecisionDraft = Omit<DecideBody, 'idempotencyKey'>;

/** Every check a decision must pass, without writing anything: the dry run of a decision. */
export function checkDecision(ctx: RequestContext, body: DecisionDraft): { row: ListingRow; status: ListingStatus; escalated: number } {
  const staff = signedInStaff(ctx);
  const row = findListingRow(ctx.db, body.listingId);
  if (!row) throw new ApiFailure('not_found', `no listing ${body.listingId}`, { path: 'body.listingId' });
  const held = activeClaim(ctx, row.id);
  if (held && held.holder.staffId !== staff.id) throw claimConflict(held);
  if (row.version !== body.basedOnVersion) {
    throw conflict(ctx, 'stale_version', `listing is at version ${row.version}, the decision was based on ${body.basedOnVersion}`, row);
  }
  if (row.escalated === 1 && !staff.scopes.has('moderation:escalated')) {
    throw new ApiFailure('forbidden_scope', 'an escalated listing is decided by a senior moderator');
  }
  const rule = transitions[body.action];
  if (!rule.from.includes(row.status as ListingStatus)) {
    const decided = row.status !== 'pending' && row.status !== 'published';
    throw conflict(
      ctx,
      decided || body.action !== 'remove' ? 'already_decided' : 'invalid_transition',
      `cannot ${body.action} a listing that is ${row.status}`,
      row,
    );
  }
  return { row, status: rule.to === 'same' ? (row.status as ListingStatus) : rule.to, escalated: body.action === 'escalate' ? 1 : 0 };
}

/** Checks and applies one decision; part of a batch when `batchId` is given. Call inside a transaction. */
export function applyDecision(ctx: RequestContext, body: DecideBody, batchId: string | null = null): DecideOutput {
  const staff = signedInStaff(ctx);
  const { row, status, escalated } = checkDecision(ctx, body);
  const now = ctx.now().toISOString();
  ctx.db
    .prepare('UPDATE listings SET status = ?, escalated = ?, version = version + 1, updated_at = ? WHERE id = ?')
    .run(status, escalated, now, row.id);
  const id = `dec_${randomUUID()}`;
  ctx.db
    .prepare(
      `INSERT INTO decisions (id, idempotency_key, listing_id, action, reason_code, note, notice, staff_id, based_on_version, decided_at,
         batch_id, prev_status, prev_escalated)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, body.idempotencyKey, row.id, body.action, body.reasonCode, body.note, body.notice, staff.id, body.basedOnVersion, now, batchId, row.status, row.escalated);
  recordChange(ctx.db, 'listing', row.id);
  recordChange(ctx.db, 'decision', id);
  releaseClaimsOf(ctx, row.id, staff.id);
  appendAudit(ctx.db, {
    at: ctx.now(),
    staffId: staff.id,
    action: 'moderation.decide',
    subject: `listing:${row.id}`,
    detail: { decisionId: id, action: body.action, reasonCode: body.reasonCode, basedOnVersion: body.basedOnVersion, batchId },
  });
  const decision = decisionRecord(ctx.db.prepare(`${SELECT_DECISION} WHERE d.id = ?`).get(id) as DecisionRow);
  return { decision, listing: listingRecord(findListingRow(ctx.db, row.id)!) };
}

const finalRefusals: readonly string[] = ['stale_version', 'already_decided', 'invalid_transition', 'not_found'];

interface StoredOutcome {
  request_hash: string;
  status: number;
  response: string;
}

/**
 * Exactly once: the first outcome for an idempotency key (a success or a refusal on the
 * listing's state) is stored and replayed for every retry, so a client that lost the answer
 * can ask again without deciding twice.
 */
export const decide: Handler<PlatformContract['decide']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const requestHash = createHash('sha256').update(canonicalJson({ staff: staff.id, ...body, idempotencyKey: undefined })).digest('hex');
  const result = ctx.db.transaction((): { outcome: DecideOutput } | { failure: ApiFailure } => {
    const stored = ctx.db.prepare('SELECT request_hash, status, response FROM idempotency WHERE key = ?').get(body.idempotencyKey) as
      | StoredOutcome
      | undefined;
    if (stored) {
      if (stored.request_hash !== requestHash) {
        const reused = 'this idempotency key was used for a different request';
        return { failure: new ApiFailure('idempotency_key_reused', reused, { path: 'body.idempotencyKey' }) };
      }
      if (stored.status === 200) return { outcome: JSON.parse(stored.response) as DecideOutput };
      const first = JSON.parse(stored.response) as ReturnType<ApiFailure['body']>;
      return { failure: new ApiFailure(first.code, first.message, { path: first.path, conflict: first.conflict }) };
    }
    const remember = (status: number, response: unknown) =>
      ctx.db
        .prepare('INSERT INTO idempotency (key, staff_id, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(body.idempotencyKey, staff.id, requestHash, status, JSON.stringify(response), ctx.now().toISOString());
    try {
      const outcome = applyDecision(ctx, body);
      remember(200, outcome);
      return { outcome };
    } catch (error) {
      // applyDecision checks everything before it writes, so a refusal leaves nothing half done.
      // A refusal about the listing's state is final for this key; a claim or scope refusal may pass later.
      if (!(error instanceof ApiFailure)) throw error;
      if (finalRefusals.includes(error.code)) remember(errorStatus[error.code], error.body());
      return { failure: error };
    }
  })();
  if ('failure' in result) throw result.failure;
  return result.outcome;
};

export const listDecisions: Handler<PlatformContract['listDecisions']> = (ctx, { query }) => {
  const where: string[] = [];
  if (query.listingId !== undefined) where.push('d.listing_id = @listingId');
  if (query.idempotencyKey !== undefined) where.push('d.idempotency_key = @idempotencyKey');
  const rows = ctx.db
    .prepare(`${SELECT_DECISION} WHERE ${where.join(' AND ')} ORDER BY d.decided_at, d.rowid`)
    .all({ listingId: query.listingId ?? null, idempotencyKey: query.idempotencyKey ?? null }) as DecisionRow[];
  return { decisions: rows.map(decisionRecord) };
};
