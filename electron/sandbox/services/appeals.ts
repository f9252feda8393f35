import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { recordChange } from './change-log';
import { appealRecord, findListingRow, listingRecord, SELECT_APPEAL, SELECT_DECISION, type AppealRow, type DecisionRow } from './records';

type AppealOutput = ReturnType<Handler<PlatformContract['decideAppeal']>>;

/**
 * Uphold or overturn. The platform, not only the console, refuses the moderator whose decision
 * is appealed: a second pair of eyes is the point of an appeal. Overturning publishes the listing.
 */
export const decideAppeal: Handler<PlatformContract['decideAppeal']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  const outcome = ctx.db.transaction((): AppealOutput | ApiFailure => {
    const appeal = ctx.db.prepare(`${SELECT_APPEAL} WHERE a.id = ?`).get(params.appealId) as AppealRow | undefined;
    if (!appeal) return new ApiFailure('not_found', `no appeal ${params.appealId}`, { path: 'params.appealId' });
    const decision = ctx.db.prepare(`${SELECT_DECISION} WHERE d.id = ?`).get(appeal.decision_id) as DecisionRow;
    if (decision.staff_id === staff.id) {
      return new ApiFailure('same_reviewer', 'an appeal is decided by someone other than the moderator who made the decision');
    }
    const idempotencyMark = `appeal:${body.idempotencyKey}`;
    if (appeal.status !== 'open') {
      const replay = appeal.outcome_notice !== null && ctx.db.prepare("SELECT 1 FROM meta WHERE key = ?").get(idempotencyMark);
      if (replay) return { appeal: appealRecord(appeal), listing: listingRecord(findListingRow(ctx.db, appeal.listing_id)!) };
      return new ApiFailure('already_decided', `the appeal was already ${appeal.status}`);
    }
    if (appeal.version !== body.basedOnVersion) return new ApiFailure('stale_version', `the appeal is at version ${appeal.version}`);
    const now = ctx.now().toISOString();
    const status = body.outcome === 'uphold' ? 'upheld' : 'overturned';
    ctx.db
      .prepare('UPDATE appeals SET status = ?, outcome_notice = ?, decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ?')
      .run(status, body.notice, staff.id, now, appeal.id);
    ctx.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(idempotencyMark, appeal.id);
    if (body.outcome === 'overturn') {
      ctx.db.prepare("UPDATE listings SET status = 'published', version = version + 1, updated_at = ? WHERE id = ?").run(now, appeal.listing_id);
      recordChange(ctx.db, 'listing', appeal.listing_id);
    }
    recordChange(ctx.db, 'appeal', appeal.id);
    appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: `appeal.${body.outcome}`, subject: `listing:${appeal.listing_id}`, detail: { appealId: appeal.id, decisionId: decision.id } });
    const updated = ctx.db.prepare(`${SELECT_APPEAL} WHERE a.id = ?`).get(appeal.id) as AppealRow;
    return { appeal: appealRecord(updated), listing: listingRecord(findListingRow(ctx.db, appeal.listing_id)!) };
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};
