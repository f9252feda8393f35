import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
let sandbox: RunningSandbox;
let dpo: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => new Date('2026-11-20T09:00:00Z') });
  dpo = await signIn(sandbox.url, 'dpo.zhou');
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const staffNamed = async (username: string) => ok(await call(sandbox.url, 'listStaff', {}, dpo.accessToken)).staff.find((s) => s.username === username)!;
const change = (staffId: string, body: { roles: ('moderator' | 'senior_moderator' | 'cs_agent' | 'legal' | 'dpo')[]; reason: string; basedOnVersion: number }) =>
  call(sandbox.url, 'changeStaffRoles', { params: { staffId }, body }, dpo.accessToken);

describe('the staff list', () => {
  it('shows every account with its roles, last sign-in and version, to the DPO only', async () => {
    const { staff } = ok(await call(sandbox.url, 'listStaff', {}, dpo.accessToken));
    expect(staff.map((s) => s.username)).toEqual(sandbox.staff.map((s) => s.username));
    expect(staff.find((s) => s.id === dpo.staff.id)).toMatchObject({ roles: ['dpo'], lastSignInAt: '2026-11-20T09:00:00.000Z', version: 1 });
    const legal = await signIn(sandbox.url, 'legal.liu');
    refused(await call(sandbox.url, 'listStaff', {}, legal.accessToken), 403, 'forbidden_scope');
  });
});

describe('changing roles', () => {
  it('takes effect on the next request of a signed-in member, and is audited with before, after and reason', async () => {
    const lin = await signIn(sandbox.url, 'mod.lin');
    ok(await call(sandbox.url, 'listClaims', {}, lin.accessToken));
    refused(await call(sandbox.url, 'findAccounts', { query: { nickname: '王' } }, lin.accessToken), 403, 'forbidden_scope');
    const member = await staffNamed('mod.lin');
    const changed = ok(await change(member.id, { roles: ['cs_agent', 'cs_agent'], reason: '调往客服组', basedOnVersion: member.version })).staff;
    expect(changed).toMatchObject({ roles: ['cs_agent'], version: member.version + 1 });
    // Same token: the moderator's scopes are gone, customer service's are there.
    refused(await call(sandbox.url, 'listClaims', {}, lin.accessToken), 403, 'forbidden_scope');
    ok(await call(sandbox.url, 'findAccounts', { query: { nickname: '王' } }, lin.accessToken));
    expect(ok(await call(sandbox.url, 'me', {}, lin.accessToken)).staff.roles).toEqual(['cs_agent']);
    const { events } = ok(await call(sandbox.url, 'listAuditEvents', { query: { action: 'staff.roles_change', subject: `staff:${member.id}` } }, dpo.accessToken));
    expect(events).toEqual([expect.objectContaining({ staffId: dpo.staff.id, detail: { before: ['moderator'], after: ['cs_agent'], reason: '调往客服组' } })]);
  });

  it('keeps roles in one order, however they were sent', async () => {
    const member = await staffNamed('cs.he');
    const changed = ok(await change(member.id, { roles: ['legal', 'cs_agent'], reason: '兼任法务助理', basedOnVersion: member.version })).staff;
    expect(changed.roles).toEqual(['cs_agent', 'legal']);
  });

  it("refuses the DPO's own account, naming the field", async () => {
    const own = refused(await change(dpo.staff.id, { roles: ['dpo', 'legal'], reason: '自行加权限', basedOnVersion: 1 }), 400, 'validation_failed');
    expect(own.path).toBe('params.staffId');
    expect(own.message).toMatch(/own roles/);
    expect((await staffNamed('dpo.zhou')).roles).toEqual(['dpo']);
  });

  it('refuses a change based on an old version, an unknown account, and a change without a reason, and records none of them', async () => {
    const member = await staffNamed('senior.wang');
    const before = sandbox.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'staff.roles_change'").get();
    ok(await change(member.id, { roles: ['senior_moderator', 'moderator'], reason: '带新人培训', basedOnVersion: member.version }));
    const afterFirst = sandbox.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'staff.roles_change'").get();
    const stale = refused(await change(member.id, { roles: ['moderator'], reason: '降级处理', basedOnVersion: member.version }), 409, 'stale_version');
    expect(stale.path).toBe('body.basedOnVersion');
    expect(refused(await change('stf_9999', { roles: ['moderator'], reason: '新员工入职', basedOnVersion: 1 }), 404, 'not_found').path).toBe('params.staffId');
    expect(refused(await change(member.id, { roles: ['moderator'], reason: ' ', basedOnVersion: 2 }), 400, 'validation_failed').path).toBe('body.reason');
    expect(sandbox.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'staff.roles_change'").get()).toEqual(afterFirst);
    expect(afterFirst).not.toEqual(before);
    expect((await staffNamed('senior.wang')).roles).toEqual(['moderator', 'senior_moderator']);
  });
});
