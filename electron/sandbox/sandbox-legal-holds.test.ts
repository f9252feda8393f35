import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../shared/platform/changes';
import type { LegalHold } from '../../shared/platform/legal-entities';
import type { RightsTicket } from '../../shared/platform/rights-entities';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';
import { legalKey } from './legal-requests.fixture';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
let liu: string;
let huang: string;
let zhao: string;
let dpo: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => clock.now, settings: { accessTtlSeconds: 24 * 3600 } });
  [liu, huang, zhao, dpo] = (await Promise.all(['legal.liu', 'legal.huang', 'cs.zhao', 'dpo.zhou'].map((u) => signIn(sandbox.url, u)))).map((s) => s.accessToken) as [string, string, string, string];
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const row = <T>(sql: string, ...args: unknown[]) => sandbox.db.prepare(sql).get(...args) as T;
const used = new Set<string>();
/** An account with listings and no transactions, that no seeded hold, ticket or earlier test touches. */
function account(): string {
  const candidates = sandbox.db
    .prepare(
      `SELECT u.id FROM users u WHERE u.id NOT IN (SELECT user_id FROM legal_holds) AND u.id NOT IN (SELECT user_id FROM rights_tickets)
         AND EXISTS (SELECT 1 FROM listings l WHERE l.seller_id = u.id) AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.seller_id = u.id OR t.buyer_id = u.id)
       ORDER BY u.id`,
    )
    .all() as { id: string }[];
  const chosen = candidates.find((c) => !used.has(c.id))!.id;
  used.add(chosen);
  return chosen;
}
const inDays = (days: number) => new Date(clock.now.getTime() + days * 86_400_000).toISOString();
const holdBody = (userId: string, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: legalKey('hold'), userId, source: 'investigation' as const, reference: 'INV-2026-077', reason: '涉嫌虚假交易，保留其发布信息', scope: ['listings' as const], expiresAt: null, ...extra,
});
const place = async (body: ReturnType<typeof holdBody>) => ok(await call(sandbox.url, 'placeHold', { body }, liu)).hold;

async function feedFrom(token: string, cursor?: string) {
  const changes: Change[] = [];
  for (;;) {
    const page = ok(await call(sandbox.url, 'listChanges', { query: { cursor, limit: 1000 } }, token));
    changes.push(...page.changes.map((c) => Change.parse(c)));
    cursor = page.nextCursor;
    if (!page.hasMore) return { changes, cursor };
  }
}
const ticketIn = (changes: Change[], id: string) => changes.find((c) => c.entityType === 'rights_ticket' && c.id === id)?.record as RightsTicket | undefined;

async function approvedDeletion(userId: string): Promise<RightsTicket> {
  const listing = row<{ id: string }>('SELECT id FROM listings WHERE seller_id = ? ORDER BY id LIMIT 1', userId);
  const body = {
    idempotencyKey: legalKey('ticket'), type: 'deletion' as const, channel: 'phone' as const, userId, listingIds: [listing.id],
    requester: { name: '王先生', relation: 'self' as const, contactMasked: '138****0000' }, request: '来电要求删除发布的信息',
  };
  let ticket = ok(await call(sandbox.url, 'createTicket', { body }, zhao)).ticket;
  ticket = ok(await call(sandbox.url, 'startVerification', { params: { ticketId: ticket.id }, body: { method: 'sms_code', basedOnVersion: ticket.version } }, zhao)).ticket;
  const { code } = row<{ code: string }>('SELECT code FROM sms_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 1', ticket.id);
  ticket = ok(await call(sandbox.url, 'checkVerification', { params: { ticketId: ticket.id }, body: { code, basedOnVersion: ticket.version } }, zhao)).ticket;
  return ok(await call(sandbox.url, 'decideTicket', { params: { ticketId: ticket.id }, body: { decision: 'approve', basedOnVersion: ticket.version } }, zhao)).ticket;
}

describe('a hold placed through the API', () => {
  it('blocks a deletion end to end until lifted with a reason, and customer service’s feed follows the ticket’s flag', async () => {
    const userId = account();
    const ticket = await approvedDeletion(userId);
    expect(ticket.legalHold).toBe(false);
    const { cursor: beforeHold } = await feedFrom(zhao);

    const body = holdBody(userId);
    const hold = await place(body);
    expect(hold).toMatchObject({ userId, placedBy: 'stf_0006', placedByName: '刘志远', liftedAt: null, renewals: [], version: 1 });
    expect(await place(body)).toEqual(hold);
    refused(await call(sandbox.url, 'placeHold', { body: { ...body, reason: '另一事由' } }, liu), 422, 'idempotency_key_reused');

    const held = await feedFrom(zhao, beforeHold);
    expect(ticketIn(held.changes, ticket.id)).toMatchObject({ legalHold: true, version: ticket.version });
    expect(held.changes.some((c) => c.entityType === 'legal_hold')).toBe(false);
    const execute = () => call(sandbox.url, 'executeTicket', { params: { ticketId: ticket.id }, body: { idempotencyKey: legalKey('exec'), basedOnVersion: ticket.version } }, zhao);
    expect(refused(await execute(), 409, 'legal_hold').message).not.toContain('INV-2026-077');

    refused(await call(sandbox.url, 'liftHold', { params: { holdId: hold.id }, body: { reason: '  ', basedOnVersion: hold.version } }, huang), 400, 'validation_failed');
    const lifted = ok(await call(sandbox.url, 'liftHold', { params: { holdId: hold.id }, body: { reason: '调查结束，未发现违法事实', basedOnVersion: hold.version } }, huang)).hold;
    expect(lifted).toMatchObject({ liftedBy: 'stf_0007', liftReason: '调查结束，未发现违法事实', liftedAt: clock.now.toISOString(), version: 2 });
    const released = await feedFrom(zhao, held.cursor);
    expect(ticketIn(released.changes, ticket.id)).toMatchObject({ legalHold: false });
    expect(ok(await execute()).ticket.state).toBe('completed');
    refused(await call(sandbox.url, 'liftHold', { params: { holdId: hold.id }, body: { reason: '再次', basedOnVersion: lifted.version } }, huang), 409, 'invalid_transition');

    const legalFeed = await feedFrom(liu);
    expect(legalFeed.changes.find((c) => c.entityType === 'legal_hold' && c.id === hold.id)?.record).toEqual(lifted);
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { subject: `legal_hold:${hold.id}` } }, dpo)).events;
    expect(audit.map((e) => e.action)).toEqual(['legal.hold.place', 'legal.hold.lift']);
    expect(audit[0]!.detail).toMatchObject({ userId, openTickets: 1 });
  });

  it('is refused for an account that does not exist, or with an end already past', async () => {
    expect(refused(await call(sandbox.url, 'placeHold', { body: holdBody('usr_9999999') }, liu), 404, 'not_found').path).toBe('body.userId');
    expect(refused(await call(sandbox.url, 'placeHold', { body: holdBody(account(), { expiresAt: inDays(-1) }) }, liu), 400, 'validation_failed').path).toBe('body.expiresAt');
  });
});

describe('renewing a hold', () => {
  it('appends a renewal with the renewing document, for a later end only', async () => {
    let hold: LegalHold = await place(holdBody(account(), { source: 'preservation_notice', reference: '（2026）粤0106执保2001号', scope: ['all'], expiresAt: inDays(30) }));
    const renew = (h: LegalHold, expiresAt: string, basedOnVersion = h.version) =>
      call(sandbox.url, 'renewHold', { params: { holdId: h.id }, body: { expiresAt, reference: '（2026）粤0106执保2001号之一', basedOnVersion } }, huang);
    expect(refused(await renew(hold, inDays(20)), 400, 'validation_failed').path).toBe('body.expiresAt');
    refused(await renew(hold, inDays(90), hold.version + 1), 409, 'stale_version');
    const previous = hold.expiresAt;
    hold = ok(await renew(hold, inDays(90))).hold;
    expect(hold).toMatchObject({ expiresAt: inDays(90), version: 2 });
    expect(hold.renewals).toEqual([{ at: clock.now.toISOString(), staffName: '黄婉婷', reference: '（2026）粤0106执保2001号之一', previousExpiresAt: previous, expiresAt: inDays(90) }]);
    hold = ok(await renew(hold, inDays(200))).hold;
    expect(hold.renewals.map((r) => r.expiresAt)).toEqual([inDays(90), inDays(200)]);
    expect(ok(await call(sandbox.url, 'listLegalHolds', { query: { userId: hold.userId } }, dpo)).holds).toEqual([hold]);

    const open = await place(holdBody(account()));
    refused(await renew(open, inDays(60)), 409, 'invalid_transition');
  });
});

describe('the processor register', () => {
  const fields = {
    name: '广州云图数据科技有限公司', kind: 'analytics' as const, dataCategories: ['设备信息', '使用行为'], purpose: '埋点数据统计',
    agreementDate: '2026-10-01', reviewDate: '2027-10-01', deletionContact: 'privacy@yuntu.example.cn',
  };

  it('adds a processor once, changes it with the version it was based on, and refuses a stale change', async () => {
    const created = ok(await call(sandbox.url, 'saveProcessor', { body: { processorId: null, fields, basedOnVersion: null } }, liu)).processor;
    expect(created).toMatchObject({ ...fields, version: 1 });
    expect(ok(await call(sandbox.url, 'saveProcessor', { body: { processorId: null, fields, basedOnVersion: null } }, liu)).processor).toEqual(created);
    const changed = ok(await call(sandbox.url, 'saveProcessor', { body: { processorId: created.id, fields: { ...fields, reviewDate: '2027-04-01' }, basedOnVersion: 1 } }, huang)).processor;
    expect(changed).toMatchObject({ id: created.id, reviewDate: '2027-04-01', version: 2 });
    refused(await call(sandbox.url, 'saveProcessor', { body: { processorId: created.id, fields, basedOnVersion: 1 } }, liu), 409, 'stale_version');
    refused(await call(sandbox.url, 'saveProcessor', { body: { processorId: 'prc_missing', fields, basedOnVersion: 1 } }, liu), 404, 'not_found');
    refused(await call(sandbox.url, 'saveProcessor', { body: { processorId: null, fields: { ...fields, reviewDate: '2026-01-01' }, basedOnVersion: null } }, liu), 400, 'validation_failed');
    expect(ok(await call(sandbox.url, 'listProcessors', {}, dpo)).processors).toContainEqual(changed);
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { subject: `processor:${created.id}` } }, dpo)).events;
    expect(audit.map((e) => [e.action, e.detail.changed])).toEqual([['legal.processor.save', []], ['legal.processor.save', ['processor.reviewDate']]]);
  });
});
