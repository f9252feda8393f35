import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../shared/platform/changes';
import { platformContract, type EndpointName } from '../../shared/platform/contract';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
const token: Record<'chen' | 'zhao' | 'liu' | 'dpo', string> = { chen: '', zhao: '', liu: '', dpo: '' };

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

const count = (sql: string, ...args: unknown[]) => (sandbox.db.prepare(sql).get(...args) as { n: number }).n;
const holdUser = (id: string) => (sandbox.db.prepare('SELECT user_id FROM legal_holds WHERE id = ?').get(id) as { user_id: string }).user_id;

async function feed(who: string) {
  const changes: Change[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = ok(await call(sandbox.url, 'listChanges', { query: { cursor, limit: 1000 } }, who));
    changes.push(...page.changes.map((c) => Change.parse(c)));
    cursor = page.nextCursor;
    if (!page.hasMore) return changes;
  }
}
const ofType = (changes: Change[], type: string) => changes.filter((c) => c.entityType === type);

const rightsEndpoints: EndpointName[] = [
  'findAccounts', 'createTicket', 'startVerification', 'checkVerification', 'decideTicket', 'executeTicket', 'confirmProcessorTask',
  'getAccessData', 'recordAccessPackage', 'sendReply', 'listRetention', 'runRetentionSweep', 'listRetentionSweeps', 'listLegalHolds', 'listProcessors',
];
/** Scopes are checked before the input is read, so any input will do. */
const anyInput = (name: EndpointName) =>
  ({ params: { ticketId: 'rt_x', taskId: 'ptk_x' }, query: {}, body: platformContract[name].method === 'GET' ? undefined : {} }) as never;

describe('scopes', () => {
  it('keep moderators out of every rights endpoint, and customer service out of holds, processors and sweeps', async () => {
    for (const name of rightsEndpoints) refused(await call(sandbox.url, name, anyInput(name), token.chen), 403, 'forbidden_scope');
    for (const name of ['listLegalHolds', 'listProcessors', 'runRetentionSweep'] as const) {
      refused(await call(sandbox.url, name, anyInput(name), token.zhao), 403, 'forbidden_scope');
    }
    refused(await call(sandbox.url, 'createTicket', anyInput('createTicket'), token.liu), 403, 'forbidden_scope');
    ok(await call(sandbox.url, 'listRetention', { query: { state: 'due' } }, token.zhao));
  });

  it('give the feed’s tickets to customer service and legal, and holds and processors to legal staff only', async () => {
    const cs = await feed(token.zhao);
    expect(ofType(cs, 'rights_ticket')).toHaveLength(8);
    expect(ofType(cs, 'legal_hold')).toHaveLength(0);
    expect(ofType(cs, 'processor')).toHaveLength(0);
    const moderator = await feed(token.chen);
    for (const type of ['rights_ticket', 'legal_hold', 'processor']) expect(ofType(moderator, type)).toHaveLength(0);
    const legal = await feed(token.liu);
    expect([ofType(legal, 'rights_ticket').length, ofType(legal, 'legal_hold').length, ofType(legal, 'processor').length]).toEqual([8, 4, 5]);
    // Tickets carry masked contact details only.
    expect(JSON.stringify(ofType(cs, 'rights_ticket'))).not.toMatch(/1[3-9]\d{9}/);
  });
});

describe('the seeded rights world', () => {
  it('has tickets in every stage: one paused on an SMS code, one refused, one blocked by a hold', async () => {
    const tickets = ofType(await feed(token.zhao), 'rights_ticket').map((c) => c.record as Extract<Change, { entityType: 'rights_ticket' }>['record']);
    expect(new Set(tickets.map((t) => t!.state))).toEqual(new Set(['received', 'awaiting_verification', 'in_review', 'approved', 'refused', 'completed']));
    const waiting = tickets.find((t) => t!.state === 'awaiting_verification')!;
    expect(waiting.pauses.at(-1)!.to).toBeNull();
    expect(count('SELECT count(*) AS n FROM sms_messages WHERE ticket_id = ?', waiting.id)).toBe(1);
    expect(tickets.find((t) => t!.state === 'refused')!.refusal!.reasonCode).toBe('identity_not_verified');
    expect(tickets.filter((t) => t!.legalHold).map((t) => t!.type)).toEqual(['cancellation']);
    expect(tickets.map((t) => t!.number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `RT-2026-00000${i + 1}`));
  });

  it('lists holds with who placed them, and the processor register', async () => {
    const { holds } = ok(await call(sandbox.url, 'listLegalHolds', { query: {} }, token.liu));
    expect(holds).toHaveLength(4);
    expect(new Set(holds.map((h) => h.userId)).size).toBe(4);
    expect(holds.find((h) => h.source === 'preservation_notice' && h.liftedAt === null)).toMatchObject({ reference: '（2026）粤0106执保1234号', placedByName: '刘志远' });
    expect(holds.filter((h) => h.liftedAt !== null)).toHaveLength(1);
    const mine = ok(await call(sandbox.url, 'listLegalHolds', { query: { userId: holds[0]!.userId } }, token.dpo)).holds;
    expect(mine.map((h) => h.id)).toEqual([holds[0]!.id]);
    const { processors } = ok(await call(sandbox.url, 'listProcessors', {}, token.liu));
    expect(processors.map((p) => p.kind).sort()).toEqual(['analytics', 'cloud', 'customer_service', 'payment', 'sms']);
    expect(processors.find((p) => p.kind === 'sms')!.name).toBe('深圳市腾讯计算机系统有限公司');
  });
});

describe('retention', () => {
  it('lists due and held listings past their display period plus 30 days', async () => {
    const held = new Set([holdUser('hold_0001'), holdUser('hold_0002')]);
    const due = ok(await call(sandbox.url, 'listRetention', { query: { state: 'due', withTotal: 'true', limit: 500 } }, token.zhao));
    expect(due.total).toBe(due.items.length);
    expect(due.items.length).toBeGreaterThan(5);
    for (const item of due.items) {
      expect(item.dueOn <= '2026-11-20').toBe(true);
      expect(held.has(item.sellerId)).toBe(false);
    }
    const onHold = ok(await call(sandbox.url, 'listRetention', { query: { state: 'held', withTotal: 'true' } }, token.zhao));
    expect(onHold.items.length).toBeGreaterThan(0);
    expect(onHold.items.every((i) => held.has(i.sellerId) && i.heldBy === 'legal_hold')).toBe(true);
    // The lifted hold keeps nothing.
    expect(onHold.items.some((i) => i.sellerId === holdUser('hold_0004'))).toBe(false);
  });

  it('dry-runs without writing, then deletes or anonymises each due listing, skips the held, and answers a key once', async () => {
    const due = ok(await call(sandbox.url, 'listRetention', { query: { state: 'due', withTotal: 'true', limit: 500 } }, token.dpo));
    const held = ok(await call(sandbox.url, 'listRetention', { query: { state: 'held', withTotal: 'true' } }, token.dpo));
    const ids = due.items.map((i) => i.listingId);
    const traded = new Set(ids.filter((id) => count('SELECT count(*) AS n FROM transactions WHERE listing_id = ?', id) > 0));
    expect(traded.size).toBeGreaterThan(0);
    const before = { listings: count('SELECT count(*) AS n FROM listings'), feed: count('SELECT max(seq) AS n FROM feed'), log: count('SELECT count(*) AS n FROM retention_log') };

    const dry = ok(await call(sandbox.url, 'runRetentionSweep', { body: { idempotencyKey: 'sweep-dry-0001', dryRun: true } }, token.dpo)).sweep;
    expect(dry).toMatchObject({ dryRun: true, deleted: ids.length - traded.size, anonymised: traded.size, held: held.total, staffName: '周立群' });
    expect(new Set(dry.listingIds)).toEqual(new Set(ids));
    expect({ listings: count('SELECT count(*) AS n FROM listings'), feed: count('SELECT max(seq) AS n FROM feed'), log: count('SELECT count(*) AS n FROM retention_log') }).toEqual(before);

    const body = { idempotencyKey: 'sweep-real-0001', dryRun: false };
    const real = ok(await call(sandbox.url, 'runRetentionSweep', { body }, token.dpo)).sweep;
    expect(real).toMatchObject({ dryRun: false, deleted: dry.deleted, anonymised: dry.anonymised, held: dry.held });
    for (const id of ids) {
      const row = sandbox.db.prepare('SELECT status FROM listings WHERE id = ?').get(id) as { status: string } | undefined;
      expect(row?.status).toBe(traded.has(id) ? 'anonymised' : undefined);
    }
    expect(count("SELECT count(*) AS n FROM transactions WHERE anonymised = 1 AND listing_id IN (SELECT value FROM json_each(?))", JSON.stringify([...traded]))).toBeGreaterThanOrEqual(traded.size);
    expect(ok(await call(sandbox.url, 'runRetentionSweep', { body }, token.dpo)).sweep).toEqual(real);
    refused(await call(sandbox.url, 'runRetentionSweep', { body: { ...body, dryRun: true } }, token.dpo), 422, 'idempotency_key_reused');

    expect(ok(await call(sandbox.url, 'listRetention', { query: { state: 'due', withTotal: 'true' } }, token.dpo)).total).toBe(0);
    expect(ok(await call(sandbox.url, 'listRetention', { query: { state: 'held', withTotal: 'true' } }, token.dpo)).total).toBe(held.total);
    const done = ok(await call(sandbox.url, 'listRetention', { query: { state: 'done', withTotal: 'true', limit: 500 } }, token.dpo));
    expect(done.total).toBe(ids.length);
    expect(done.items.filter((i) => i.outcome === 'anonymised').map((i) => i.listingId).sort()).toEqual([...traded].sort());
    expect(JSON.stringify(done.items)).not.toContain(due.items.find((i) => !traded.has(i.listingId))!.title);
    const sweeps = ok(await call(sandbox.url, 'listRetentionSweeps', { query: {} }, token.zhao)).sweeps;
    expect(sweeps.map((s) => s.dryRun)).toEqual([false, true]);
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { action: 'retention.sweep' } }, token.dpo)).events;
    expect(audit.map((e) => e.detail.dryRun)).toEqual([true, false]);

    const gone = ids.find((id) => !traded.has(id))!;
    expect(ofType(await feed(token.chen), 'listing').find((c) => c.id === gone)).toMatchObject({ op: 'delete', record: null });
  });

  it('releases listings when their hold expires', async () => {
    const investigated = holdUser('hold_0002');
    clock.now = new Date('2026-11-25T09:00:00Z');
    const held = ok(await call(sandbox.url, 'listRetention', { query: { state: 'held' } }, token.dpo)).items;
    expect(held.some((i) => i.sellerId === investigated)).toBe(false);
    const due = ok(await call(sandbox.url, 'listRetention', { query: { state: 'due', limit: 500 } }, token.dpo)).items;
    expect(due.some((i) => i.sellerId === investigated)).toBe(true);
  });
});
