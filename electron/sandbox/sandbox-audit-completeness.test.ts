import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformContract, type EndpointName, type PlatformContract } from '../../shared/platform/contract';
import type { CallInput, Output } from '../../shared/platform/endpoint';
import { call, ok, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../test/fixtures/sandbox';
import { auditTrailOf, unauditedWrites } from './audit-trail.fixture';
import { disclosureBody, legalKey, upload } from './legal-requests.fixture';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
type Session = Awaited<ReturnType<typeof signIn>>;
const as: Record<'chen' | 'senior' | 'zhao' | 'liu' | 'huang' | 'dpo', Session> = {} as never;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 400, now: () => clock.now, settings: { accessTtlSeconds: 24 * 3600 } });
  const usernames = { chen: 'mod.chen', senior: 'senior.wang', zhao: 'cs.zhao', liu: 'legal.liu', huang: 'legal.huang', dpo: 'dpo.zhou' } as const;
  for (const [who, username] of Object.entries(usernames)) as[who as keyof typeof as] = await signIn(sandbox.url, username);
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

interface AuditRow { seq: number; staff_id: string | null; action: string; detail: string }
const lastSeq = () => (sandbox.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_events').get() as { n: number }).n;
const row = <T>(sql: string, ...args: unknown[]) => sandbox.db.prepare(sql).get(...args) as T;
/** A mainland mobile number, not part of a longer run of letters or digits (a hash, an id). */
const FULL_PHONE = /(?<![\dA-Za-z])1[3-9]\d{9}(?![\dA-Za-z])/;

const walked = new Set<EndpointName>();

/**
 * Calls an endpoint that must succeed, then checks what it appended to the trail: the action the
 * table expects (or nothing, for an endpoint that records nothing), by the caller, with no full
 * phone number or token in any detail.
 */
async function walk<K extends EndpointName>(name: K, input: Partial<CallInput<PlatformContract[K]>>, caller: Session | null): Promise<Output<PlatformContract[K]>> {
  const before = lastSeq();
  const answer = ok(await call(sandbox.url, name, input, caller?.accessToken));
  const appended = sandbox.db.prepare('SELECT seq, staff_id, action, detail FROM audit_events WHERE seq > ? ORDER BY seq').all(before) as AuditRow[];
  const expected = auditTrailOf[name];
  if ('audited' in expected) expect(appended.map((e) => e.action), name).toContain(expected.audited);
  else expect(appended.map((e) => e.action), name).toEqual([]);
  const staffId = caller?.staff.id ?? (answer as Session).staff.id;
  for (const event of appended) {
    expect(event.staff_id, `${name} ${event.action}`).toBe(staffId);
    expect(event.detail, `${name} ${event.action}`).not.toMatch(FULL_PHONE);
    expect(event.detail, `${name} ${event.action}`).not.toMatch(/xt[ar]_/);
  }
  walked.add(name);
  return answer;
}

const pending = (n: number, skip: number) =>
  sandbox.db.prepare("SELECT id, version FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY id LIMIT ? OFFSET ?").all(n, skip) as { id: string; version: number }[];
const used = new Set<string>();
function account(where = '1'): { id: string; version: number } {
  const candidates = sandbox.db
    .prepare(
      `SELECT u.id, u.version FROM users u WHERE u.id NOT IN (SELECT user_id FROM legal_holds) AND u.id NOT IN (SELECT user_id FROM rights_tickets)
         AND EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = u.id) AND ${where} ORDER BY u.id`,
    )
    .all() as { id: string; version: number }[];
  const chosen = candidates.find((c) => !used.has(c.id))!;
  used.add(chosen.id);
  return chosen;
}
let serial = 0;
const key = (label: string) => `${label}-audit-${String(++serial).padStart(4, '0')}`;
const masked = '138****0000';

describe('every action that changes something or reads personal data is on the audit trail', () => {
  it('moderation: claims, decisions, undo, batches, accounts, appeals, flags, reveals', async () => {
    const { chen, senior } = as;
    const [one, two, three, four] = pending(4, 20) as [{ id: string; version: number }, ...{ id: string; version: number }[]];
    await walk('createClaims', { body: { listingIds: [one.id] } }, chen);
    await walk('renewClaim', { params: { listingId: one.id }, body: {} }, chen);
    await walk('listClaims', {}, chen);
    await walk('getListing', { params: { listingId: one.id } }, chen);
    const decided = await walk('decide', { body: { idempotencyKey: key('decide'), listingId: one.id, action: 'approve', basedOnVersion: one.version } }, chen);
    await walk('undoDecision', { params: { decisionId: decided.decision.id }, body: {} }, chen);
    await walk('listDecisions', { query: { listingId: one.id } }, chen);
    await walk('createClaims', { body: { listingIds: [two!.id] } }, chen);
    await walk('releaseClaim', { params: { listingId: two!.id } }, chen);
    const batchId = key('batch');
    const items = [three!, four!].map((l) => ({ listingId: l.id, basedOnVersion: l.version }));
    await walk('runBatch', { body: { batchId, dryRun: false, action: 'approve', reasonCode: null, items } }, senior);
    await walk('undoBatch', { params: { batchId }, body: {} }, senior);
    const user = account();
    const notice = '您发布的信息涉嫌索要定金，请遵守平台规则。';
    await walk('actOnAccount', { params: { userId: user.id }, body: { idempotencyKey: key('warn'), action: 'warn', reasonCode: 'fraud_deposit', notice, basedOnVersion: user.version } }, chen);
    await walk('linkedAccounts', { params: { userId: user.id } }, chen);
    const appeal = row<{ id: string; version: number }>(
      "SELECT a.id, a.version FROM appeals a JOIN decisions d ON d.id = a.decision_id WHERE a.status = 'open' AND d.staff_id <> ? ORDER BY a.id LIMIT 1",
      senior.staff.id,
    );
    await walk('decideAppeal', { params: { appealId: appeal.id }, body: { idempotencyKey: key('appeal'), outcome: 'uphold', notice: '维持原决定', basedOnVersion: appeal.version } }, senior);
    await walk('recordFlagFeedback', { body: { listingId: one.id, rule: 'contact_in_text', verdict: 'false_positive' } }, chen);
    await walk('revealPii', { body: { subjectType: 'user', subjectId: user.id, field: 'phone', reason: '核实用户身份' } }, chen);
    await walk('recordClientAuditEvent', { body: { action: 'pii.copy', subject: `user:${user.id}`, detail: { field: 'phone' } } }, chen);
    await walk('listChanges', { query: { limit: 5 } }, chen);
    await walk('me', {}, chen);
  });

  it('staff and the trail itself', async () => {
    const { staff } = await walk('listStaff', {}, as.dpo);
    const lin = staff.find((s) => s.username === 'mod.lin')!;
    await walk('changeStaffRoles', { params: { staffId: lin.id }, body: { roles: ['moderator', 'cs_agent'], reason: '跨组支援客服', basedOnVersion: lin.version } }, as.dpo);
    await walk('listAuditEvents', { query: { limit: 10 } }, as.dpo);
  });

  it('rights tickets: search, intake, verification, decision, execution, processors, access, reply, retention', async () => {
    const { zhao, dpo } = as;
    const code = (ticketId: string) => row<{ code: string }>('SELECT code FROM sms_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1', ticketId).code;
    async function approvedTicket(type: 'deletion' | 'access', userId: string, listingIds: string[]) {
      const requester = { name: '王先生', relation: 'self' as const, contactMasked: masked };
      let { ticket } = await walk('createTicket', { body: { idempotencyKey: key('open'), type, channel: 'phone', userId, requester, request: '来电申请', listingIds } }, zhao);
      ({ ticket } = await walk('startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version } }, zhao));
      ({ ticket } = await walk('checkVerification', { params: { ticketId: ticket.id }, body: { code: code(ticket.id), basedOnVersion: ticket.version } }, zhao));
      return (await walk('decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'approve', basedOnVersion: ticket.version } }, zhao)).ticket;
    }
    const deleting = account();
    const listing = row<{ id: string }>('SELECT id FROM listings WHERE seller_id = ? ORDER BY id LIMIT 1', deleting.id);
    await walk('findAccounts', { query: { listingId: listing.id } }, zhao);
    const approved = await approvedTicket('deletion', deleting.id, [listing.id]);
    const done = (await walk('executeTicket', { params: { ticketId: approved.id }, body: { idempotencyKey: key('exec'), basedOnVersion: approved.version } }, zhao)).ticket;
    const task = done.processorTasks[0]!;
    await walk('confirmProcessorTask', { params: { ticketId: done.id, taskId: task.id }, body: { reference: 'ALY-DEL-0042', basedOnVersion: done.version } }, zhao);

    const access = await approvedTicket('access', account().id, []);
    await walk('getAccessData', { params: { ticketId: access.id } }, zhao);
    const hash = 'a'.repeat(64);
    const packaged = (await walk('recordAccessPackage', { params: { ticketId: access.id }, body: { sha256: hash, files: [{ name: 'account.json', sha256: hash }], basedOnVersion: access.version } }, zhao)).ticket;
    await walk('sendReply', { params: { ticketId: access.id }, body: { text: '您好：副本已整理完毕。', basedOnVersion: packaged.version } }, zhao);

    await walk('listRetention', { query: { state: 'due' } }, zhao);
    await walk('listRetentionSweeps', { query: {} }, zhao);
    await walk('runRetentionSweep', { body: { idempotencyKey: key('sweep'), dryRun: true } }, dpo);
  });

  it('legal: holds, processors, the disclosure register and its files', async () => {
    const { liu, huang, dpo } = as;
    const held = account();
    await walk('listLegalHolds', { query: {} }, liu);
    await walk('listProcessors', {}, liu);
    const expiresAt = new Date(clock.now.getTime() + 30 * 86_400_000).toISOString();
    let { hold } = await walk('placeHold', { body: { idempotencyKey: legalKey('hold'), userId: held.id, source: 'preservation_notice', reference: '穗天法保〔2026〕12号', reason: '诉讼保全', scope: ['listings'], expiresAt } }, liu);
    const renewedTo = new Date(clock.now.getTime() + 90 * 86_400_000).toISOString();
    ({ hold } = await walk('renewHold', { params: { holdId: hold.id }, body: { expiresAt: renewedTo, reference: '穗天法保〔2026〕12-1号', basedOnVersion: hold.version } }, liu));
    await walk('liftHold', { params: { holdId: hold.id }, body: { reason: '案件已结', basedOnVersion: hold.version } }, liu);
    const fields = { name: '某短信服务有限公司', kind: 'sms' as const, dataCategories: ['手机号'], purpose: '发送验证码', agreementDate: '2026-01-01', reviewDate: '2027-01-01', deletionContact: 'dpo@sms.example.cn' };
    await walk('saveProcessor', { body: { processorId: null, fields, basedOnVersion: null } }, liu);

    let entry = (await walk('createDisclosure', { body: disclosureBody([held.id]) }, liu)).disclosure;
    entry = (await walk('approveDisclosure', { params: { disclosureId: entry.id }, body: { note: '同意', basedOnVersion: entry.version } }, huang)).disclosure;
    const production = { files: [upload('登录日志.csv', 'usr,at\n', 'text/csv')], deliveryMethod: 'police_platform' as const, receipt: upload('回执.pdf', '%PDF receipt'), disclosedAt: clock.now.toISOString(), outcome: 'disclosed_full' as const };
    entry = (await walk('recordProduction', { params: { disclosureId: entry.id }, body: { ...production, basedOnVersion: entry.version } }, liu)).disclosure;
    entry = (await walk('recordUserNotification', { params: { disclosureId: entry.id }, body: { notifiedAt: clock.now.toISOString(), basedOnVersion: entry.version } }, liu)).disclosure;
    await walk('amendDisclosure', { params: { disclosureId: entry.id }, body: { reason: '按原件更正', changes: { caseCause: '涉嫌合同诈骗罪' }, basedOnVersion: entry.version } }, liu);
    await walk('getRegisterFile', { params: { fileId: entry.scan.id } }, dpo);
    const other = (await walk('createDisclosure', { body: disclosureBody([held.id]) }, liu)).disclosure;
    await walk('closeDisclosure', { params: { disclosureId: other.id }, body: { outcome: 'none_found', reason: '所列期间无数据', basedOnVersion: other.version } }, liu);
  });

  it('sessions: sign-in, refresh, sign-out', async () => {
    const session = await walk('login', { body: { username: 'legal.huang', password: TEST_STAFF_PASSWORD } }, null);
    const renewed = await walk('refresh', { body: { refreshToken: session.refreshToken } }, session);
    await walk('logout', {}, renewed);
  });

  it('walked every endpoint of the contract, and every write but the listed ones is audited', () => {
    expect([...walked].sort()).toEqual(Object.keys(platformContract).sort());
    const writes = (Object.keys(platformContract) as EndpointName[]).filter((name) => platformContract[name].method !== 'GET');
    const unaudited = writes.filter((name) => !('audited' in auditTrailOf[name]));
    expect(unaudited.sort()).toEqual([...unauditedWrites].sort());
  });
});

describe('a refused action', () => {
  it('leaves nothing on the trail: the event is written in the transaction of the change', async () => {
    const before = lastSeq();
    const user = account();
    const stale = await call(sandbox.url, 'actOnAccount', { params: { userId: user.id }, body: { idempotencyKey: key('stale'), action: 'warn', reasonCode: 'fraud_deposit', notice: '提醒', basedOnVersion: user.version + 5 } }, as.chen.accessToken);
    expect(stale.status).toBe(409);
    expect(lastSeq()).toBe(before);
  });
});
