import type { PlatformContract } from '../../../shared/platform/contract';
import { Role, roles as roleOrder } from '../../../shared/platform/roles';
import type { StaffMember } from '../../../shared/platform/staff';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import type { Handler } from '../http/router';
import { appendAudit } from './audit';

interface StaffMemberRow {
  id: string; username: string; display_name: string; roles: string; last_sign_in_at: string | null; version: number;
}

const SELECT_STAFF = 'SELECT id, username, display_name, roles, last_sign_in_at, version FROM staff';

const staffMember = (row: StaffMemberRow): StaffMember => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: Role.array().parse(JSON.parse(row.roles)),
  lastSignInAt: row.last_sign_in_at,
  version: row.version,
});

/** Roles as stored: each once, in the order of the role list, so the same grant always reads the same. */
const canonicalRoles = (granted: readonly Role[]): Role[] => roleOrder.filter((r) => granted.includes(r));

export const listStaff: Handler<PlatformContract['listStaff']> = (ctx) => ({
  staff: (ctx.db.prepare(`${SELECT_STAFF} ORDER BY id`).all() as StaffMemberRow[]).map(staffMember),
});

/**
 * Replaces a staff member's roles. Scopes are worked out from the staff row on every request
 * (services/auth.ts authenticate), so a removed role stops working on the member's next request
 * without ending their session. The DPO cannot change their own roles: granting oneself more is
 * exactly what a second person must see, and since only a DPO changes roles and never their own,
 * the last DPO can never be removed either.
 */
export const changeStaffRoles: Handler<PlatformContract['changeStaffRoles']> = (ctx, { params, body }) => {
  const dpo = signedInStaff(ctx);
  if (params.staffId === dpo.id) {
    throw new ApiFailure('validation_failed', 'params.staffId: you cannot change your own roles; another DPO must do it', { path: 'params.staffId' });
  }
  const outcome = ctx.db.transaction((): { staff: StaffMember } | ApiFailure => {
    const row = ctx.db.prepare(`${SELECT_STAFF} WHERE id = ?`).get(params.staffId) as StaffMemberRow | undefined;
    if (!row) return new ApiFailure('not_found', `no staff account ${params.staffId}`, { path: 'params.staffId' });
    if (row.version !== body.basedOnVersion) {
      return new ApiFailure('stale_version', `the account is at version ${row.version}, the change was based on ${body.basedOnVersion}`, { path: 'body.basedOnVersion' });
    }
    const before = staffMember(row).roles;
    const after = canonicalRoles(body.roles);
    ctx.db.prepare('UPDATE staff SET roles = ?, version = version + 1 WHERE id = ?').run(JSON.stringify(after), row.id);
    appendAudit(ctx.db, { at: ctx.now(), staffId: dpo.id, action: 'staff.roles_change', subject: `staff:${row.id}`, detail: { before, after, reason: body.reason } });
    return { staff: staffMember(ctx.db.prepare(`${SELECT_STAFF} WHERE id = ?`).get(row.id) as StaffMemberRow) };
  })();
  if (outcome instanceof ApiFailure) throw outcome;
  return outcome;
};
