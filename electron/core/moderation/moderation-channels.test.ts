import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCore } from '../../../test/fixtures/desk-core';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { waitFor } from '../../../test/fixtures/wait';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;
let chen: Awaited<ReturnType<typeof signedInCore>>;
let lin: Awaited<ReturnType<typeof signedInCore>>;
let senior: Awaited<ReturnType<typeof signedInCore>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 600 });
  [chen, lin, senior] = await Promise.all([signedInCore(sandbox.url, 'mod.chen'), signedInCore(sandbox.url, 'mod.lin'), signedInCore(sandbox.url, 'senior.wang')]);
});
afterAll(async () => {
  await Promise.all([chen.close(), lin.close(), senior.close()]);
  await sandbox.close();
  platformDir.remove();
});

describe('queues', () => {
  it('summarise each queue the role may open, with size, oldest item and overdue count', async () => {
    const page = await chen.output('moderation:queue', { queue: 'pending', limit: 5 });
    expect(page.summaries.map((s) => s.queue)).toEqual(['pending', 'reported', 'flagged']);
    const pendingOnPlatform = (sandbox.db.prepare("SELECT count(*) AS n FROM listings WHERE status = 'pending' AND escalated = 0").get() as { n: number }).n;
    expect(page.summaries[0]).toMatchObject({ queue: 'pending', size: pendingOnPlatform, targetHours: 24 });
    expect(page.total).toBe(pendingOnPlatform);
    expect(page.summaries[0]!.oldestAt).toBe(page.rows[0]!.queuedAt);
    const seniorPage = await senior.output('moderation:queue', { queue: 'appeals' });
    expect(seniorPage.summaries.map((s) => s.queue)).toEqual(['pending', 'reported', 'flagged', 'escalated', 'appeals']);
    expect(seniorPage.rows.length).toBeGreaterThan(0);
    expect(seniorPage.rows.every((r) => r.appealId !== null)).toBe(true);
  });

  it('group user reports per listing, with counts and reasons, most reported first', async () => {
    const page = await chen.output('moderation:queue', { queue: 'reported', sort: 'most_reported', limit: 50 });
    expect(page.rows.length).toBeGreaterThan(0);
    const counts = page.rows.map((r) => r.reportCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const top = page.rows[0]!;
    const onPlatform = sandbox.db.prepare('SELECT DISTINCT reason FROM reports WHERE listing_id = ?').all(top.id) as { reason: string }[];
    expect(top.reportReasons.sort()).toEqual(onPlatform.map((r) => r.reason).sort());
  });

  it('flag what the rules catch, each flag with the text span that matched', async () => {
    const page = await chen.output('moderation:queue', { queue: 'flagged', flag: 'contact_in_text', limit: 20 });
    expect(page.rows.length).toBeGreaterThan(0);
    const detail = await chen.output('moderation:listing', { listingId: page.rows[0]!.id });
    const contact = detail.flags.find((f) => f.kind === 'contact_in_text')!;
    expect(contact.spans.length).toBeGreaterThan(0);
    for (const span of contact.spans) expect(detail.listing[span.field].slice(span.start, span.end)).toBe(span.text);
  });

  it('find Chinese text by substring, through the index for three characters and by scan for fewer', async () => {
    const sample = sandbox.db.prepare("SELECT id, title FROM listings WHERE status = 'pending' AND escalated = 0 LIMIT 1").get() as { id: string; title: string };
    const three = [...sample.title].slice(0, 3).join('');
    const found = await chen.output('moderation:queue', { queue: 'pending', search: three, limit: 1000 });
    expect(found.rows.map((r) => r.id)).toContain(sample.id);
    // Exactly the pending listings whose title or body holds the substring, as the platform has them.
    const expected = sandbox.db
      .prepare("SELECT id FROM listings WHERE status = 'pending' AND escalated = 0 AND (instr(title, ?) > 0 OR instr(body, ?) > 0)")
      .all(three, three) as { id: string }[];
    expect(found.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const two = [...sample.title].slice(0, 2).join('');
    const short = await chen.output('moderation:queue', { queue: 'pending', search: two, limit: 1000 });
    expect(short.rows.map((r) => r.id)).toContain(sample.id);
    expect(short.total).toBeGreaterThanOrEqual(found.total);
    const none = await chen.output('moderation:queue', { queue: 'pending', search: '不存在的东西xyz' });
    expect(none.total).toBe(0);
  });
});

describe('claims', () => {
  it('never hand two moderators the same item from "next"', async () => {
    const served: string[] = [];
    for (let round = 0; round < 8; round += 1) {
      const [a, b] = await Promise.all([chen.output('moderation:next', { queue: 'pending' }), lin.output('moderation:next', { queue: 'pending' })]);
      expect(a.listingId).not.toBeNull();
      expect(b.listingId).not.toBeNull();
      expect(a.listingId).not.toBe(b.listingId);
      served.push(a.listingId!, b.listingId!);
    }
    const holders = sandbox.db.prepare(`SELECT listing_id, staff_id FROM claims WHERE listing_id IN (${served.map(() => '?').join(',')})`).all(...served) as {
      listing_id: string;
      staff_id: string;
    }[];
    expect(new Set(holders.map((h) => h.listing_id)).size).toBe(holders.length);
  });

  it('name the holder to anyone else who opens a claimed item', async () => {
    const mine = await chen.output('moderation:next', { queue: 'reported' });
    const other = await lin.output('moderation:open', { listingId: mine.listingId! });
    expect(other).toMatchObject({ claimed: false, holderName: '陈晓峰' });
    await chen.output('moderation:release', { listingId: mine.listingId! });
    expect(await lin.output('moderation:open', { listingId: mine.listingId! })).toMatchObject({ claimed: true });
  });
});

describe('decisions', () => {
  it('undo the last one: from the outbox before it is sent, on the platform after', async () => {
    const { listingId } = await chen.output('moderation:next', { queue: 'pending' });
    const listing = (await chen.output('moderation:listing', { listingId: listingId! })).listing;
    await chen.output('moderation:decide', { listingId: listing.id, action: 'approve', reasonCode: null, basedOnVersion: listing.version });
    await waitFor(() => (sandbox.db.prepare('SELECT count(*) AS n FROM decisions WHERE listing_id = ?').get(listing.id) as { n: number }).n === 1, 'delivery');
    await waitFor(async () => (await chen.output('outbox:list')).entries.some((e) => e.listingId === listing.id && e.state === 'delivered'), 'delivered state');
    expect(await chen.output('moderation:undo')).toEqual({ undone: true, listingId: listing.id });
    expect(sandbox.db.prepare('SELECT status FROM listings WHERE id = ?').get(listing.id)).toEqual({ status: 'pending' });
    expect(sandbox.db.prepare('SELECT undone_by FROM decisions WHERE listing_id = ?').get(listing.id)).toEqual({ undone_by: 'stf_0001' });
  });

  it('record a false positive and show the flag as dismissed', async () => {
    const { rows } = await lin.output('moderation:queue', { queue: 'flagged', limit: 1 });
    const detail = await lin.output('moderation:listing', { listingId: rows[0]!.id });
    const flag = detail.flags[0]!;
    expect(await lin.output('moderation:flagFeedback', { listingId: rows[0]!.id, rule: flag.rule })).toEqual({ recorded: true });
    const after = await lin.output('moderation:listing', { listingId: rows[0]!.id });
    expect(after.flags.find((f) => f.rule === flag.rule)?.dismissed).toBe(true);
    expect(sandbox.db.prepare('SELECT count(*) AS n FROM flag_feedback WHERE listing_id = ?').get(rows[0]!.id)).toEqual({ n: 1 });
  });
});

describe('bulk decisions on a duplicate cluster', () => {
  it('dry-run, need a typed count above twenty, apply with per-item results, and undo', async () => {
    const { clusters } = await senior.output('moderation:clusters');
    expect(clusters.length).toBeGreaterThan(0);
    const cluster = clusters[0]!;
    const { listings } = await senior.output('moderation:listings', { listingIds: cluster.memberIds });
    expect(listings.map((l) => l.id)).toEqual(cluster.memberIds);
    expect(listings.map((l) => cluster.titles[l.id])).toEqual(listings.map((l) => l.title));
    const base = { action: 'reject', reasonCode: 'duplicate', notice: '您发布的「{title}」（{listingId}）与其他信息重复。', listingIds: cluster.memberIds };
    const dry = await senior.output('moderation:bulk', { ...base, dryRun: true });
    expect(dry.results).toHaveLength(cluster.memberIds.length);
    expect(await chen.invoke('moderation:bulk', { ...base, dryRun: true })).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
    const many = Array.from({ length: 21 }, (_, i) => cluster.memberIds[i % cluster.memberIds.length]!);
    expect(await senior.invoke('moderation:bulk', { ...base, listingIds: many, dryRun: false })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.confirmation' } });
    const run = await senior.output('moderation:bulk', { ...base, dryRun: false });
    expect(run.results.map((r) => r.outcome).sort()).toEqual(dry.results.map((r) => (r.outcome === 'would_apply' ? 'applied' : 'refused')).sort());
    // Each user's notice names their own listing.
    for (const result of run.results.filter((r) => r.outcome === 'applied')) {
      const stored = sandbox.db.prepare('SELECT d.notice, l.title FROM decisions d JOIN listings l ON l.id = d.listing_id WHERE d.listing_id = ? AND d.batch_id = ?').get(result.listingId, run.batchId) as { notice: string; title: string };
      expect(stored.notice).toBe(`您发布的「${stored.title}」（${result.listingId}）与其他信息重复。`);
    }
    const undo = await senior.output('moderation:bulkUndo', { batchId: run.batchId });
    expect(undo.results.filter((r) => r.outcome === 'undone').length).toBe(run.results.filter((r) => r.outcome === 'applied').length);
  });
});

describe('accounts and appeals', () => {
  it('show a seller panel, act on the account, and list linked accounts', async () => {
    const seller = sandbox.db.prepare("SELECT seller_id FROM listings GROUP BY seller_id ORDER BY count(*) DESC LIMIT 1").get() as { seller_id: string };
    const panel = await chen.output('accounts:panel', { userId: seller.seller_id });
    expect(panel.listings.length).toBeGreaterThan(1);
    const action = await chen.output('accounts:act', { userId: seller.seller_id, action: 'warn', reasonCode: 'fraud_deposit', notice: '请勿在信息中索要定金。' });
    expect(action).toMatchObject({ action: 'warn', staffName: '陈晓峰' });
    expect((await chen.output('accounts:panel', { userId: seller.seller_id })).user.strikes).toBe(1);
    expect(await chen.invoke('accounts:act', { userId: seller.seller_id, action: 'ban', reasonCode: 'fraud_deposit', notice: '封禁' })).toMatchObject({ ok: false, error: { code: 'forbidden_scope' } });
    const { links } = await chen.output('accounts:linked', { userId: seller.seller_id });
    expect(Array.isArray(links)).toBe(true);
  });

  it('act on linked accounts as a group: one group id in the audit trail, a notice per account, refusals item by item', async () => {
    // A ban-evasion ring on the platform: three accounts on one phone handset.
    const members = sandbox.db.prepare("SELECT id, nickname FROM users WHERE status = 'active' ORDER BY id DESC LIMIT 3").all() as { id: string; nickname: string }[];
    for (const member of members) sandbox.db.prepare("UPDATE users SET device_id = 'dev-ring-0001' WHERE id = ?").run(member.id);
    const { links } = await lin.output('accounts:linked', { userId: members[0]!.id });
    expect(links.map((l) => l.userId)).toEqual(expect.arrayContaining([members[1]!.id, members[2]!.id]));
    expect(links.find((l) => l.userId === members[1]!.id)!.via).toContain('device');
    // Someone changes the third account on the platform first: it is refused, the others land.
    sandbox.db.prepare('UPDATE users SET version = version + 1 WHERE id = ?').run(members[2]!.id);
    const userIds = [...members.map((m) => m.id), 'usr_missing'];
    const group = await lin.output('accounts:actGroup', { userIds, action: 'suspend', durationDays: 30, reasonCode: 'ban_evasion', notice: '{nickname}，您的账号已被限制使用{days}天。'.replace('{days}', '30') });
    expect(group.results.map((r) => [r.userId, r.outcome, r.error?.code])).toEqual([
      [members[0]!.id, 'applied', undefined],
      [members[1]!.id, 'applied', undefined],
      [members[2]!.id, 'refused', 'stale_version'],
      ['usr_missing', 'refused', 'not_found'],
    ]);
    for (const member of members.slice(0, 2)) {
      expect(sandbox.db.prepare('SELECT status, restricted_until IS NOT NULL AS restricted FROM users WHERE id = ?').get(member.id)).toEqual({ status: 'suspended', restricted: 1 });
      expect(sandbox.db.prepare('SELECT notice FROM account_actions WHERE user_id = ?').get(member.id)).toEqual({ notice: `${member.nickname}，您的账号已被限制使用30天。` });
    }
    const audited = sandbox.db.prepare("SELECT detail FROM audit_events WHERE action = 'account.suspend'").all() as { detail: string }[];
    const groupIds = audited.map((a) => JSON.parse(a.detail).groupId as string | null).filter((id) => id === group.groupId);
    expect(groupIds).toHaveLength(2);
    expect(await lin.invoke('accounts:actGroup', { userIds: [members[0]!.id, members[0]!.id], action: 'warn', reasonCode: 'ban_evasion', notice: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuse an appeal to the moderator who decided, and let another reviewer overturn it', async () => {
    const { rows } = await senior.output('moderation:queue', { queue: 'appeals', limit: 50 });
    const appealId = rows[0]!.appealId!;
    const decision = sandbox.db.prepare('SELECT d.id FROM decisions d JOIN appeals a ON a.decision_id = d.id WHERE a.id = ?').get(appealId) as { id: string };
    sandbox.db.prepare("UPDATE decisions SET staff_id = 'stf_0003' WHERE id = ?").run(decision.id);
    expect(await senior.invoke('appeals:decide', { appealId, outcome: 'overturn', notice: '撤销' })).toMatchObject({ ok: false, error: { code: 'same_reviewer' } });
    const other = rows[1]!;
    const appeal = await senior.output('appeals:decide', { appealId: other.appealId!, outcome: 'overturn', notice: '经复核，恢复展示。' });
    expect(appeal).toMatchObject({ status: 'overturned', decidedByName: '王建国' });
    expect((await senior.output('moderation:listing', { listingId: other.id })).listing.status).toBe('published');
  });

  it('summarise the work on the dashboard', async () => {
    const dashboard = await senior.output('moderation:dashboard');
    expect(dashboard.queues).toEqual(['pending', 'reported', 'flagged', 'escalated', 'appeals']);
    // The last point is now, and agrees with the queues' own summaries.
    const { summaries } = await senior.output('moderation:queue', { queue: 'pending', limit: 1 });
    expect(dashboard.queueSizes.at(-1)!.sizes).toEqual(Object.fromEntries(summaries.map((s) => [s.queue, s.size])));
    expect((await chen.output('moderation:dashboard')).queues).toEqual(['pending', 'reported', 'flagged']);
    expect(dashboard.decisionsPerModerator.length).toBeGreaterThan(0);
    expect(dashboard.appeals.decided).toBeGreaterThan(0);
    expect(dashboard.appeals.reversalRate).toBeGreaterThan(0);
  });
});
