import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplica, signedInClient } from '../../../test/fixtures/console-parts';
import { startFaultyProxy } from '../../../test/fixtures/faulty-proxy';
import { startTestSandbox, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { SyncEngine, type EngineStatus } from './sync-engine';
import { INDEXES_BUILT_AFTER_FIRST_SYNC } from '../cache/first-sync-indexes';
import type { SqliteDb } from '../storage/migrations';
import { InThreadFeedWriter } from './feed-writer';
import { WorkerFeedWriter } from './worker-feed-writer';
import { InThreadFeedReader, WorkerFeedReader } from './feed-reader';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;

beforeAll(async () => {
  // The platform's answers are not re-checked here, so it can serve a record that is itself bad.
  sandbox = await startTestSandbox(platformDir.path, { listings: 400, validateResponses: false });
});
afterAll(async () => {
  await sandbox.close();
  platformDir.remove();
});

const indexesPresent = (db: SqliteDb) =>
  db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (${INDEXES_BUILT_AFTER_FIRST_SYNC.map(() => '?').join()})`).pluck().get(...INDEXES_BUILT_AFTER_FIRST_SYNC);

const platformCount = (table: string, where = '1 = 1') =>
  (sandbox.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

function engineFor(replicaFolder: string, client: Awaited<ReturnType<typeof signedInClient>>, inWorker: boolean, pageSize = 100) {
  const { db, replica } = openReplica(replicaFolder);
  const progress: EngineStatus[] = [];
  const changed: string[][] = [];
  const log: string[] = [];
  const writer = inWorker ? new WorkerFeedWriter(replica, { autocheckpoint: true, log: (line) => log.push(line) }) : new InThreadFeedWriter(replica);
  const reader = inWorker ? new WorkerFeedReader((line) => log.push(line)) : new InThreadFeedReader();
  const engine = new SyncEngine(replica, () => client, { progress: (s) => progress.push(s), cacheChanged: (t) => void changed.push(t) }, { pollMs: 60_000, pageSize, writer, reader });
  const close = () => {
    writer.close();
    reader.close();
    db.close();
    // A worker that stopped on its own would have fallen back to the core's thread, silently but for this.
    expect(log).toEqual([]);
  };
  return { db, replica, engine, progress, changed, writer, close };
}

/** The same behaviour whichever thread reads and writes the feed. */
describe.each([
  ["on the core's thread", false],
  ['in their workers', true],
])('sync, the feed read and written %s', (_, inWorker) => {
  it('replicates everything the role may see, reporting progress, then only what changed', async () => {
    const folder = temporaryFolder();
    const client = await signedInClient(sandbox.url, 'mod.chen');
    const { db, replica, engine, progress, close } = engineFor(folder.path, client, inWorker);
    await engine.syncNow();
    expect((db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n).toBe(platformCount('listings'));
    expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(platformCount('users'));
    expect((db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(platformCount('reports'));
    // A moderator's feed holds neither appeals (senior moderators') nor rights and legal records.
    const total = platformCount('feed', "entity_type NOT IN ('appeal', 'rights_ticket', 'legal_hold', 'processor', 'disclosure')");
    expect(progress[0]).toMatchObject({ phase: 'initial', total });
    expect(progress.at(-1)).toMatchObject({ phase: 'idle', done: total, online: true });
    expect(progress.some((p) => p.phase === 'initial' && p.done > 0 && p.done < total)).toBe(true);
    // The indexes a first sync leaves out are built before it shows as synced.
    expect(indexesPresent(db)).toBe(INDEXES_BUILT_AFTER_FIRST_SYNC.length);
    expect(replica.deferredIndexBuilds()).toEqual([]);

    const pending = replica.db.prepare("SELECT id, version FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY created_at LIMIT 1").get() as { id: string; version: number };
    await client.call('decide', { body: { idempotencyKey: `sync-test-approve-${inWorker}`, listingId: pending.id, action: 'approve', basedOnVersion: pending.version } });
    progress.length = 0;
    await engine.syncNow();
    engine.stop();
    // The listing and the decision that changed it.
    expect(progress[0]).toMatchObject({ phase: 'incremental', total: 2 });
    expect((db.prepare('SELECT action FROM decisions WHERE listing_id = ?').all(pending.id))).toEqual([{ action: 'approve' }]);
    expect(replica.listing(pending.id)).toMatchObject({ status: 'published', version: pending.version + 1 });
    close();
    folder.remove();
  });

  it('quarantines a malformed record with reason and path, and lands the rest of its page', async () => {
    const folder = temporaryFolder();
    const [victim] = sandbox.db.prepare("SELECT id FROM listings WHERE status = 'published' LIMIT 1").all() as { id: string }[];
    sandbox.db.prepare("UPDATE listings SET status = 'on_hold', version = version + 1 WHERE id = ?").run(victim!.id);
    sandbox.db.prepare("INSERT OR REPLACE INTO feed (entity_type, entity_id, op) VALUES ('listing', ?, 'upsert')").run(victim!.id);
    const client = await signedInClient(sandbox.url, 'mod.lin');
    const { db, replica, engine, progress, close } = engineFor(folder.path, client, inWorker);
    await engine.syncNow();
    engine.stop();
    expect(replica.quarantined()).toEqual([
      expect.objectContaining({ entityType: 'listing', entityId: victim!.id, path: 'record.status', reason: expect.stringMatching(/expected one of/i) }),
    ]);
    expect(replica.listing(victim!.id)).toBeUndefined();
    expect((db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n).toBe(platformCount('listings') - 1);
    expect(progress.at(-1)?.quarantined).toBe(1);
    sandbox.db.prepare("UPDATE listings SET status = 'published', version = version + 1 WHERE id = ?").run(victim!.id);
    sandbox.db.prepare("INSERT OR REPLACE INTO feed (entity_type, entity_id, op) VALUES ('listing', ?, 'upsert')").run(victim!.id);
    close();
    folder.remove();
  });

  it('resumes from its committed cursor after being cut off mid-sync, without loss or repeats', async () => {
    const folder = temporaryFolder();
    let served = 0;
    const proxy = await startFaultyProxy(sandbox.url, (req) => {
      if (req.url?.startsWith('/v1/changes')) served += 1;
      // Cut off at the third page: the two before it were written into one open transaction
      // (pages are committed a few at a time) and must be committed, not lost, when the fetch fails.
      return served > 2 && req.url?.startsWith('/v1/changes') ? { kind: 'reset' } : { kind: 'pass' };
    });
    const cut = engineFor(folder.path, await signedInClient(proxy.url, 'mod.chen', { fast: true }), inWorker);
    await cut.engine.syncNow();
    cut.engine.stop();
    expect(cut.progress.at(-1)).toMatchObject({ phase: 'offline', online: false });
    const afterTwoPages = (cut.db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n + (cut.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    expect(afterTwoPages).toBe(200);
    expect(cut.replica.pagesPending).toBe(false);
    expect(cut.writer.pending).toBe(false);
    // A first sync cut short has not built what it left out; the cache remembers what that is.
    expect(indexesPresent(cut.db)).toBe(0);
    expect(cut.replica.deferredIndexBuilds()).toHaveLength(INDEXES_BUILT_AFTER_FIRST_SYNC.length);
    cut.close();
    await proxy.close();

    const resumed = engineFor(folder.path, await signedInClient(sandbox.url, 'mod.chen'), inWorker);
    await resumed.engine.syncNow();
    resumed.engine.stop();
    expect(resumed.progress[0]).toMatchObject({ phase: 'incremental' });
    // The catch-up that reaches the end builds them.
    expect(indexesPresent(resumed.db)).toBe(INDEXES_BUILT_AFTER_FIRST_SYNC.length);
    expect(resumed.replica.deferredIndexBuilds()).toEqual([]);
    expect((resumed.db.prepare('SELECT count(*) AS n FROM listings').get() as { n: number }).n).toBe(platformCount('listings'));
    expect((resumed.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(platformCount('users'));
    resumed.close();
    folder.remove();
  });
});
