import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/audit-chain';
import { UNDO_WINDOW_SECONDS } from '../../../shared/platform/moderation-actions';
import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { applyDecision, checkDecision } from './decisions';
import { SELECT_DECISION, type DecisionRow } from './records';
import { reverseDecision, undoWindowOpen } from './undo';

type BatchResult = ReturnType<Handler<PlatformContract['runBatch']>>;
type ItemResult = BatchResult['results'][number];

/** One item's refusal, in the platform's error shape, so each can be shown with its reason. */
function refusedItem(listingId: string, error: unknown): ItemResult {
  if (!(error instanceof ApiFailure)) throw error;
  return { listingId, outcome: 'refused', error: error.body() };
}

/**
 * A bulk decision. The dry run checks every item and writes nothing; the real run applies each
 * item that passes, refuses the others one by one, and is remembered under its batch id so a
 * retry answers the same and the audit trail names the batch.
 */
export const runBatch: Handler<PlatformContract['runBatch']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const { batchId, dryRun, action, reasonCode, note, notice, items } = body;
  if (dryRun) {
    const results = items.map((item): ItemResult => {
      try {
        checkDecision(ctx, { ...item, action, reasonCode, note, notice: item.notice ?? notice });
        return { listingId: item.listingId, outcome: 'would_apply' };
      } catch (error) {
        return refusedItem(item.listingId, error);
      }
    });
    return { batchId, dryRun: true, results, undoableUntil: null };
  }
  const requestHash = createHash('sha256').update(canonicalJson({ staff: staff.id, ...body })).digest('hex');
  const outcome = ctx.db.transaction((): BatchResult | ApiFailure => {
    const stored = ctx.db.prepare('SELECT request_hash, response FROM batches WHERE id = ?').get(batchId) as
      | { request_hash: string; response: string }
      | undefined;
    if (stored) {
      if (stored.request_hash !== requestHash) {
        return new ApiFailure('idempotency_key_reused', 'this batch id was used for a different batch', { path: 'body.batchId' });
      }
      return JSON.parse(stored.response) as BatchResult;
    }
    const results = items.map((item): ItemResult => {
      try {
        applyDecision(ctx, { ...item, action, reasonCode, note, notice: item.notice ?? notice, idempotencyKey: `${batchId}:${item.listingId}` }, batchId);
        return { listingId: item.listingId, outcome: 'applied' };
      } catch (error) {
        return refusedItem(item.listingId, error);
      }
    });
    const now = ctx.now();
    const undoableUntil = new Date(now.getTime() + UNDO_WINDOW_SECONDS * 1000).toISOString();
    const result: BatchResult = { batchId, dryRun: false, results, undoableUntil };
    ctx.db
      .prepare('INSERT INTO batches (id, staff_id, request_hash, dry_run, response, applied_at, created_at) VALUES (?, ?, ?, 0, ?, ?, ?)')
      .run(batchId, staff.id, requestHash, JSON.stringify(result), now.toISOString(), now.toISOString());
    const applied = results.filter((r) => r.outcome === 'applied').length;
    appendAudit(ctx.db, { at: now, staffId: staff.id, action: 'moderation.batch', subject: `batch:${batchId}`, detail: { action, reasonCode, items: items.length, applied } });
    return result;
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};

/** Reverses a batch within its window: each applied item nobody has changed since is put back. */
export const undoBatch: Handler<PlatformContract['undoBatch']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  const outcome = ctx.db.transaction((): BatchResult | ApiFailure => {
    const batch = ctx.db.prepare('SELECT applied_at FROM batches WHERE id = ?').get(params.batchId) as { applied_at: string } | undefined;
    if (!batch) return new ApiFailure('not_found', `no batch ${params.batchId}`, { path: 'params.batchId' });
    if (!undoWindowOpen(ctx, batch.applied_at)) return new ApiFailure('undo_window_closed', 'the undo window of this batch has closed');
    const decisions = ctx.db.prepare(`${SELECT_DECISION} WHERE d.batch_id = ? ORDER BY d.rowid`).all(params.batchId) as DecisionRow[];
    const results = decisions.map((row): ItemResult => {
      try {
        reverseDecision(ctx, row);
        return { listingId: row.listing_id, outcome: 'undone' };
      } catch (error) {
        return refusedItem(row.listing_id, error);
      }
    });
    ctx.db.prepare('UPDATE batches SET undone_at = ? WHERE id = ?').run(ctx.now().toISOString(), params.batchId);
    appendAudit(ctx.db, {
      at: ctx.now(), staffId: staff.id, action: 'moderation.batch_undo', subject: `batch:${params.batchId}`,
      detail: { undone: results.filter((r) => r.outcome === 'undone').length, refused: results.filter((r) => r.outcome === 'refused').length },
    });
    return { batchId: params.batchId, dryRun: false, results, undoableUntil: null };
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};
