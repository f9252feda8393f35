import { clientAuditActions } from '../../../shared/audit-actions';
import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';

/**
 * A mainland mobile number written out in full, standing alone: inside a longer run of letters
 * and digits (a hash, an id) it is not a phone number; +86 in front, it still is. And the prefixes of the platform's tokens.
 */
const FULL_PHONE = /(?<![\dA-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\dA-Za-z])/;
const TOKEN = /\bxt[ar]_[\w-]{16,}/;

/**
 * An event only the console saw happen. The caller must hold the scope the action names (nobody
 * reports exporting the audit trail without being able to read it), and the detail must say what
 * happened, not carry it: a copied phone number or a token in the trail would be a second leak.
 */
export const recordClientAuditEvent: Handler<PlatformContract['recordClientAuditEvent']> = (ctx, { body }) => {
  const staff = signedInStaff(ctx);
  const scope = clientAuditActions[body.action];
  if (!staff.scopes.has(scope)) {
    throw new ApiFailure('forbidden_scope', `${body.action} needs scope ${scope}, which your roles do not grant`);
  }
  for (const [key, value] of Object.entries(body.detail)) {
    if (typeof value !== 'string') continue;
    const what = FULL_PHONE.test(value) ? 'a full phone number' : TOKEN.test(value) ? 'a token' : null;
    if (what) {
      throw new ApiFailure('validation_failed', `body.detail.${key}: looks like ${what}; record which field it was, never its value`, { path: `body.detail.${key}` });
    }
  }
  const seq = ctx.db.transaction(() =>
    appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: body.action, subject: body.subject, detail: body.detail }),
  )();
  return { seq };
};
