import type { AuditRow, StaffMember } from '../../shared/ipc/governance-views';

/** Test-only: audit events and staff accounts shaped as the core returns them. */
export function auditRow(seq: number, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 19, 1, 30) + seq * 60_000).toISOString(),
    staffId: 'stf_1',
    staffName: '陈晓峰',
    action: 'moderation.decide',
    subject: `listing:lst_${String(seq).padStart(5, '0')}`,
    detail: { decisionId: `dec_${seq}`, action: 'approve' },
    prevHash: `h${seq - 1}`,
    hash: `h${seq}`,
    ...overrides,
  };
}

export function staffMember(id: string, overrides: Partial<StaffMember> = {}): StaffMember {
  return { id, username: `user.${id}`, displayName: id, roles: ['moderator'], lastSignInAt: '2026-11-18T02:00:00.000Z', version: 1, ...overrides };
}

/** renderWithDesk signs in as stf_1, so with the DPO role stf_1 is the DPO's own account. */
export const governanceStaff: StaffMember[] = [
  staffMember('stf_1', { username: 'mod.chen', displayName: '陈晓峰', roles: ['dpo'] }),
  staffMember('stf_2', { username: 'mod.wang', displayName: '王磊', roles: ['moderator'], version: 3 }),
  staffMember('stf_4', { username: 'cs.zhou', displayName: '周敏', roles: ['cs_agent'], lastSignInAt: null }),
];
