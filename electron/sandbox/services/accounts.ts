import { randomUUID } from 'node:crypto';
import type { PlatformContract } from '../../../shared/platform/contract';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';
import { recordChange } from './change-log';
import { accountActionRecord, findUserRow, SELECT_ACCOUNT_ACTION, userRecord, type AccountActionRow, type UserRow } from './records';

const statusAfter = { warn: 'warned', suspend: 'suspended', ban: 'banned' } as const;

type ActOutput = ReturnType<Handler<PlatformContract['actOnAccount']>>;

/** Warn, suspend or ban: each is a strike on the account's record and a notice to its user. */
export const actOnAccount: Handler<PlatformContract['actOnAccount']> = (ctx, { params, body }) => {
  const staff = signedInStaff(ctx);
  if (body.action === 'ban' && !staff.scopes.has('accounts:ban')) {
    throw new ApiFailure('forbidden_scope', 'a ban is for senior moderators');
  }
  const outcome = ctx.db.transaction((): ActOutput | ApiFailure => {
    const done = ctx.db.prepare(`${SELECT_ACCOUNT_ACTION} WHERE a.idempotency_key = ?`).get(body.idempotencyKey) as AccountActionRow | undefined;
    const user = findUserRow(ctx.db, params.userId);
    if (!user) return new ApiFailure('not_found', `no account ${params.userId}`, { path: 'params.userId' });
    if (done) {
      if (done.user_id !== params.userId || done.action !== body.action) {
        return new ApiFailure('idempotency_key_reused', 'this idempotency key was used for another action', { path: 'body.idempotencyKey' });
      }
      return { action: accountActionRecord(done), user: userRecord(user) };
    }
    if (user.version !== body.basedOnVersion) {
      return new ApiFailure('stale_version', `the account is at version ${user.version}`, { path: 'body.basedOnVersion' });
    }
    const now = ctx.now();
    const until = body.action === 'suspend' ? new Date(now.getTime() + body.durationDays! * 86_400_000).toISOString() : null;
    ctx.db
      .prepare('UPDATE users SET status = ?, strikes = strikes + 1, restricted_until = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(statusAfter[body.action], until, now.toISOString(), user.id);
    const id = `act_${randomUUID()}`;
    ctx.db
      .prepare(`INSERT INTO account_actions (id, idempotency_key, user_id, action, reason_code, notice, duration_days, staff_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, body.idempotencyKey, user.id, body.action, body.reasonCode, body.notice, body.action === 'suspend' ? body.durationDays : null, staff.id, now.toISOString());
    recordChange(ctx.db, 'user', user.id);
    recordChange(ctx.db, 'account_action', id);
    appendAudit(ctx.db, { at: now, staffId: staff.id, action: `account.${body.action}`, subject: `user:${user.id}`, detail: { actionId: id, reasonCode: body.reasonCode, durationDays: body.durationDays, groupId: body.groupId } });
    const row = ctx.db.prepare(`${SELECT_ACCOUNT_ACTION} WHERE a.id = ?`).get(id) as AccountActionRow;
    return { action: accountActionRecord(row), user: userRecord(findUserRow(ctx.db, user.id)!) };
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};

/**
 * Accounts sharing a phone, a device or an IP with this one. Device and IP never leave the
 * platform: the answer says only which of them is shared.
 */
export const linkedAccounts: Handler<PlatformContract['linkedAccounts']> = (ctx, { params }) => {
  const user = findUserRow(ctx.db, params.userId);
  if (!user) throw new ApiFailure('not_found', `no account ${params.userId}`, { path: 'params.userId' });
  // An anonymised account has no phone, device or address left, only placeholders that would link every such account.
  if (user.status === 'anonymised') return { links: [] };
  const staff = signedInStaff(ctx);
  const rows = ctx.db
    .prepare(
      "SELECT * FROM users WHERE id <> @id AND status <> 'anonymised' AND (phone = @phone OR device_id = @device OR last_ip = @ip) ORDER BY id LIMIT 200",
    )
    .all({ id: user.id, phone: user.phone, device: user.device_id, ip: user.last_ip }) as UserRow[];
  // Who shares a phone, a device or an address with whom is personal data: its reading is on the record.
  appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'account.linked_read', subject: `user:${user.id}`, detail: { linked: rows.map((r) => r.id) } });
  return {
    links: rows.map((row) => ({
      user: userRecord(row),
      via: [
        ...(row.phone === user.phone ? (['phone'] as const) : []),
        ...(row.device_id === user.device_id ? (['device'] as const) : []),
        ...(row.last_ip === user.last_ip ? (['ip'] as const) : []),
      ],
    })),
  };
};
