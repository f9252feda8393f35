import { randomUUID } from 'node:crypto';
import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { recordChange } from './change-log';
import { findListingRow, flagFeedbackRecord, SELECT_FLAG_FEEDBACK, type FlagFeedbackRow } from './records';

/** A false positive, recorded once per listing, rule and moderator. */
export const recordFlagFeedback: Handler<PlatformContract['recordFlagFeedback']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  if (!findListingRow(ctx.db, body.listingId)) throw new ApiFailure('not_found', `no listing ${body.listingId}`, { path: 'body.listingId' });
  return ctx.db.transaction(() => {
    const existing = ctx.db
      .prepare(`${SELECT_FLAG_FEEDBACK} WHERE f.listing_id = ? AND f.rule = ? AND f.staff_id = ?`)
      .get(body.listingId, body.rule, staff.id) as FlagFeedbackRow | undefined;
    if (existing) return flagFeedbackRecord(existing);
    const id = `ffb_${randomUUID()}`;
    const at = ctx.now().toISOString();
    ctx.db
      .prepare('INSERT INTO flag_feedback (id, listing_id, rule, verdict, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, body.listingId, body.rule, body.verdict, staff.id, at);
    recordChange(ctx.db, 'flag_feedback', id);
    appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'moderation.flag_false_positive', subject: `listing:${body.listingId}`, detail: { rule: body.rule } });
    return flagFeedbackRecord(ctx.db.prepare(`${SELECT_FLAG_FEEDBACK} WHERE f.id = ?`).get(id) as FlagFeedbackRow);
  })();
};
