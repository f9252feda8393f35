import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { findListingRow, findUserRow } from './records';

/** The one way a full phone number leaves the platform: for a named staff member, with a reason, on the record. */
export const revealPii: Handler<PlatformContract['revealPii']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const value =
    body.subjectType === 'user' ? findUserRow(ctx.db, body.subjectId)?.phone : findListingRow(ctx.db, body.subjectId)?.contact_phone;
  if (value === undefined) throw new ApiFailure('not_found', `no ${body.subjectType} ${body.subjectId}`, { path: 'body.subjectId' });
  const at = ctx.now();
  const auditSeq = ctx.db.transaction(() =>
    appendAudit(ctx.db, {
      at,
      staffId: staff.id,
      action: 'pii.reveal',
      subject: `${body.subjectType}:${body.subjectId}`,
      detail: { field: body.field, reason: body.reason },
    }),
  )();
  return { value, revealedAt: at.toISOString(), auditSeq };
};
