import { UNDO_WINDOW_SECONDS } from '../../../shared/platform/moderation-actions';
import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff, type RequestContext } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { recordChange } from './change-log';
import { decisionRecord, findListingRow, listingRecord, SELECT_DECISION, type DecisionRow } from './records';

export const undoWindowOpen = (ctx: RequestContext, since: string) => ctx.now().getTime() - Date.parse(since) <= UNDO_WINDOW_SECONDS * 1000;

/**
 * Puts a listing back as it was before one decision, if nobody has touched it since (its version
 * is still the one the decision produced). Call inside a transaction.
 */
export function reverseDecision(ctx: RequestContext, row: DecisionRow): ReturnType<Handler<PlatformContract['undoDecision']>> {
  const listing = findListingRow(ctx.db, row.listing_id)!;
  if (row.undone_at === null) {
    if (listing.version !== row.based_on_version + 1) {
      throw new ApiFailure('stale_version', 'the listing changed after this decision; it can no longer be undone', {
        conflict: { listing: listingRecord(listing) },
      });
    }
    const now = ctx.now().toISOString();
    const staffId = signedInStaff(ctx).id;
    ctx.db
      .prepare('UPDATE listings SET status = ?, escalated = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(row.prev_status, row.prev_escalated ?? 0, now, listing.id);
    ctx.db.prepare('UPDATE decisions SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, staffId, row.id);
    recordChange(ctx.db, 'listing', listing.id);
    recordChange(ctx.db, 'decision', row.id);
    appendAudit(ctx.db, { at: ctx.now(), staffId, action: 'moderation.undo', subject: `listing:${listing.id}`, detail: { decisionId: row.id, batchId: row.batch_id } });
  }
  const decision = decisionRecord(ctx.db.prepare(`${SELECT_DECISION} WHERE d.id = ?`).get(row.id) as DecisionRow);
  return { decision, listing: listingRecord(findListingRow(ctx.db, row.listing_id)!) };
}

/** Your own decision, within its window; undoing twice answers the same. */
export const undoDecision: Handler<PlatformContract['undoDecision']> = (ctx, { params }) => {
  const staff = signedInStaff(ctx);
  const outcome = ctx.db.transaction(() => {
    const row = ctx.db.prepare(`${SELECT_DECISION} WHERE d.id = ?`).get(params.decisionId) as DecisionRow | undefined;
    if (!row) return new ApiFailure('not_found', `no decision ${params.decisionId}`, { path: 'params.decisionId' });
    if (row.staff_id !== staff.id) return new ApiFailure('forbidden_scope', 'only the moderator who decided can undo a decision');
    if (row.undone_at === null && !undoWindowOpen(ctx, row.decided_at)) {
      return new ApiFailure('undo_window_closed', 'the undo window of this decision has closed');
    }
    try {
      return reverseDecision(ctx, row);
    } catch (error) {
      if (error instanceof ApiFailure) return error;
      throw error;
    }
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};
