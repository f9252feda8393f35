import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Disclosure } from '../../shared/platform/disclosure-entities';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';
import { disclosureBody, legalKey, scope, upload } from './legal-requests.fixture';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
let liu: string;
let huang: string;
let dpo: string;
let users: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => clock.now, settings: { accessTtlSeconds: 24 * 3600 } });
  [liu, huang, dpo] = await Promise.all(['legal.liu', 'legal.huang', 'dpo.zhou'].map(async (u) => (await signIn(sandbox.url, u)).accessToken)) as [string, string, string];
  users = (sandbox.db.prepare('SELECT id FROM users ORDER BY id LIMIT 4').all() as { id: string }[]).map((u) => u.id);
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const create = async (body: ReturnType<typeof disclosureBody>, token = liu) => ok(await call(sandbox.url, 'createDisclosure', { body }, token)).disclosure;
const ref = (d: Disclosure) => ({ disclosureId: d.id });
const approve = async (d: Disclosure, token = huang) => ok(await call(sandbox.url, 'approveDisclosure', { params: ref(d), body: { note: '同意', basedOnVersion: d.version } }, token)).disclosure;
const production = (d: Disclosure, files = [upload('登录日志.csv', 'usr,at\n', 'text/csv')]) => ({
  files, deliveryMethod: 'police_platform' as const, receipt: upload('回执.pdf', '%PDF receipt'), disclosedAt: clock.now.toISOString(), outcome: 'disclosed_full' as const, basedOnVersion: d.version,
});
const produce = async (d: Disclosure) => ok(await call(sandbox.url, 'recordProduction', { params: ref(d), body: production(d) }, liu)).disclosure;
const amend = (d: Disclosure, changes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  call(sandbox.url, 'amendDisclosure', { params: ref(d), body: { reason: '按原件更正', changes, basedOnVersion: d.version, ...extra } }, liu);

describe('registering a request', () => {
  it('numbers it in the year’s sequence, keeps the scan with the platform’s hash, and waits for approval; a retry lands once', async () => {
    const last = sandbox.db.prepare("SELECT max(register_number) AS n FROM disclosures WHERE register_number LIKE 'LD-2026-%'").get() as { n: string };
    const body = disclosureBody([users[0]!]);
    const entry = await create(body);
    expect(entry.registerNumber).toBe(`LD-2026-${String(Number(last.n.slice(-4)) + 1).padStart(4, '0')}`);
    expect(entry).toMatchObject({ status: 'awaiting_approval', preparedBy: 'stf_0006', preparedByName: '刘志远', approval: null, overDisclosure: null, version: 1 });
    expect(entry.scan.sha256).toBe(sha(Buffer.from(body.scan.contentBase64, 'base64')));
    expect(entry.original).toEqual(entry.request);
    expect(await create(body)).toEqual(entry);
    refused(await call(sandbox.url, 'createDisclosure', { body: { ...body, request: { ...body.request, caseCause: '另案' } } }, liu), 422, 'idempotency_key_reused');
    expect(ok(await call(sandbox.url, 'listAuditEvents', { query: { subject: `disclosure:${entry.id}` } }, dpo)).events.map((e) => e.action)).toEqual(['legal.disclosure.create']);
  });

  it('refuses an account that does not exist, naming where it is', async () => {
    const missing = refused(await call(sandbox.url, 'createDisclosure', { body: disclosureBody([users[0]!, 'usr_9999999']) }, liu), 404, 'not_found');
    expect(missing.path).toBe('body.request.scopeRequested.userIds.1');
  });
});

describe('over-disclosure', () => {
  it('is refused without a justification, naming what goes beyond, and kept with one', async () => {
    const wider = scope([users[0]!, users[1]!], ['account_profile', 'login_logs', 'device_info']);
    const body = disclosureBody([users[0]!], { scopeDisclosed: wider });
    const unjustified = refused(await call(sandbox.url, 'createDisclosure', { body }, liu), 422, 'over_disclosure_unjustified');
    expect(unjustified.path).toBe('body.justification');
    expect(unjustified.message).toContain(users[1]!);
    expect(unjustified.message).toContain('device_info');
    const justification = '民警现场出具补充说明，需关联其同一设备登录的另一账号';
    const entry = await create({ ...body, idempotencyKey: legalKey('over'), justification });
    expect(entry.overDisclosure).toEqual({ userIds: [users[1]], categories: ['device_info'], outsideDates: false, justification });
  });

  it('counts data from outside the requested dates', async () => {
    const body = disclosureBody([users[0]!], { scopeDisclosed: scope([users[0]!], undefined, '2026-08-01') });
    expect(refused(await call(sandbox.url, 'createDisclosure', { body }, liu), 422, 'over_disclosure_unjustified').message).toContain('dates outside');
  });
});

describe('a foreign authority', () => {
  const foreign = { domestic: false, authorityType: 'other' as const, authorityName: 'Singapore Police Force', documentNumber: 'SPF/CAD/2026/01234' };

  it('is blocked without the competent Chinese authority’s approval, citing the law', async () => {
    const blocked = refused(await call(sandbox.url, 'createDisclosure', { body: disclosureBody([users[0]!], { request: foreign }) }, liu), 422, 'foreign_request_blocked');
    expect(blocked.message).toMatch(/Data Security Law art\. 36/);
    expect(blocked.message).toMatch(/PIPL art\. 41/);
  });

  it('is registered with the approval recorded', async () => {
    const foreignApproval = { authority: '中华人民共和国司法部', documentNumber: '司协〔2026〕17号', approvedOn: '2026-11-18' };
    const entry = await create(disclosureBody([users[0]!], { request: { ...foreign, foreignApproval } }));
    expect(entry.request).toMatchObject({ domestic: false, foreignApproval });
  });
});

describe('the second person', () => {
  it('refuses the preparer’s own approval and production before approval; a colleague approves, then the files are kept and read back', async () => {
    let entry = await create(disclosureBody([users[2]!]));
    refused(await call(sandbox.url, 'recordProduction', { params: ref(entry), body: production(entry) }, liu), 409, 'invalid_transition');
    refused(await call(sandbox.url, 'approveDisclosure', { params: ref(entry), body: { basedOnVersion: entry.version } }, liu), 403, 'same_reviewer');
    refused(await call(sandbox.url, 'approveDisclosure', { params: ref(entry), body: { basedOnVersion: entry.version + 1 } }, huang), 409, 'stale_version');
    entry = await approve(entry);
    expect(entry).toMatchObject({ status: 'approved', version: 2, approval: { staffId: 'stf_0007', staffName: '黄婉婷', note: '同意', at: clock.now.toISOString() } });

    const csv = 'usr_id,登录时间,IP\nusr_0000001,2026-10-01T02:00:00Z,113.108.1.1\n';
    entry = ok(await call(sandbox.url, 'recordProduction', { params: ref(entry), body: production(entry, [upload('登录日志.csv', csv, 'text/csv')]) }, liu)).disclosure;
    expect(entry).toMatchObject({ status: 'disclosed', outcome: 'disclosed_full', production: { deliveryMethod: 'police_platform', disclosedAt: clock.now.toISOString() } });
    const kept = entry.production!.files[0]!;
    expect(kept).toMatchObject({ name: '登录日志.csv', sizeBytes: Buffer.byteLength(csv), sha256: sha(csv) });
    const file = ok(await call(sandbox.url, 'getRegisterFile', { params: { fileId: kept.id } }, dpo));
    expect(file).toMatchObject({ name: '登录日志.csv', mediaType: 'text/csv', sha256: kept.sha256 });
    expect(sha(Buffer.from(file.contentBase64, 'base64'))).toBe(kept.sha256);
    const scan = ok(await call(sandbox.url, 'getRegisterFile', { params: { fileId: entry.scan.id } }, liu));
    expect(sha(Buffer.from(scan.contentBase64, 'base64'))).toBe(entry.scan.sha256);
    refused(await call(sandbox.url, 'getRegisterFile', { params: { fileId: 'rf_missing' } }, liu), 404, 'not_found');
    refused(await call(sandbox.url, 'closeDisclosure', { params: ref(entry), body: { outcome: 'refused', reason: '晚了', basedOnVersion: entry.version } }, liu), 409, 'invalid_transition');

    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { subject: `disclosure:${entry.id}` } }, dpo)).events;
    expect(audit.map((e) => e.action)).toEqual(['legal.disclosure.create', 'legal.disclosure.approve', 'legal.disclosure.produce', 'legal.file.read', 'legal.file.read']);
    expect(audit[3]).toMatchObject({ staffId: 'stf_0008', detail: { fileId: kept.id, sha256: kept.sha256 } });
  });

  it('takes a hand-over typed to the minute of approval, and refuses one timed a minute before it or in the future', async () => {
    const approvedAt = clock.now;
    clock.now = new Date('2026-11-20T09:07:42Z');
    try {
      const entry = await approve(await create(disclosureBody([users[1]!])));
      const at = (iso: string) => ({ params: ref(entry), body: { ...production(entry), disclosedAt: iso } });
      refused(await call(sandbox.url, 'recordProduction', at('2026-11-20T09:06:00.000Z'), liu), 400, 'validation_failed');
      refused(await call(sandbox.url, 'recordProduction', at('2026-11-20T09:08:00.000Z'), liu), 400, 'validation_failed');
      const kept = ok(await call(sandbox.url, 'recordProduction', at('2026-11-20T09:07:00.000Z'), liu)).disclosure;
      expect(kept.production?.disclosedAt).toBe('2026-11-20T09:07:00.000Z');
    } finally {
      clock.now = approvedAt;
    }
  });

  it('closes an entry with nothing handed over, which then discloses nothing', async () => {
    const entry = await create(disclosureBody([users[3]!]));
    const closed = ok(await call(sandbox.url, 'closeDisclosure', { params: ref(entry), body: { outcome: 'none_found', reason: '所列期间无数据', basedOnVersion: entry.version } }, liu)).disclosure;
    expect(closed).toMatchObject({ status: 'closed', outcome: 'none_found', refusalReason: '所列期间无数据', scopeDisclosed: null, overDisclosure: null });
    refused(await call(sandbox.url, 'approveDisclosure', { params: ref(closed), body: { basedOnVersion: closed.version } }, huang), 409, 'invalid_transition');
  });
});

describe('amendments', () => {
  it('change the request and leave the original byte for byte as first saved, listing each field before and after', async () => {
    const entry = await create(disclosureBody([users[0]!], { request: { documentNumber: '穗公（天）调证字〔2026〕1243号' } }));
    const first = JSON.stringify(entry.original);
    const narrower = scope([users[0]!], ['login_logs']);
    const unjustified = refused(await amend(entry, { documentNumber: '穗公（天）调证字〔2026〕1234号', scopeRequested: narrower }), 422, 'over_disclosure_unjustified');
    expect(unjustified.message).toContain('account_profile');
    refused(await amend(entry, { domestic: false }), 422, 'foreign_request_blocked');
    refused(await amend(entry, { documentNumber: entry.request.documentNumber }), 400, 'validation_failed');
    const justification = '补充函要求一并提供账号资料';
    const amended = ok(await amend(entry, { documentNumber: '穗公（天）调证字〔2026〕1234号', scopeRequested: narrower }, { justification })).disclosure;
    expect(JSON.stringify(amended.original)).toBe(first);
    expect(amended.request).toMatchObject({ documentNumber: '穗公（天）调证字〔2026〕1234号', scopeRequested: narrower });
    expect(amended.amendments).toHaveLength(1);
    expect(amended.amendments[0]).toMatchObject({ staffId: 'stf_0006', staffName: '刘志远', reason: '按原件更正', at: clock.now.toISOString() });
    expect(amended.amendments[0]!.changes).toEqual([
      { path: 'request.documentNumber', before: '穗公（天）调证字〔2026〕1243号', after: '穗公（天）调证字〔2026〕1234号' },
      { path: 'request.scopeRequested.categories', before: ['account_profile', 'login_logs'], after: ['login_logs'] },
      { path: 'overDisclosure', before: null, after: { userIds: [], categories: ['account_profile'], outsideDates: false, justification } },
    ]);
    refused(await amend(entry, { caseCause: '再改' }), 409, 'stale_version');
    const row = sandbox.db.prepare('SELECT original FROM disclosures WHERE id = ?').get(entry.id) as { original: string };
    expect(row.original).toBe(JSON.stringify(entry.original));
  });
});

describe('telling the user', () => {
  it('is refused while a no-notify order applies, and recorded once it ends', async () => {
    let entry = await produce(await approve(await create(disclosureBody([users[1]!], { request: { noNotify: true, noNotifyUntil: null } }))));
    const notify = (d: Disclosure) => call(sandbox.url, 'recordUserNotification', { params: ref(d), body: { notifiedAt: clock.now.toISOString(), basedOnVersion: d.version } }, liu);
    expect(refused(await notify(entry), 409, 'invalid_transition').message).toContain('no-notify');
    entry = ok(await amend(entry, { noNotifyUntil: '2026-11-20' })).disclosure;
    refused(await notify(entry), 409, 'invalid_transition');
    entry = ok(await amend(entry, { noNotifyUntil: '2026-11-19' })).disclosure;
    entry = ok(await notify(entry)).disclosure;
    expect(entry.userNotifiedAt).toBe(clock.now.toISOString());
    refused(await notify(entry), 409, 'invalid_transition');
  });

  it('is recorded only for data actually handed over', async () => {
    const entry = await create(disclosureBody([users[1]!]));
    refused(await call(sandbox.url, 'recordUserNotification', { params: ref(entry), body: { notifiedAt: clock.now.toISOString(), basedOnVersion: entry.version } }, liu), 409, 'invalid_transition');
  });
});
