import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHashInput, GENESIS_HASH } from '../../shared/audit-chain';
import { clientAuditActions } from '../../shared/audit-actions';
import type { AuditEvent } from '../../shared/platform/entities';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
const token = { chen: '', zhao: '', dpo: '', liu: '' };

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 400, now: () => clock.now, settings: { accessTtlSeconds: 30 * 24 * 3600 } });
  token.chen = (await signIn(sandbox.url, 'mod.chen')).accessToken;
  token.zhao = (await signIn(sandbox.url, 'cs.zhao')).accessToken;
  token.liu = (await signIn(sandbox.url, 'legal.liu')).accessToken;
  token.dpo = (await signIn(sandbox.url, 'dpo.zhou')).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const later = (minutes: number) => {
  clock.now = new Date(clock.now.getTime() + minutes * 60_000);
};
const events = async (query: Record<string, string | number>) => ok(await call(sandbox.url, 'listAuditEvents', { query }, token.dpo)).events;
async function wholeTrail(): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for (let afterSeq = 0; ; ) {
    const page = ok(await call(sandbox.url, 'listAuditEvents', { query: { afterSeq, limit: 1000 } }, token.dpo));
    all.push(...page.events);
    if (!page.hasMore) return all;
    afterSeq = page.events.at(-1)!.seq;
  }
}
const chainHolds = (trail: AuditEvent[]) =>
  trail.every((e, i) => e.prevHash === (i === 0 ? GENESIS_HASH : trail[i - 1]!.hash) && e.hash === createHash('sha256').update(auditHashInput(e)).digest('hex'));

describe('reading the trail by time', () => {
  it('keeps events at or after `from` and before `to`', async () => {
    later(60);
    const start = clock.now.toISOString();
    const report = (n: number) => call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'console.lock', subject: null, detail: { n } } }, token.chen);
    ok(await report(1));
    later(10);
    const middle = clock.now.toISOString();
    ok(await report(2));
    later(10);
    ok(await report(3));
    const inRange = await events({ action: 'console.lock', from: start, to: clock.now.toISOString() });
    expect(inRange.map((e) => e.detail.n)).toEqual([1, 2]);
    expect((await events({ action: 'console.lock', from: middle })).map((e) => e.detail.n)).toEqual([2, 3]);
    // Without milliseconds the bound means the same instant.
    expect((await events({ action: 'console.lock', to: middle.replace('.000Z', 'Z') })).map((e) => e.detail.n)).toEqual([1]);
    refused(await call(sandbox.url, 'listAuditEvents', { query: { from: 'yesterday' } }, token.dpo), 400, 'validation_failed');
  });
});

describe('events the console reports', () => {
  it('are chained like any other, by the reporting staff member', async () => {
    const { seq } = ok(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'pii.copy', subject: 'user:usr_0000001', detail: { field: 'phone' } } }, token.chen));
    const [event] = await events({ afterSeq: seq - 1, limit: 1 });
    expect(event).toMatchObject({ seq, action: 'pii.copy', subject: 'user:usr_0000001', staffId: 'stf_0001', detail: { field: 'phone' } });
  });

  it('are refused to a role without the scope the action names', async () => {
    expect(clientAuditActions['export.audit']).toBe('audit:read');
    const denied = refused(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'export.audit', subject: null, detail: {} } }, token.chen), 403, 'forbidden_scope');
    expect(denied.message).toContain('audit:read');
  });

  it('never carry a full phone number or a token, naming the detail that did', async () => {
    const phone = refused(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'pii.copy', subject: null, detail: { field: 'phone', value: '13812345678' } } }, token.chen), 400, 'validation_failed');
    expect(phone.path).toBe('body.detail.value');
    refused(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'pii.copy', subject: null, detail: { note: '已复制 +8613812345678' } } }, token.chen), 400, 'validation_failed');
    const leaked = refused(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'console.lock', subject: null, detail: { note: `xta_${'a'.repeat(40)}` } } }, token.chen), 400, 'validation_failed');
    expect(leaked.path).toBe('body.detail.note');
    // A listing id or a hash is not a phone number.
    ok(await call(sandbox.url, 'recordClientAuditEvent', { body: { action: 'export.access_package', subject: 'rights_ticket:rt_1', detail: { sha256: `ab13812345678${'c'.repeat(51)}` } } }, token.zhao));
  });
});

describe('the retention of the trail', () => {
  it('is enforced by the database of a running platform: no rewrite, no removal of recent events', () => {
    expect(() => sandbox.db.prepare("UPDATE audit_events SET detail = '{}' WHERE seq = 1").run()).toThrow(/never rewritten/);
    expect(() => sandbox.db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/kept at least 3 years/);
    expect(() => sandbox.db.prepare('DELETE FROM audit_events').run()).toThrow(/kept at least 3 years/);
  });

  it('is untouched by a retention sweep and by anonymising a cancelled account: the whole chain still verifies', async () => {
    const user = sandbox.db
      .prepare(
        `SELECT u.id FROM users u WHERE u.id NOT IN (SELECT user_id FROM legal_holds) AND u.id NOT IN (SELECT user_id FROM rights_tickets)
           AND EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = u.id) ORDER BY u.id LIMIT 1`,
      )
      .get() as { id: string };
    ok(await call(sandbox.url, 'revealPii', { body: { subjectType: 'user', subjectId: user.id, field: 'phone', reason: '核实注销申请' } }, token.chen));
    const before = await wholeTrail();

    const requester = { name: '本人', relation: 'self' as const, contactMasked: '138****0000' };
    let { ticket } = ok(await call(sandbox.url, 'createTicket', { body: { idempotencyKey: 'trail-cancel-0001', type: 'cancellation', channel: 'phone', userId: user.id, requester, request: '申请注销账号' } }, token.zhao));
    ({ ticket } = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version } }, token.zhao)));
    const { code } = sandbox.db.prepare('SELECT code FROM sms_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1').get(ticket.id) as { code: string };
    ({ ticket } = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { code, basedOnVersion: ticket.version } }, token.zhao)));
    ({ ticket } = ok(await call(sandbox.url, 'decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'approve', basedOnVersion: ticket.version } }, token.zhao)));
    ({ ticket } = ok(await call(sandbox.url, 'executeTicket', { params: { ticketId: ticket.id }, body: { idempotencyKey: 'trail-exec-0001', basedOnVersion: ticket.version } }, token.zhao)));
    expect(ticket.state).toBe('completed');
    expect(sandbox.db.prepare('SELECT status FROM users WHERE id = ?').get(user.id)).toEqual({ status: 'anonymised' });
    const sweep = ok(await call(sandbox.url, 'runRetentionSweep', { body: { idempotencyKey: 'trail-sweep-0001', dryRun: false } }, token.dpo)).sweep;
    expect(sweep.deleted + sweep.anonymised).toBeGreaterThan(0);

    const after = await wholeTrail();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(chainHolds(after)).toBe(true);
    expect(after.some((e) => e.action === 'pii.reveal' && e.subject === `user:${user.id}`)).toBe(true);
  });
});
