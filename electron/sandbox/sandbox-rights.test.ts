import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../shared/platform/changes';
import type { RightsTicket } from '../../shared/platform/rights-entities';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
let zhao: string;
let dpo: string;

beforeAll(async () => {
  // Corrections are promised in 10 working days here, to see the configuration reach the ticket.
  const rightsDeadlines = { defaultWorkingDays: 15, byType: { correction: 10 } };
  sandbox = await startTestSandbox(folder.path, { listings: 400, now: () => clock.now, settings: { accessTtlSeconds: 24 * 3600, rightsDeadlines } });
  zhao = (await signIn(sandbox.url, 'cs.zhao')).accessToken;
  dpo = (await signIn(sandbox.url, 'dpo.zhou')).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const used = new Set<string>();
let serial = 0;
const key = (label: string) => `${label}-key-${String(++serial).padStart(4, '0')}`;
const rows = <T>(sql: string, ...args: unknown[]) => sandbox.db.prepare(sql).all(...args) as T[];
const row = <T>(sql: string, ...args: unknown[]) => sandbox.db.prepare(sql).get(...args) as T;

/** An account no seeded hold or ticket touches, picked once per test: `where` narrows it. */
function account(where = '1'): { id: string; nickname: string; phone: string } {
  const candidates = rows<{ id: string; nickname: string; phone: string }>(
    `SELECT u.id, u.nickname, u.phone FROM users u WHERE u.id NOT IN (SELECT user_id FROM legal_holds)
       AND u.id NOT IN (SELECT user_id FROM rights_tickets) AND EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = u.id) AND ${where} ORDER BY u.id`,
  );
  const chosen = candidates.find((c) => !used.has(c.id))!;
  used.add(chosen.id);
  return chosen;
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const latestCode = (ticketId: string) => row<{ code: string; phone: string }>('SELECT code, phone FROM sms_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1', ticketId);
const requester = (name: string, phone: string) => ({ name, relation: 'self' as const, contactMasked: masked(phone) });

async function open(type: RightsTicket['type'], userId: string, extra: Record<string, unknown> = {}) {
  const body = { idempotencyKey: key('open'), type, channel: 'phone' as const, userId, requester: requester('王先生', '13800000000'), request: '来电申请', ...extra };
  return ok(await call(sandbox.url, 'createTicket', { body }, zhao)).ticket;
}

async function verifiedBySms(ticket: RightsTicket) {
  const asked = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version } }, zhao)).ticket;
  const answer = { code: latestCode(ticket.id).code, basedOnVersion: asked.version };
  return ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: answer }, zhao)).ticket;
}

async function approved(type: RightsTicket['type'], userId: string, extra: Record<string, unknown> = {}) {
  const ticket = await verifiedBySms(await open(type, userId, extra));
  return ok(await call(sandbox.url, 'decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'approve', basedOnVersion: ticket.version } }, zhao)).ticket;
}

const execute = (ticket: RightsTicket, idempotencyKey = key('exec')) =>
  call(sandbox.url, 'executeTicket', { params: { ticketId: ticket.id }, body: { idempotencyKey, basedOnVersion: ticket.version } }, zhao);

async function feedFrom(token: string, cursor?: string) {
  const changes: Change[] = [];
  for (;;) {
    const page = ok(await call(sandbox.url, 'listChanges', { query: { cursor, limit: 1000 } }, token));
    changes.push(...page.changes.map((c) => Change.parse(c)));
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

describe('finding the account a request concerns', () => {
  it('by masked phone, by nickname or its beginning, and by one of its listings', async () => {
    const user = account();
    const byPhone = ok(await call(sandbox.url, 'findAccounts', { query: { phoneMasked: masked(user.phone) } }, zhao)).accounts;
    expect(byPhone.map((a) => a.id)).toContain(user.id);
    expect(byPhone.every((a) => a.phoneMasked === masked(user.phone))).toBe(true);
    expect(ok(await call(sandbox.url, 'findAccounts', { query: { nickname: user.nickname } }, zhao)).accounts[0]!.nickname).toBe(user.nickname);
    const prefix = ok(await call(sandbox.url, 'findAccounts', { query: { nickname: user.nickname.slice(0, 2) } }, zhao)).accounts;
    expect(prefix.every((a) => a.nickname.startsWith(user.nickname.slice(0, 2)))).toBe(true);
    const listing = row<{ id: string }>('SELECT id FROM listings WHERE seller_id = ? LIMIT 1', user.id);
    expect(ok(await call(sandbox.url, 'findAccounts', { query: { listingId: listing.id } }, zhao)).accounts.map((a) => a.id)).toEqual([user.id]);
    refused(await call(sandbox.url, 'findAccounts', { query: { nickname: 'a', listingId: listing.id } }, zhao), 400, 'validation_failed');
  });
});

describe('a deletion, from the call to the verified execution', () => {
  it('verifies by an SMS to the registered phone, deletes the listing, tells the feed and the audit trail', async () => {
    const user = account("NOT EXISTS (SELECT 1 FROM transactions t WHERE t.seller_id = u.id)");
    const listing = row<{ id: string }>('SELECT id FROM listings WHERE seller_id = ? ORDER BY id LIMIT 1', user.id);
    const { cursor } = await feedFrom(zhao);
    const screenshot = Buffer.from('fake png bytes of the listing');
    const attachments = [{ name: '信息截图.png', mediaType: 'image/png', contentBase64: screenshot.toString('base64') }];
    const opened = await open('deletion', user.id, { listingIds: [listing.id], attachments });
    expect(opened).toMatchObject({ state: 'received', workingDays: 15, legalHold: false, userNickname: user.nickname, userPhoneMasked: masked(user.phone) });
    expect(opened.number).toMatch(/^RT-2026-\d{6}$/);
    expect(opened.history).toEqual([expect.objectContaining({ state: 'received', staffName: '赵敏' })]);
    expect(opened.attachments[0]).toMatchObject({ sizeBytes: screenshot.length, sha256: createHash('sha256').update(screenshot).digest('hex') });

    const asked = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: opened.id }, body: { method: 'sms_code', basedOnVersion: opened.version } }, zhao)).ticket;
    expect(asked.state).toBe('awaiting_verification');
    expect(asked.pauses).toEqual([{ from: clock.now.toISOString(), to: null }]);
    const sms = latestCode(opened.id);
    expect(sms.phone).toBe(user.phone);
    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    const answered = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: opened.id }, body: { code: sms.code, basedOnVersion: asked.version } }, zhao));
    expect(answered.passed).toBe(true);
    expect(answered.ticket).toMatchObject({ state: 'in_review', pauses: [{ from: asked.pauses[0]!.from, to: clock.now.toISOString() }] });
    const approval = ok(await call(sandbox.url, 'decideTicket', { params: { ticketId: opened.id }, body: { decision: 'approve', basedOnVersion: answered.ticket.version } }, zhao)).ticket;

    const idempotencyKey = key('exec-del');
    const done = ok(await execute(approval, idempotencyKey)).ticket;
    expect(done.state).toBe('completed');
    expect(done.execution).toMatchObject({ outcome: 'completed', verified: true, failureReason: null, steps: [{ subject: 'listing', count: 1, outcome: 'deleted', basis: null, keptUntil: null }] });
    expect(done.history.map((e) => e.state).slice(-2)).toEqual(['executing', 'completed']);
    expect(done.processorTasks.map((t) => t.processorName)).toContain('阿里云计算有限公司');
    expect(done.processorTasks).toHaveLength(5);
    refused(await call(sandbox.url, 'getListing', { params: { listingId: listing.id } }, zhao), 404, 'not_found');
    expect(ok(await execute(approval, idempotencyKey)).ticket).toEqual(done);

    const { changes } = await feedFrom(zhao, cursor);
    expect(changes).toContainEqual(expect.objectContaining({ entityType: 'listing', id: listing.id, op: 'delete' }));
    expect(changes).toContainEqual(expect.objectContaining({ entityType: 'rights_ticket', id: opened.id, version: done.version }));
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { subject: `rights_ticket:${opened.id}` } }, dpo)).events;
    expect(audit.map((e) => e.action)).toEqual(['rights.create', 'rights.verification.start', 'rights.verification.answer', 'rights.decide', 'rights.execute']);
    expect(JSON.stringify(audit)).not.toContain(user.phone);

    const task = done.processorTasks[0]!;
    const confirm = { reference: 'ALY-DEL-20261120-0042', basedOnVersion: done.version };
    const confirmed = ok(await call(sandbox.url, 'confirmProcessorTask', { params: { ticketId: done.id, taskId: task.id }, body: confirm }, zhao)).ticket;
    expect(confirmed.processorTasks.find((t) => t.id === task.id)).toMatchObject({ confirmedByName: '赵敏', reference: confirm.reference });
    refused(await call(sandbox.url, 'confirmProcessorTask', { params: { ticketId: done.id, taskId: task.id }, body: { ...confirm, basedOnVersion: confirmed.version } }, zhao), 409, 'invalid_transition');
  });
});

describe('a cancellation', () => {
  it('anonymises the account and keeps its transactions anonymised under the E-commerce Law, saying so in the steps', async () => {
    const user = account(
      "EXISTS (SELECT 1 FROM transactions t WHERE t.seller_id = u.id) AND EXISTS (SELECT 1 FROM login_logs g WHERE g.user_id = u.id AND g.at < '2026-05-01')",
    );
    const sold = row<{ id: string; listing_id: string; at: string }>('SELECT id, listing_id, at FROM transactions WHERE seller_id = ? LIMIT 1', user.id);
    const logs = rows<{ at: string }>('SELECT at FROM login_logs WHERE user_id = ?', user.id);
    const ticket = await approved('cancellation', user.id);
    const done = ok(await execute(ticket)).ticket;
    expect(done.execution).toMatchObject({ outcome: 'completed', verified: true });
    const steps = done.execution!.steps;
    const keptUntil = `${Number(sold.at.slice(0, 4)) + 3}${sold.at.slice(4, 10)}`;
    expect(steps).toContainEqual({ subject: 'account', count: 1, outcome: 'anonymised', basis: null, keptUntil: null });
    expect(steps).toContainEqual(expect.objectContaining({ subject: 'transaction', outcome: 'anonymised', basis: 'ecommerce_law_art31' }));
    expect(steps).toContainEqual(expect.objectContaining({ subject: 'listing', outcome: 'anonymised', basis: 'ecommerce_law_art31' }));
    expect(steps.find((s) => s.subject === 'transaction')!.keptUntil! >= keptUntil).toBe(true);
    expect(row('SELECT anonymised, seller_id FROM transactions WHERE id = ?', sold.id)).toEqual({ anonymised: 1, seller_id: user.id });
    expect(row('SELECT status, body FROM listings WHERE id = ?', sold.listing_id)).toEqual({ status: 'anonymised', body: '' });
    expect(row('SELECT nickname, status, phone, device_id, last_ip FROM users WHERE id = ?', user.id)).toEqual({
      nickname: '已注销用户', status: 'anonymised', phone: '00000000000', device_id: '', last_ip: '',
    });
    // Six months after a login made on 20 May it may go: from 21 May on they are kept.
    const recent = logs.filter((l) => l.at >= '2026-05-21').length;
    expect(row<{ n: number }>('SELECT count(*) AS n FROM login_logs WHERE user_id = ? AND anonymised = 1', user.id).n).toBe(recent);
    expect(row<{ n: number }>('SELECT count(*) AS n FROM login_logs WHERE user_id = ?', user.id).n).toBe(recent);
    expect(steps).toContainEqual({ subject: 'login_log', count: logs.length - recent, outcome: 'deleted', basis: null, keptUntil: null });
    if (recent > 0) expect(steps).toContainEqual(expect.objectContaining({ subject: 'login_log', count: recent, outcome: 'anonymised', basis: 'cybersecurity_law_art21' }));
    expect(ok(await call(sandbox.url, 'findAccounts', { query: { phoneMasked: masked(user.phone) } }, zhao)).accounts).toEqual([]);
  });
});

describe('a legal hold', () => {
  it('stops the execution without saying why, changes nothing, and shows on the ticket', async () => {
    const hold = row<{ user_id: string; reference: string }>("SELECT user_id, reference FROM legal_holds WHERE id = 'hold_0001'");
    const ticket = await approved('deletion', hold.user_id);
    expect(ticket.legalHold).toBe(true);
    const listings = row<{ n: number }>('SELECT count(*) AS n FROM listings WHERE seller_id = ?', hold.user_id).n;
    const blocked = refused(await execute(ticket), 409, 'legal_hold');
    expect(blocked.message).not.toContain(hold.reference);
    expect(blocked.message).not.toContain('hold_0001');
    expect(row<{ n: number }>('SELECT count(*) AS n FROM listings WHERE seller_id = ?', hold.user_id).n).toBe(listings);
    expect(row('SELECT state, version FROM rights_tickets WHERE id = ?', ticket.id)).toEqual({ state: 'approved', version: ticket.version });
    const seeded = row<{ id: string; version: number }>("SELECT id, version FROM rights_tickets WHERE user_id = (SELECT user_id FROM legal_holds WHERE id = 'hold_0003')");
    refused(await call(sandbox.url, 'executeTicket', { params: { ticketId: seeded.id }, body: { idempotencyKey: key('exec-held'), basedOnVersion: seeded.version } }, zhao), 409, 'legal_hold');
    const { changes } = await feedFrom(zhao);
    expect(changes.find((c) => c.id === seeded.id)?.record).toMatchObject({ type: 'cancellation', state: 'approved', legalHold: true });
  });
});

describe('identity verification', () => {
  it('refuses the ticket as identity_not_verified after three wrong codes, and stops the clock’s pause', async () => {
    let ticket = await open('deletion', account().id);
    ticket = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version } }, zhao)).ticket;
    const wrong = String((Number(latestCode(ticket.id).code) + 1) % 1_000_000).padStart(6, '0');
    for (const attempt of [1, 2, 3]) {
      const answer = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { code: wrong, basedOnVersion: ticket.version } }, zhao));
      expect(answer.passed).toBe(false);
      ticket = answer.ticket;
      expect(ticket.verification.attempts).toBe(attempt);
    }
    expect(ticket).toMatchObject({ state: 'refused', refusal: { reasonCode: 'identity_not_verified' } });
    expect(ticket.pauses.every((p) => p.to !== null)).toBe(true);
    refused(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { code: wrong, basedOnVersion: ticket.version } }, zhao), 409, 'invalid_transition');
  });

  it('takes the full registered phone and a listing of the account, or a relative’s documents, and nothing else', async () => {
    const user = account();
    const listing = row<{ id: string }>('SELECT id FROM listings WHERE seller_id = ? LIMIT 1', user.id);
    let ticket = await open('access', user.id);
    refused(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'relative_documents', basedOnVersion: ticket.version } }, zhao), 400, 'validation_failed');
    ticket = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'phone_and_listing', basedOnVersion: ticket.version } }, zhao)).ticket;
    const missing = refused(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { phone: user.phone, basedOnVersion: ticket.version } }, zhao), 400, 'validation_failed');
    expect(missing.path).toBe('body.listingId');
    const answer = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { phone: user.phone, listingId: listing.id, basedOnVersion: ticket.version } }, zhao));
    expect(answer).toMatchObject({ passed: true, ticket: { state: 'in_review', verification: { method: 'phone_and_listing', attempts: 0 } } });

    let relative = await open('deceased_relative', account().id, { requester: { name: '陈女士', relation: 'near_relative', contactMasked: '137****1234' } });
    relative = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: relative.id }, body: { method: 'relative_documents', basedOnVersion: relative.version } }, zhao)).ticket;
    const checked = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: relative.id }, body: { documentsNote: '死亡医学证明、户口簿亲属页', basedOnVersion: relative.version } }, zhao));
    expect(checked.ticket.history.at(-1)!.note).toContain('死亡医学证明');
  });
});

describe('the state machine and versions', () => {
  it('refuses steps out of order, stale versions and reused keys', async () => {
    const user = account();
    const ticket = await open('deletion', user.id);
    refused(await execute(ticket), 409, 'invalid_transition');
    refused(await call(sandbox.url, 'decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'approve', basedOnVersion: ticket.version } }, zhao), 409, 'invalid_transition');
    const stale = refused(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version + 1 } }, zhao), 409, 'stale_version');
    expect(stale.path).toBe('body.basedOnVersion');
    const noReason = refused(await call(sandbox.url, 'decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'refuse', basedOnVersion: ticket.version } }, zhao), 400, 'validation_failed');
    expect(noReason.path).toBe('body.reasonCode');
    const body = { idempotencyKey: key('dup'), type: 'deletion' as const, channel: 'phone' as const, userId: user.id, requester: requester('李女士', user.phone), request: '删除' };
    const first = ok(await call(sandbox.url, 'createTicket', { body }, zhao)).ticket;
    expect(ok(await call(sandbox.url, 'createTicket', { body }, zhao)).ticket.id).toBe(first.id);
    refused(await call(sandbox.url, 'createTicket', { body: { ...body, type: 'access' } }, zhao), 422, 'idempotency_key_reused');
    refused(await call(sandbox.url, 'createTicket', { body: { ...body, idempotencyKey: key('nf'), userId: 'usr_9999999' } }, zhao), 404, 'not_found');
    const unmasked = { ...body, idempotencyKey: key('pii'), requester: { ...body.requester, contactMasked: user.phone } };
    expect(refused(await call(sandbox.url, 'createTicket', { body: unmasked }, zhao), 400, 'validation_failed').path).toBe('body.requester.contactMasked');
    const access = await approved('access', account().id);
    refused(await execute(access), 409, 'invalid_transition');
  });

  it('corrects a nickname and bumps the account’s version, with nothing for processors to delete', async () => {
    const user = account();
    const before = row<{ version: number }>('SELECT version FROM users WHERE id = ?', user.id);
    const ticket = await approved('correction', user.id, { correction: { field: 'nickname', value: '珠江新城小陈' } });
    expect(ticket.workingDays).toBe(10);
    const done = ok(await execute(ticket)).ticket;
    expect(done.execution!.steps).toEqual([{ subject: 'account', count: 1, outcome: 'corrected', basis: null, keptUntil: null }]);
    expect(done.processorTasks).toEqual([]);
    expect(row('SELECT nickname, version FROM users WHERE id = ?', user.id)).toEqual({ nickname: '珠江新城小陈', version: before.version + 1 });
  });
});

describe('the check after execution', () => {
  it('fails the ticket, and leaves the data as it was, when the database does not show what the steps say', async () => {
    const user = account();
    const before = row('SELECT nickname, version FROM users WHERE id = ?', user.id);
    // A fault the platform cannot see coming: something puts the old nickname back.
    sandbox.db.exec(`CREATE TEMP TRIGGER undo_rename AFTER UPDATE OF nickname ON users WHEN NEW.nickname = '故障测试'
      BEGIN UPDATE users SET nickname = OLD.nickname WHERE id = NEW.id; END`);
    try {
      const ticket = await approved('correction', user.id, { correction: { field: 'nickname', value: '故障测试' } });
      const failed = ok(await execute(ticket)).ticket;
      expect(failed).toMatchObject({ state: 'failed', processorTasks: [] });
      expect(failed.execution).toMatchObject({ outcome: 'failed', verified: false, failureReason: expect.stringContaining('nickname') });
      expect(row('SELECT nickname, version FROM users WHERE id = ?', user.id)).toEqual(before);
    } finally {
      sandbox.db.exec('DROP TRIGGER undo_rename');
    }
  });
});

describe('an access request', () => {
  it('exports the user’s own data with other users redacted, records the package, and the reply completes it', async () => {
    const user = account('EXISTS (SELECT 1 FROM transactions t WHERE t.seller_id = u.id)');
    const ticket = await approved('access', user.id);
    const data = ok(await call(sandbox.url, 'getAccessData', { params: { ticketId: ticket.id } }, zhao));
    expect(data.account).toMatchObject({ id: user.id, phone: user.phone });
    expect(data.loginSummary.count).toBe(row<{ n: number }>('SELECT count(*) AS n FROM login_logs WHERE user_id = ?', user.id).n);
    const sales = data.transactions.filter((t) => t.role === 'seller');
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((t) => t.counterparty === '买家（已脱敏）')).toBe(true);
    const buyers = rows<{ buyer_id: string }>('SELECT buyer_id FROM transactions WHERE seller_id = ?', user.id).map((t) => t.buyer_id);
    for (const buyer of buyers) expect(JSON.stringify(data)).not.toContain(buyer);
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { action: 'rights.access_data', subject: `rights_ticket:${ticket.id}` } }, dpo)).events;
    expect(audit).toHaveLength(1);

    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const early = refused(await call(sandbox.url, 'sendReply', { params: { ticketId: ticket.id }, body: { text: '您好', basedOnVersion: ticket.version } }, zhao), 409, 'invalid_transition');
    expect(early.message).toMatch(/reply/);
    const packaged = ok(await call(sandbox.url, 'recordAccessPackage', { params: { ticketId: ticket.id }, body: { sha256: sha('pkg'), files: [{ name: 'a.json', sha256: sha('a') }], basedOnVersion: ticket.version } }, zhao)).ticket;
    expect(packaged.accessPackage).toMatchObject({ sha256: sha('pkg') });
    const replied = ok(await call(sandbox.url, 'sendReply', { params: { ticketId: ticket.id }, body: { text: '您好：副本已整理完毕。', basedOnVersion: packaged.version } }, zhao)).ticket;
    expect(replied).toMatchObject({ state: 'completed', reply: { text: '您好：副本已整理完毕。', staffName: '赵敏' } });
    refused(await call(sandbox.url, 'getAccessData', { params: { ticketId: ticket.id } }, zhao), 409, 'invalid_transition');
    refused(await call(sandbox.url, 'sendReply', { params: { ticketId: ticket.id }, body: { text: '再次', basedOnVersion: replied.version } }, zhao), 409, 'invalid_transition');
  });
});
