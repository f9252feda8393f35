import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../test/fixtures/console-parts';
import { feedListing, feedPage, upsertOf } from '../../../test/fixtures/feed-pages';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { waitFor } from '../../../test/fixtures/wait';
import { SimulatedDisk } from '../cache-health/simulated-disk';
import { storageFailure } from '../cache-health/storage-failure';
import { SideConnection } from '../storage/side-connection';
import { WorkerFeedWriter } from './worker-feed-writer';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const listing = feedListing;
const upsert = upsertOf;
const page = (ids: string[], cursor: string) => feedPage(ids, cursor);
const running = () => false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function opened(name: string) {
  const where = join(folder.path, name);
  mkdirSync(where, { recursive: true });
  const { db, replica } = openReplica(where);
  const log: string[] = [];
  const writer = new WorkerFeedWriter(replica, { autocheckpoint: true, log: (line) => log.push(line) });
  const ids = () => (db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as string[]);
  return { db, replica, writer, log, ids, close: () => (writer.close(), db.close()) };
}

describe('the feed written in a worker', () => {
  it('holds pages until the one that commits them, then lands them all with the last cursor', async () => {
    const { replica, writer, ids, close } = opened('held');
    expect(writer.onCoreThread).toBe(false);
    await writer.write(page(['lst_1', 'lst_2'], 'c1'), false, running);
    await writer.write(page(['lst_3'], 'c2'), false, running);
    expect(writer.pending).toBe(true);
    // Nothing of them is in the file yet: the core's connection reads the last commit.
    expect(ids()).toEqual([]);
    expect(replica.syncState().cursor).toBeNull();
    const written = await writer.write(page(['lst_4'], 'c3'), true, running);
    expect(written).toEqual({ resolved: 0, commitMs: expect.any(Number), entityTypes: ['listing'], quarantined: 0 });
    expect(writer.pending).toBe(false);
    expect(ids()).toEqual(['lst_1', 'lst_2', 'lst_3', 'lst_4']);
    expect(replica.syncState().cursor).toBe('c3');
    // The text index was written beside them, and its upkeep runs there too.
    expect(await writer.tidy(Number.POSITIVE_INFINITY, running)).toBe(true);
    expect(replica.db.prepare("SELECT count(*) FROM listings_fts WHERE listings_fts MATCH '电动车'").pluck().get()).toBe(4);
    close();
  });

  it('checks the records of a page before it holds it: one that does not parse is quarantined with why, its neighbours land', async () => {
    const { replica, writer, ids, close } = opened('checked');
    const broken = { ...upsert(listing('lst_2')), record: { ...listing('lst_2'), status: 'sold_out' } };
    const held = await writer.write({ changes: [upsert(listing('lst_1')), broken], cursor: 'c1', at: new Date('2026-11-20T06:00:00Z') }, false, running);
    expect(held).toMatchObject({ entityTypes: ['listing'], quarantined: 1 });
    await writer.write(page(['lst_3'], 'c2'), true, running);
    expect(ids()).toEqual(['lst_1', 'lst_3']);
    expect(replica.quarantined()).toEqual([expect.objectContaining({ entityType: 'listing', entityId: 'lst_2', path: 'record.status' })]);
    close();
  });

  it("lets the core's thread write before it begins its next transaction", async () => {
    const { replica, writer, ids, close } = opened('turns');
    const waiting = new Int32Array(replica.turns.buffer);
    // The core's thread says it waits for the lock (as Replica.writing does around its write).
    Atomics.add(waiting, 0, 1);
    const landing = writer.write(page(['lst_1'], 'c1'), true, running);
    await sleep(300);
    expect(ids()).toEqual([]);
    // Meanwhile the core writes: a decision's answer, a newer version than the feed's.
    replica.db.transaction(() => replica.applyListing(listing('lst_1', 3))).immediate();
    Atomics.sub(waiting, 0, 1);
    Atomics.notify(waiting, 0);
    await landing;
    expect(replica.syncState().cursor).toBe('c1');
    // The feed's older version, written after, changed nothing.
    expect(replica.listing('lst_1')?.version).toBe(3);
    close();
  });

  it("commits between the pages of a batch when the core's thread wants to write, and holds the rest back", async () => {
    const { db, replica, writer, close } = opened('between');
    const many = Array.from({ length: 4_000 }, (_, i) => `lst_${String(i).padStart(5, '0')}`);
    await writer.write(page(many, 'c1'), false, running);
    const landing = writer.write(page(['lst_x'], 'c2'), true, running);
    // Once the worker holds the write lock it is writing the first page: then the core says it waits.
    db.pragma('busy_timeout = 0');
    const locked = () => {
      try {
        db.exec('BEGIN IMMEDIATE; ROLLBACK');
        return false;
      } catch {
        return true;
      }
    };
    await waitFor(() => locked(), 'the worker writing the first page', 10_000);
    const waiting = new Int32Array(replica.turns.buffer);
    Atomics.add(waiting, 0, 1);
    // The first page is committed with its cursor; the second waits for the core's write.
    await waitFor(() => replica.syncState().cursor === 'c1', 'the first page committed on its own', 10_000);
    await sleep(200);
    expect(replica.syncState().cursor).toBe('c1');
    expect(locked()).toBe(false);
    Atomics.sub(waiting, 0, 1);
    Atomics.notify(waiting, 0);
    await landing;
    expect(replica.syncState().cursor).toBe('c2');
    db.pragma('busy_timeout = 5000');
    close();
  });

  it('reports a full disk with SQLite\'s code, lands nothing of the pages, and writes again in the next run once there is room', async () => {
    const { db, replica, writer, ids, close } = opened('full');
    await writer.write(page(['lst_1'], 'c1'), true, running);
    const disk = new SimulatedDisk();
    disk.attach('cache', db);
    disk.attach('cache', writer);
    disk.fill('cache');
    const many = Array.from({ length: 400 }, (_, i) => `lst_${1000 + i}`);
    await writer.write(page(many.slice(0, 200), 'c2'), false, running);
    const failure = await writer.write(page(many.slice(200), 'c3'), true, running).catch((error: unknown) => error);
    expect(storageFailure(failure)?.code).toBe('disk_full');
    expect(ids()).toEqual(['lst_1']);
    expect(replica.syncState().cursor).toBe('c1');
    expect(writer.pending).toBe(false);
    disk.free('cache');
    // Pages sent behind the failed commit (the engine sends on while one is on its way) are not
    // committed by a later commit of the same run: the cursor would pass the failed ones.
    await writer.write(page(['lst_2'], 'c4'), false, running);
    // The run's end commits what it finished: nothing here, and no second error over the first.
    await writer.commitWritten();
    await writer.write(page(['lst_3'], 'c5'), false, running);
    await expect(writer.write(page(['lst_4'], 'c6'), true, running)).rejects.toThrow(/earlier commit/);
    expect(ids()).toEqual(['lst_1']);
    expect(replica.syncState().cursor).toBe('c1');
    writer.beginRun();
    await writer.write(page(many.slice(200), 'c3'), true, running);
    expect(ids()).toHaveLength(201);
    close();
  });

  it('writes the price pass a range at a time, fixing what it finds out of date', async () => {
    const { db, replica, writer, close } = opened('price');
    const bikes = Array.from({ length: 40 }, (_, i) => ({ ...listing(`lst_${String(i).padStart(3, '0')}`), title: `折叠自行车 ${i}`, priceFen: (i % 4 === 0 ? 50 : 300 + i) * 100 }));
    await writer.write({ changes: bikes.map(upsert), cursor: 'c1', at: new Date('2026-11-20T06:00:00Z') }, true, running);
    replica.flags.refreshPriceFlags();
    const all = () => db.prepare("SELECT listing_id, detail FROM listing_flags WHERE rule = 'price.below_median' ORDER BY listing_id").all();
    const expected = all();
    expect(expected.length).toBeGreaterThan(8);
    db.prepare("DELETE FROM listing_flags WHERE rule = 'price.below_median' AND listing_id = ?").run((expected[3] as { listing_id: string }).listing_id);
    db.prepare("INSERT INTO listing_flags (listing_id, rule, kind, spans, detail) VALUES ('lst_001', 'price.below_median', 'price_far_below_median', '[]', '{}')").run();
    const side = new SideConnection(db, () => undefined);
    const ranges: (string | null)[] = [];
    try {
      await replica.flags.refreshPriceFlagsBeside(side, 3, (range) => {
        ranges.push(range.until);
        return writer.replacePriceFlags(range);
      });
    } finally {
      side.close();
    }
    expect(all()).toEqual(expected);
    expect(ranges.length).toBeGreaterThan(3);
    expect(ranges.at(-1)).toBeNull();
    close();
  });

  it('drops the pages it held when closed; the cache keeps its last commit', async () => {
    const first = opened('closed');
    await first.writer.write(page(['lst_1'], 'c1'), true, running);
    await first.writer.write(page(['lst_2'], 'c2'), false, running);
    first.close();
    const again = opened('closed');
    expect(again.ids()).toEqual(['lst_1']);
    expect(again.replica.syncState().cursor).toBe('c1');
    again.close();
  });

  it('fails the write after a worker that died holding pages, then writes on the core\'s thread', async () => {
    const { replica, writer, ids, log, close } = opened('died');
    await writer.write(page(['lst_1'], 'c1'), false, running);
    const exited = new Promise((resolve) => (writer as unknown as { worker: Worker }).worker.once('exit', resolve));
    await (writer as unknown as { worker: Worker }).worker.terminate();
    await exited;
    expect(log).toEqual([expect.stringMatching(/cache writer exited/)]);
    // Committing lst_2 with c2 would skip lst_1, which died with the worker: the run must end and start again from c0.
    await expect(writer.write(page(['lst_2'], 'c2'), true, running)).rejects.toThrow(/exited/);
    expect(writer.onCoreThread).toBe(true);
    await writer.write(page(['lst_1', 'lst_2'], 'c2'), true, running);
    expect(ids()).toEqual(['lst_1', 'lst_2']);
    expect(replica.syncState().cursor).toBe('c2');
    close();
  });
});
