import { afterAll, describe, expect, it } from 'vitest';
import { openOutbox, signedInClient } from '../../../test/fixtures/console-parts';
import { call, ok, signIn } from '../../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder } from '../../../test/fixtures/sandbox';
import { OutboxDelivery } from './delivery';

const platformDir = temporaryFolder();
afterAll(() => platformDir.remove());

const pendingListings = (db: { prepare(sql: string): { all(): unknown[] } }) =>
  db.prepare("SELECT id, version FROM listings WHERE status = 'pending' ORDER BY id").all() as { id: string; version: number }[];

describe('outbox delivery', () => {
  it('keeps decisions through a platform outage and a restart, then delivers each exactly once, in order', async () => {
    let sandbox = await startTestSandbox(platformDir.path, { listings: 120 });
    const port = sandbox.port;
    const [first, second] = pendingListings(sandbox.db);
    const folder = temporaryFolder();
    const client = await signedInClient(sandbox.url, 'mod.chen', { fast: true });
    let outbox = openOutbox(folder.path);
    const clock = { now: new Date() };
    const online: boolean[] = [];
    const delivery = () =>
      new OutboxDelivery(outbox.store, () => client, { delivered: () => undefined, changed: () => undefined, connectivity: (o) => online.push(o), stalled: () => undefined }, () => clock.now);

    await sandbox.close();
    const a = outbox.store.enqueue({ listingId: first!.id, action: 'approve', reasonCode: null, note: '', basedOnVersion: first!.version }, clock.now);
    outbox.store.enqueue({ listingId: second!.id, action: 'reject', reasonCode: 'fraud_deposit', note: '先付定金', basedOnVersion: second!.version }, clock.now);
    const offline = delivery();
    await offline.kick();
    offline.stop();
    expect(outbox.store.get(a.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'platform_unreachable' });
    expect(outbox.store.undeliveredCount()).toBe(2);
    expect(online).toEqual([false]);

    // The console restarts too: the outbox file is all that carries the decisions over.
    outbox.db.close();
    outbox = openOutbox(folder.path);
    sandbox = await startTestSandbox(platformDir.path, { listings: 120, port });
    clock.now = new Date(clock.now.getTime() + 120_000);
    const back = delivery();
    await back.kick();
    back.stop();
    expect(outbox.store.undeliveredCount()).toBe(0);
    const token = (await signIn(sandbox.url, 'mod.lin')).accessToken;
    for (const listing of [first!, second!]) {
      expect(ok(await call(sandbox.url, 'listDecisions', { query: { listingId: listing.id } }, token)).decisions).toHaveLength(1);
    }
    const decisions = sandbox.db.prepare("SELECT listing_id FROM decisions WHERE idempotency_key NOT LIKE 'seed-%' ORDER BY decided_at, rowid").all() as { listing_id: string }[];
    expect(decisions.map((d) => d.listing_id)).toEqual([first!.id, second!.id]);
    expect(online.at(-1)).toBe(true);
    outbox.db.close();
    await sandbox.close();
    folder.remove();
  });

  it('records a refusal with the current state and who decided first', async () => {
    const sandbox = await startTestSandbox(platformDir.path, { listings: 120 });
    try {
      const [target] = pendingListings(sandbox.db).slice(5);
      const lin = await signIn(sandbox.url, 'mod.lin');
      ok(await call(sandbox.url, 'decide', { body: { idempotencyKey: 'lin-first-0001', listingId: target!.id, action: 'approve', basedOnVersion: target!.version } }, lin.accessToken));
      const folder = temporaryFolder();
      const outbox = openOutbox(folder.path);
      const client = await signedInClient(sandbox.url, 'mod.chen');
      const entry = outbox.store.enqueue({ listingId: target!.id, action: 'reject', reasonCode: 'spam', note: '', basedOnVersion: target!.version }, new Date());
      const delivery = new OutboxDelivery(outbox.store, () => client, { delivered: () => undefined, changed: () => undefined, connectivity: () => undefined, stalled: () => undefined });
      await delivery.kick();
      delivery.stop();
      const refused = outbox.store.get(entry.id)!;
      expect(refused.state).toBe('refused');
      expect(refused.refusal).toMatchObject({
        code: 'stale_version',
        conflict: { listing: { status: 'published' }, lastDecision: { action: 'approve', staffName: '林嘉欣' } },
      });
      expect(outbox.store.visible().map((e) => e.id)).toContain(entry.id);
      expect(outbox.store.dismiss(entry.id)).toBe(true);
      expect(outbox.store.visible().map((e) => e.id)).not.toContain(entry.id);
      outbox.db.close();
      folder.remove();
    } finally {
      await sandbox.close();
    }
  });

  it('sends a decision that was mid-delivery when the console died again, and the platform acts once', async () => {
    const sandbox = await startTestSandbox(platformDir.path, { listings: 120 });
    try {
      const [target] = pendingListings(sandbox.db).slice(8);
      const folder = temporaryFolder();
      let outbox = openOutbox(folder.path);
      const entry = outbox.store.enqueue({ listingId: target!.id, action: 'approve', reasonCode: null, note: '', basedOnVersion: target!.version }, new Date());
      // The platform got it, but the console died before it could record the answer.
      const client = await signedInClient(sandbox.url, 'mod.chen');
      outbox.store.markDelivering(entry.id);
      await client.call('decide', { body: { idempotencyKey: entry.idempotencyKey, ...entry.draft } });
      outbox.db.close();
      outbox = openOutbox(folder.path);
      expect(outbox.store.get(entry.id)?.state).toBe('pending');
      const authed = new OutboxDelivery(outbox.store, () => client, { delivered: () => undefined, changed: () => undefined, connectivity: () => undefined, stalled: () => undefined });
      await authed.kick();
      authed.stop();
      expect(outbox.store.get(entry.id)?.state).toBe('delivered');
      expect((sandbox.db.prepare('SELECT count(*) AS n FROM decisions WHERE listing_id = ?').get(target!.id) as { n: number }).n).toBe(1);
      outbox.db.close();
      folder.remove();
    } finally {
      await sandbox.close();
    }
  });
  it('reports a pass that cannot write to the outbox (disk full) instead of rejecting from its timer, and keeps the decision', async () => {
    const folder = temporaryFolder();
    const outbox = openOutbox(folder.path);
    const entry = outbox.store.enqueue({ listingId: 'lst_0000001', action: 'approve', reasonCode: null, note: '', basedOnVersion: 1 }, new Date());
    // SQLite's own limit makes the next page allocation fail with SQLITE_FULL, as a full disk would.
    outbox.db.exec('CREATE TABLE filler (x BLOB)');
    outbox.db.pragma(`max_page_count = ${outbox.db.pragma('page_count', { simple: true }) as number}`);
    const stalled: unknown[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failing = { call: async () => { throw new Error('never reached'); } } as never;
      const delivery = new OutboxDelivery(outbox.store, () => failing, { delivered: () => undefined, changed: () => undefined, connectivity: () => undefined, stalled: (e) => { stalled.push(e); } });
      const original = outbox.store.markDelivering.bind(outbox.store);
      outbox.store.markDelivering = (id: number) => {
        outbox.db.prepare('INSERT INTO filler VALUES (?)').run(Buffer.alloc(64 * 1024));
        original(id);
      };
      await expect(delivery.kick()).resolves.toBeUndefined();
      delivery.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(stalled).toHaveLength(1);
      expect(String((stalled[0] as { code?: string }).code)).toMatch(/SQLITE_FULL/);
      expect(unhandled).toEqual([]);
      expect(outbox.store.get(entry.id)).toMatchObject({ state: 'pending' });
    } finally {
      process.off('unhandledRejection', onUnhandled);
      outbox.db.close();
      folder.remove();
    }
  });
});
