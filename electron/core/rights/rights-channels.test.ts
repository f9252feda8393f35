import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCore } from '../../../test/fixtures/desk-core';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { waitFor } from '../../../test/fixtures/wait';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;
let zhao: Awaited<ReturnType<typeof signedInCore>>;
let chen: Awaited<ReturnType<typeof signedInCore>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 600 });
  [zhao, chen] = await Promise.all([signedInCore(sandbox.url, 'cs.zhao'), signedInCore(sandbox.url, 'mod.chen')]);
});
afterAll(async () => {
  await Promise.all([zhao.close(), chen.close()]);
  await sandbox.close();
  platformDir.remove();
});

const requester = { name: '王先生', relation: 'self' as const, contactMasked: '135****7162' };
const lastSmsCode = () => (sandbox.db.prepare('SELECT code FROM sms_messages ORDER BY rowid DESC LIMIT 1').get() as { code: string }).code;

/** A user with a published listing, no legal hold and no open ticket. */
function ordinarySeller(): { userId: string; listingId: string } {
  return sandbox.db
    .prepare(`SELECT l.seller_id AS userId, l.id AS listingId FROM listings l
              WHERE l.status = 'published'
                AND l.seller_id NOT IN (SELECT user_id FROM legal_holds)
                AND l.seller_id NOT IN (SELECT user_id FROM rights_tickets)
                AND l.id NOT IN (SELECT listing_id FROM transactions)
              ORDER BY l.id LIMIT 1`)
    .get() as { userId: string; listingId: string };
}

function rowsIn(core: { dataDir: string }, sql: string): unknown[] {
  const accounts = join(core.dataDir, 'accounts');
  const [folder] = readdirSync(accounts);
  const db = new Database(join(accounts, folder!, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('rights tickets through the core', () => {
  it("give customer service the queue with deadlines, and keep tickets out of a moderator's cache", async () => {
    const { tickets } = await zhao.output('rights:tickets', { view: 'all' });
    expect(tickets.length).toBeGreaterThan(0);
    expect(tickets.filter((t) => t.deadline !== null).every((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.deadline!.dueDate))).toBe(true);
    expect(await chen.invoke('rights:tickets', { view: 'open' })).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
    expect(rowsIn(chen, 'SELECT id FROM rights_tickets')).toEqual([]);
    expect(rowsIn(zhao, 'SELECT id FROM legal_holds')).toEqual([]);
  });

  it('take a deletion from the call to the listing gone on the platform, verified, with the reply sent', async () => {
    const { userId, listingId } = ordinarySeller();
    const { accounts } = await zhao.output('rights:findAccounts', { listingId });
    expect(accounts.map((a) => a.id)).toEqual([userId]);
    expect((await zhao.output('rights:openDuplicates', { userId, type: 'deletion' })).tickets).toEqual([]);
    const created = await zhao.output('rights:create', { type: 'deletion', channel: 'phone', userId, requester, request: '删除我发布的这条信息', listingIds: [listingId] });
    expect(created.ticket.state).toBe('received');
    expect(created.deadline).toMatchObject({ paused: false });
    expect((await zhao.output('rights:openDuplicates', { userId, type: 'deletion' })).tickets.map((t) => t.id)).toEqual([created.ticket.id]);

    const waiting = await zhao.output('rights:startVerification', { ticketId: created.ticket.id, method: 'sms_code' });
    expect(waiting.ticket.state).toBe('awaiting_verification');
    expect(waiting.deadline).toMatchObject({ paused: true });
    const code = lastSmsCode();
    const wrong = await zhao.output('rights:answerVerification', { ticketId: created.ticket.id, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.passed).toBe(false);
    expect(wrong.detail.ticket.verification.attempts).toBe(1);
    const right = await zhao.output('rights:answerVerification', { ticketId: created.ticket.id, code });
    expect(right).toMatchObject({ passed: true, detail: { ticket: { state: 'in_review' }, deadline: { paused: false } } });

    await zhao.output('rights:decide', { ticketId: created.ticket.id, decision: 'approve' });
    // Executing from a screen that still shows the ticket as it was created is refused as stale.
    expect(await zhao.invoke('rights:execute', { ticketId: created.ticket.id, basedOnVersion: created.ticket.version })).toMatchObject({ ok: false, error: { code: 'stale_version' } });
    const done = await zhao.output('rights:execute', { ticketId: created.ticket.id });
    expect(done.ticket.state).toBe('completed');
    expect(done.ticket.execution).toMatchObject({ outcome: 'completed', verified: true });
    expect(done.ticket.execution!.steps).toContainEqual(expect.objectContaining({ subject: 'listing', outcome: 'deleted', count: 1 }));
    expect(sandbox.db.prepare('SELECT id FROM listings WHERE id = ?').get(listingId)).toBeUndefined();
    await waitFor(() => rowsIn(zhao, `SELECT id FROM listings WHERE id = '${listingId}'`).length === 0, 'the deletion reaches the cache');

    const task = done.ticket.processorTasks[0]!;
    const confirmed = await zhao.output('rights:confirmProcessorTask', { ticketId: created.ticket.id, taskId: task.id, reference: 'ALI-DEL-20261130-01' });
    expect(confirmed.ticket.processorTasks.find((t) => t.id === task.id)).toMatchObject({ reference: 'ALI-DEL-20261130-01', confirmedByName: expect.any(String) });
    const replied = await zhao.output('rights:reply', { ticketId: created.ticket.id, text: `您好，工单 ${created.ticket.number} 已办结，相关信息已删除。` });
    expect(replied.ticket.reply?.text).toContain(created.ticket.number);
    // The ticket leaves the open queue, and the cache agrees with the platform's version.
    expect((await zhao.output('rights:tickets', { view: 'open' })).tickets.map((t) => t.id)).not.toContain(created.ticket.id);
  });

  it('cancel an account with a sold listing: the transaction kept anonymised under the E-commerce Law, and the cache still syncs', async () => {
    const seller = sandbox.db
      .prepare(`SELECT u.id AS userId, u.phone AS phone, t.listing_id AS listingId, t.id AS transactionId FROM transactions t JOIN users u ON u.id = t.seller_id
                WHERE u.status = 'active' AND u.id NOT IN (SELECT user_id FROM legal_holds) AND u.id NOT IN (SELECT user_id FROM rights_tickets) LIMIT 1`)
      .get() as { userId: string; phone: string; listingId: string; transactionId: string };
    const created = await zhao.output('rights:create', { type: 'cancellation', channel: 'phone', userId: seller.userId, requester, request: '注销账号' });
    await zhao.output('rights:startVerification', { ticketId: created.ticket.id, method: 'phone_and_listing' });
    expect((await zhao.output('rights:answerVerification', { ticketId: created.ticket.id, phone: seller.phone, listingId: seller.listingId })).passed).toBe(true);
    await zhao.output('rights:decide', { ticketId: created.ticket.id, decision: 'approve' });
    const done = await zhao.output('rights:execute', { ticketId: created.ticket.id });
    expect(done.ticket.execution!.steps).toContainEqual(expect.objectContaining({ subject: 'transaction', outcome: 'anonymised', basis: 'ecommerce_law_art31' }));
    expect(sandbox.db.prepare('SELECT id FROM transactions WHERE id = ?').get(seller.transactionId)).toBeDefined();
    await zhao.output('sync:now');
    await waitFor(async () => {
      const status = await zhao.output('sync:status');
      return status.phase === 'idle' && status.lastSyncedAt !== null && Date.parse(status.lastSyncedAt) > Date.parse(done.ticket.updatedAt) ? status : null;
    }, 'a sync after the cancellation');
    expect(await zhao.output('sync:status')).toMatchObject({ online: true, quarantined: 0 });
    expect((await zhao.output('rights:tickets', { view: 'all' })).tickets.map((t) => t.id)).toContain(created.ticket.id);
  });

  it('refuse to execute a cancellation that a legal hold covers, saying only that a hold applies', async () => {
    const held = sandbox.db
      .prepare(`SELECT h.user_id AS userId, u.phone AS phone, l.id AS listingId FROM legal_holds h JOIN users u ON u.id = h.user_id
                JOIN listings l ON l.seller_id = h.user_id
                WHERE h.lifted_at IS NULL AND (h.expires_at IS NULL OR h.expires_at > ?) LIMIT 1`)
      .get(new Date().toISOString()) as { userId: string; phone: string; listingId: string };
    const created = await zhao.output('rights:create', { type: 'cancellation', channel: 'phone', userId: held.userId, requester, request: '注销账号' });
    expect(created.ticket.legalHold).toBe(true);
    await zhao.output('rights:startVerification', { ticketId: created.ticket.id, method: 'phone_and_listing' });
    const verified = await zhao.output('rights:answerVerification', { ticketId: created.ticket.id, phone: held.phone, listingId: held.listingId });
    expect(verified.passed).toBe(true);
    await zhao.output('rights:decide', { ticketId: created.ticket.id, decision: 'approve' });
    const refused = await zhao.invoke('rights:execute', { ticketId: created.ticket.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'legal_hold' } });
    expect(JSON.stringify(refused)).not.toMatch(/执保|preservation|investigation/);
    expect((await zhao.output('rights:ticket', { ticketId: created.ticket.id })).ticket.state).toBe('approved');
    expect(sandbox.db.prepare('SELECT status FROM users WHERE id = ?').get(held.userId)).not.toEqual({ status: 'anonymised' });
  });

  it('build an access package of JSON and readable HTML, and record its SHA-256 on the platform', async () => {
    const { userId, listingId } = ordinarySeller();
    const phone = (sandbox.db.prepare('SELECT phone FROM users WHERE id = ?').get(userId) as { phone: string }).phone;
    const created = await zhao.output('rights:create', { type: 'access', channel: 'email', userId, requester, request: '查阅并复制我的个人信息' });
    await zhao.output('rights:startVerification', { ticketId: created.ticket.id, method: 'phone_and_listing' });
    await zhao.output('rights:answerVerification', { ticketId: created.ticket.id, phone, listingId });
    await zhao.output('rights:decide', { ticketId: created.ticket.id, decision: 'approve' });
    const pkg = await zhao.output('rights:accessPackage', { ticketId: created.ticket.id });
    expect(pkg.files.map((f) => f.mediaType)).toEqual(['application/json', 'text/html']);
    expect(JSON.parse(pkg.files[0]!.content).account.id).toBe(userId);
    expect(pkg.detail.ticket.accessPackage?.sha256).toBe(pkg.sha256);
  });

  it('show the retention view and let only the DPO sweep', async () => {
    const due = await zhao.output('retention:list', { state: 'due' });
    expect(due.items.every((i) => i.state === 'due')).toBe(true);
    expect(await zhao.invoke('retention:sweep', { dryRun: true })).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
  });

  it('summarise the rights work for the dashboard', async () => {
    const dashboard = await zhao.output('rights:dashboard');
    expect(dashboard.receivedPerWeek).toHaveLength(12);
    expect(dashboard.openByTypeAndState.reduce((n, r) => n + r.count, 0)).toBe((await zhao.output('rights:tickets', { view: 'open' })).tickets.length);
  });
});
