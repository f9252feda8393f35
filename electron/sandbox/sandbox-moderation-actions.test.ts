import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../shared/platform/changes';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../test/fixtures/sandbox';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
let chen: string;
let lin: string;
let senior: string;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 400, now: () => clock.now, settings: { accessTtlSeconds: 24 * 3600 } });
  chen = (await signIn(sandbox.url, 'mod.chen')).accessToken;
  lin = (await signIn(sandbox.url, 'mod.lin')).accessToken;
  senior = (await signIn(sandbox.url, 'senior.wang')).accessToken;
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

const pending = (n: number, skip = 0) =>
  sandbox.db.prepare("SELECT id, version FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY id DESC LIMIT ? OFFSET ?").all(n, skip) as {
    id: string;
    version: number;
  }[];
const statusOf = (id: string) => (sandbox.db.prepare('SELECT status, version FROM listings WHERE id = ?').get(id) as { status: string; version: number });
const later = (seconds: number) => {
  clock.now = new Date(clock.now.getTime() + seconds * 1000);
};

describe('claims in the change feed', () => {
  it('tells every console who holds what, and when it is released', async () => {
    const [target] = pending(1, 60);
    const start = ok(await call(sandbox.url, 'listChanges', { query: { limit: 2000 } }, lin));
    let cursor = start.nextCursor;
    for (let page = start; page.hasMore; cursor = page.nextCursor) page = ok(await call(sandbox.url, 'listChanges', { query: { cursor, limit: 2000 } }, lin));
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [target!.id] } }, chen));
    const claimed = ok(await call(sandbox.url, 'listChanges', { query: { cursor } }, lin));
    expect(claimed.changes.map((c) => Change.parse(c))).toEqual([
      expect.objectContaining({ entityType: 'claim', id: target!.id, op: 'upsert', record: expect.objectContaining({ holder: expect.objectContaining({ displayName: '陈晓峰' }) }) }),
    ]);
    ok(await call(sandbox.url, 'releaseClaim', { params: { listingId: target!.id } }, chen));
    const released = ok(await call(sandbox.url, 'listChanges', { query: { cursor: claimed.nextCursor } }, lin));
    expect(released.changes).toEqual([expect.objectContaining({ entityType: 'claim', id: target!.id, op: 'delete', record: null })]);
  });
});

describe('appeals', () => {
  const openAppeal = () =>
    sandbox.db
      .prepare("SELECT a.id, a.version, d.staff_id FROM appeals a JOIN decisions d ON d.id = a.decision_id WHERE a.status = 'open' AND d.staff_id <> 'stf_0003' ORDER BY a.id LIMIT 1")
      .get() as { id: string; version: number; staff_id: string };

  it('are seeded against rejections and reach only senior moderators', async () => {
    const feed = ok(await call(sandbox.url, 'listChanges', { query: { limit: 2000 } }, senior));
    expect(feed.changes.some((c) => (c as { entityType: string }).entityType === 'appeal')).toBe(true);
    refused(await call(sandbox.url, 'decideAppeal', { params: { appealId: openAppeal().id }, body: { idempotencyKey: 'appeal-mod-0001', outcome: 'uphold', notice: '维持原决定', basedOnVersion: 1 } }, lin), 403, 'forbidden_scope');
  });

  it('are refused to the moderator who made the decision, by the platform', async () => {
    // Seeded decisions are the two moderators'; make one senior.wang's so he is its first reviewer.
    const appeal = openAppeal();
    sandbox.db.prepare("UPDATE decisions SET staff_id = 'stf_0003' WHERE id = (SELECT decision_id FROM appeals WHERE id = ?)").run(appeal.id);
    const same = refused(
      await call(sandbox.url, 'decideAppeal', { params: { appealId: appeal.id }, body: { idempotencyKey: 'appeal-same-0001', outcome: 'overturn', notice: '撤销原决定', basedOnVersion: appeal.version } }, senior),
      403,
      'same_reviewer',
    );
    expect(same.message).toMatch(/someone other than/);
  });

  it('overturned by another reviewer publish the listing, once', async () => {
    const appeal = openAppeal();
    const body = { idempotencyKey: 'appeal-over-0001', outcome: 'overturn' as const, notice: '经复核，您的信息符合规范，已恢复展示。', basedOnVersion: appeal.version };
    const done = ok(await call(sandbox.url, 'decideAppeal', { params: { appealId: appeal.id }, body }, senior));
    expect(done.appeal).toMatchObject({ status: 'overturned', decidedByName: '王建国', outcomeNotice: body.notice });
    expect(done.listing.status).toBe('published');
    expect(ok(await call(sandbox.url, 'decideAppeal', { params: { appealId: appeal.id }, body }, senior)).appeal.status).toBe('overturned');
    refused(await call(sandbox.url, 'decideAppeal', { params: { appealId: appeal.id }, body: { ...body, idempotencyKey: 'appeal-again-0001', outcome: 'uphold' } }, senior), 409, 'already_decided');
  });
});

describe('bulk decisions', () => {
  it('dry-runs without writing, applies with per-item results, and names the batch in the audit trail', async () => {
    const items = pending(4).map((l) => ({ listingId: l.id, basedOnVersion: l.version }));
    // One of them was decided by someone else meanwhile: it must be refused alone.
    ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'bulk-first-0001', listingId: items[0]!.listingId, action: 'approve', basedOnVersion: items[0]!.basedOnVersion } }, lin));
    const base = { batchId: 'batch-dup-0001', action: 'reject' as const, reasonCode: 'duplicate', note: '重复发布', items };
    const dry = ok(await call(sandbox.url, 'runBatch', { body: { ...base, dryRun: true } }, senior));
    expect(dry.results.map((r) => r.outcome)).toEqual(['refused', 'would_apply', 'would_apply', 'would_apply']);
    expect(dry.results[0]!.error).toMatchObject({ code: 'stale_version', conflict: { lastDecision: { staffName: '林嘉欣' } } });
    expect(items.slice(1).map((i) => statusOf(i.listingId).status)).toEqual(['pending', 'pending', 'pending']);

    const run = ok(await call(sandbox.url, 'runBatch', { body: { ...base, dryRun: false } }, senior));
    expect(run.results.map((r) => r.outcome)).toEqual(['refused', 'applied', 'applied', 'applied']);
    expect(run.undoableUntil).toBe(new Date(clock.now.getTime() + 60_000).toISOString());
    expect(items.slice(1).map((i) => statusOf(i.listingId).status)).toEqual(['rejected', 'rejected', 'rejected']);
    const again = ok(await call(sandbox.url, 'runBatch', { body: { ...base, dryRun: false } }, senior));
    expect(again).toEqual(run);
    const decisions = sandbox.db.prepare('SELECT count(*) AS n FROM decisions WHERE batch_id = ?').get('batch-dup-0001') as { n: number };
    expect(decisions.n).toBe(3);
    const dpo = (await signIn(sandbox.url, 'dpo.zhou')).accessToken;
    const audit = ok(await call(sandbox.url, 'listAuditEvents', { query: { action: 'moderation.batch' } }, dpo)).events;
    expect(audit).toEqual([expect.objectContaining({ subject: 'batch:batch-dup-0001', detail: expect.objectContaining({ items: 4, applied: 3 }) })]);
    refused(await call(sandbox.url, 'runBatch', { body: { ...base, dryRun: false, action: 'approve', reasonCode: null } }, senior), 422, 'idempotency_key_reused');
    refused(await call(sandbox.url, 'runBatch', { body: { ...base, batchId: 'batch-mod-0001', dryRun: true } }, chen), 403, 'forbidden_scope');
  });

  it('undoes within 60 seconds what nobody changed since, and refuses after', async () => {
    const items = pending(3).map((l) => ({ listingId: l.id, basedOnVersion: l.version }));
    const body = { batchId: 'batch-undo-0001', dryRun: false, action: 'reject' as const, reasonCode: 'duplicate', note: '', items };
    ok(await call(sandbox.url, 'runBatch', { body }, senior));
    // Someone acts on one item after the batch: that one is no longer the batch's to undo.
    const touched = items[2]!;
    ok(await call(sandbox.url, 'createClaims', { body: { listingIds: [touched.listingId] } }, lin));
    sandbox.db.prepare('UPDATE listings SET version = version + 1 WHERE id = ?').run(touched.listingId);
    later(30);
    const undo = ok(await call(sandbox.url, 'undoBatch', { params: { batchId: 'batch-undo-0001' } }, senior));
    expect(undo.results.map((r) => r.outcome)).toEqual(['undone', 'undone', 'refused']);
    expect(items.slice(0, 2).map((i) => statusOf(i.listingId).status)).toEqual(['pending', 'pending']);
    const late = { ...body, batchId: 'batch-late-0001', items: pending(1).map((l) => ({ listingId: l.id, basedOnVersion: l.version })) };
    ok(await call(sandbox.url, 'runBatch', { body: late }, senior));
    later(61);
    refused(await call(sandbox.url, 'undoBatch', { params: { batchId: 'batch-late-0001' } }, senior), 409, 'undo_window_closed');
  });

  it('undoes one decision for its own moderator only, within the window', async () => {
    const [target] = pending(1);
    const done = ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'undo-one-0001', listingId: target!.id, action: 'approve', basedOnVersion: target!.version } }, chen));
    refused(await call(sandbox.url, 'undoDecision', { params: { decisionId: done.decision.id } }, lin), 403, 'forbidden_scope');
    const undone = ok(await call(sandbox.url, 'undoDecision', { params: { decisionId: done.decision.id } }, chen));
    expect(undone.decision.undoneBy).toBe(done.decision.staffId);
    expect(undone.listing).toMatchObject({ status: 'pending', version: target!.version + 2 });
    const [other] = pending(1, 5);
    const second = ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'undo-one-0002', listingId: other!.id, action: 'approve', basedOnVersion: other!.version } }, chen));
    later(61);
    refused(await call(sandbox.url, 'undoDecision', { params: { decisionId: second.decision.id } }, chen), 409, 'undo_window_closed');
  });
});

describe('account actions', () => {
  const user = (offset: number) => sandbox.db.prepare('SELECT id, version FROM users ORDER BY id LIMIT 1 OFFSET ?').get(offset) as { id: string; version: number };

  it('warn and suspend as a moderator, ban only as a senior, each a strike', async () => {
    const target = user(3);
    const warned = ok(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-warn-0001', action: 'warn', reasonCode: 'fraud_deposit', notice: '您发布的信息涉嫌索要定金，请遵守平台规则。', basedOnVersion: target.version } }, chen));
    expect(warned.user).toMatchObject({ status: 'warned', strikes: 1 });
    const noDays = refused(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-susp-0001', action: 'suspend', reasonCode: 'fraud_deposit', notice: '限制发布', basedOnVersion: warned.user.version } }, chen), 400, 'validation_failed');
    expect(noDays.path).toBe('body.durationDays');
    const suspended = ok(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-susp-0002', action: 'suspend', reasonCode: 'fraud_deposit', notice: '限制发布 7 天', durationDays: 7, basedOnVersion: warned.user.version } }, chen));
    expect(suspended.user).toMatchObject({ status: 'suspended', strikes: 2, restrictedUntil: new Date(clock.now.getTime() + 7 * 86_400_000).toISOString() });
    refused(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-ban-0001', action: 'ban', reasonCode: 'fraud_deposit', notice: '封禁', basedOnVersion: suspended.user.version } }, chen), 403, 'forbidden_scope');
    const banned = ok(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-ban-0002', action: 'ban', reasonCode: 'fraud_deposit', notice: '封禁', basedOnVersion: suspended.user.version } }, senior));
    expect(banned.user).toMatchObject({ status: 'banned', strikes: 3 });
    refused(await call(sandbox.url, 'actOnAccount', { params: { userId: target.id }, body: { idempotencyKey: 'acct-warn-0003', action: 'warn', reasonCode: 'x', notice: '警告', basedOnVersion: 1 } }, chen), 409, 'stale_version');
  });

  it('lists accounts that share a device, phone or IP, without revealing them', async () => {
    const [a, b] = [user(10), user(11)];
    sandbox.db.prepare("UPDATE users SET device_id = 'dev_shared', last_ip = '183.6.1.1' WHERE id IN (?, ?)").run(a.id, b.id);
    const { links } = ok(await call(sandbox.url, 'linkedAccounts', { params: { userId: a.id } }, chen));
    expect(links).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: b.id }), via: ['device', 'ip'] })]);
    expect(JSON.stringify(links)).not.toContain('dev_shared');
  });
});

describe('flag feedback', () => {
  it('records a false positive once per moderator and rule', async () => {
    const [target] = pending(1, 20);
    const body = { listingId: target!.id, rule: 'contact.phone', verdict: 'false_positive' as const };
    const first = ok(await call(sandbox.url, 'recordFlagFeedback', { body }, chen));
    expect(ok(await call(sandbox.url, 'recordFlagFeedback', { body }, chen)).id).toBe(first.id);
    expect(first).toMatchObject({ rule: 'contact.phone', staffName: '陈晓峰' });
  });
});
