import { createHash, randomBytes } from 'node:crypto';
import type { PlatformContract } from '../../../shared/platform/contract';
import type { StaffProfile } from '../../../shared/platform/entities';
import { Role, scopesOf } from '../../../shared/platform/roles';
import type { RequestContext } from '../http/context';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import type { PlatformDb } from '../store/database';
import { appendAudit } from './audit';
import { verifyPassword } from './passwords';
import { forgetFailedSignIns, recordFailedSignIn, refuseIfThrottled, throttledFailure } from './sign-in-throttle';

interface StaffRow {
  id: string; username: string; display_name: string; roles: string; password_hash: string;
  last_sign_in_at: string | null;
}
interface TokenRow {
  hash: string; kind: 'access' | 'refresh'; staff_id: string; family: string; expires_at: string; revoked_at: string | null;
}

/** Only the SHA-256 of a token is stored: a copy of the database cannot sign anyone in. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

function profile(row: StaffRow): StaffProfile {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: Role.array().parse(JSON.parse(row.roles)) };
}

function issueSession(ctx: RequestContext, staff: StaffRow, family: string, lastSignInAt: string | null) {
  const now = ctx.now();
  const accessToken = newToken('xta');
  const refreshToken = newToken('xtr');
  const accessExpires = new Date(now.getTime() + ctx.settings.accessTtlSeconds * 1000).toISOString();
  const refreshExpires = new Date(now.getTime() + ctx.settings.refreshTtlSeconds * 1000).toISOString();
  const insert = ctx.db.prepare(
    'INSERT INTO tokens (hash, kind, staff_id, family, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  insert.run(tokenHash(accessToken), 'access', staff.id, family, accessExpires, now.toISOString());
  insert.run(tokenHash(refreshToken), 'refresh', staff.id, family, refreshExpires, now.toISOString());
  return {
    accessToken,
    accessTokenExpiresAt: accessExpires,
    refreshToken,
    refreshTokenExpiresAt: refreshExpires,
    staff: profile(staff),
    lastSignInAt,
  };
}

const revokeFamily = (db: PlatformDb, family: string, at: Date) =>
  db.prepare('UPDATE tokens SET revoked_at = ? WHERE family = ? AND revoked_at IS NULL').run(at.toISOString(), family);

export const login: Handler<PlatformContract['login']> = (ctx, { body }) => {
  const now = ctx.now();
  // The throttle, the failure count and their audit events commit together; the refusal is
  // returned rather than thrown so the transaction keeps what it wrote.
  const outcome = ctx.db.transaction((): ReturnType<typeof issueSession> | ApiFailure => {
    const staff = ctx.db.prepare('SELECT * FROM staff WHERE username = ?').get(body.username) as StaffRow | undefined;
    const throttled = refuseIfThrottled(ctx.db, body.username, now);
    if (throttled) {
      appendAudit(ctx.db, {
        at: now, staffId: staff?.id ?? null, action: 'auth.login_throttled', subject: null,
        detail: { username: body.username, failures: throttled.failures, retryAfterSeconds: throttled.retryAfterSeconds },
      });
      return throttledFailure(throttled.retryAfterSeconds);
    }
    // Same answer for an unknown user and a wrong password, so usernames cannot be probed.
    if (!staff || !verifyPassword(body.password, staff.password_hash)) {
      recordFailedSignIn(ctx.db, body.username, now);
      appendAudit(ctx.db, { at: now, staffId: staff?.id ?? null, action: 'auth.login_failed', subject: null, detail: { username: body.username } });
      return new ApiFailure('invalid_credentials', 'wrong username or password');
    }
    forgetFailedSignIns(ctx.db, body.username);
    ctx.db.prepare('UPDATE staff SET last_sign_in_at = ? WHERE id = ?').run(now.toISOString(), staff.id);
    appendAudit(ctx.db, { at: now, staffId: staff.id, action: 'auth.login', subject: `staff:${staff.id}`, detail: {} });
    return issueSession(ctx, staff, randomBytes(12).toString('hex'), staff.last_sign_in_at);
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};

export const refresh: Handler<PlatformContract['refresh']> = (ctx, { body }) => {
  // The transaction returns its refusal rather than throwing it, so what it revoked on the way
  // (a replayed token's whole family) is committed, not rolled back with the error.
  const outcome = ctx.db.transaction((): ReturnType<typeof issueSession> | ApiFailure => {
    const now = ctx.now();
    const token = ctx.db.prepare("SELECT * FROM tokens WHERE hash = ? AND kind = 'refresh'").get(tokenHash(body.refreshToken)) as
      | TokenRow
      | undefined;
    if (!token) return new ApiFailure('token_invalid', 'unknown refresh token');
    if (token.revoked_at !== null) {
      // A rotated-out token used again means it was copied: end the whole session family.
      revokeFamily(ctx.db, token.family, now);
      appendAudit(ctx.db, { at: now, staffId: token.staff_id, action: 'auth.refresh_reuse', subject: `staff:${token.staff_id}`, detail: {} });
      return new ApiFailure('token_invalid', 'refresh token was already used; sign in again');
    }
    if (token.expires_at <= now.toISOString()) return new ApiFailure('token_expired', 'refresh token expired; sign in again');
    revokeFamily(ctx.db, token.family, now);
    const staff = ctx.db.prepare('SELECT * FROM staff WHERE id = ?').get(token.staff_id) as StaffRow;
    return issueSession(ctx, staff, token.family, staff.last_sign_in_at);
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};

export const logout: Handler<PlatformContract['logout']> = (ctx) => {
  const staff = signedInStaff(ctx);
  ctx.db.transaction(() => {
    revokeFamily(ctx.db, staff.tokenFamily, ctx.now());
    appendAudit(ctx.db, { at: ctx.now(), staffId: staff.id, action: 'auth.logout', subject: `staff:${staff.id}`, detail: {} });
  })();
  return { loggedOut: true as const };
};

export const me: Handler<PlatformContract['me']> = (ctx) => {
  const { scopes, tokenFamily: _family, ...staff } = signedInStaff(ctx);
  return { staff, scopes: [...scopes] };
};

/** Resolves a bearer token to the staff member, or says precisely why it cannot. */
export function authenticate(db: PlatformDb, now: Date, authorization: string | undefined): NonNullable<RequestContext['staff']> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw new ApiFailure('token_missing', 'send Authorization: Bearer <access token>');
  const token = db.prepare("SELECT * FROM tokens WHERE hash = ? AND kind = 'access'").get(tokenHash(match[1]!)) as TokenRow | undefined;
  if (!token || token.revoked_at !== null) throw new ApiFailure('token_invalid', 'access token unknown or revoked');
  if (token.expires_at <= now.toISOString()) throw new ApiFailure('token_expired', 'access token expired; refresh it');
  const staff = profile(db.prepare('SELECT * FROM staff WHERE id = ?').get(token.staff_id) as StaffRow);
  return { ...staff, scopes: scopesOf(staff.roles), tokenFamily: token.family };
}
