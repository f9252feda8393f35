import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { SideConnection } from './side-connection';

const folder = temporaryFolder();
afterAll(() => folder.remove());

function openWal(name: string) {
  const db = new Database(join(folder.path, name));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (n INTEGER)');
  return db;
}

describe('the side connection', () => {
  it('reads the last committed state on a connection of its own, not the writer\'s open transaction', async () => {
    const db = openWal('a.sqlite');
    db.prepare('INSERT INTO t VALUES (1)').run();
    const side = new SideConnection(db, () => undefined);
    db.exec('BEGIN; INSERT INTO t VALUES (2);');
    // The writer's connection would see 2 rows; a second connection sees only what was committed.
    expect(await side.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 1 }]);
    db.exec('COMMIT');
    expect(await side.all('SELECT sum(n) AS s FROM t WHERE n >= @min', { min: 1 })).toEqual([{ s: 3 }]);
    await expect(side.all('SELECT * FROM missing')).rejects.toThrow(/no such table/);
    side.close();
    db.close();
  });

  it('hands a large answer over a part at a time, other answers and the core\'s turns coming between the parts', async () => {
    const db = openWal('e.sqlite');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 9_500; i += 1) insert.run(i); })();
    const side = new SideConnection(db, () => undefined);
    const order: string[] = [];
    // Asked together: the small read, asked second, is answered between the large one's parts.
    const [big, small] = await Promise.all([
      side.all<{ n: number }>('SELECT n FROM t ORDER BY n').then((rows) => (order.push('large'), rows)),
      side.all('SELECT count(*) AS c FROM t').then((rows) => (order.push('small'), rows)),
    ]);
    expect(order).toEqual(['small', 'large']);
    expect(big.map((r) => r.n)).toEqual(Array.from({ length: 9_500 }, (_, i) => i));
    expect(small).toEqual([{ c: 9_500 }]);
    side.close();
    db.close();
  });

  it('takes the checkpoints over: the writer no longer copies the log back itself, the worker does', async () => {
    const db = openWal('b.sqlite');
    const side = new SideConnection(db, () => undefined);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 20_000; i += 1) insert.run(i); })();
    // Nothing has copied the log into the file yet: it holds the schema's pages only.
    const fileSize = () => statSync(join(folder.path, 'b.sqlite')).size;
    const before = fileSize();
    side.checkpoint();
    // Read back through the worker's queue: the checkpoint was asked first, so it is done by now.
    await side.all('SELECT 1');
    expect(fileSize()).toBeGreaterThan(before + 100_000);
    side.close();
    db.close();
  });

  it('resolves a checkpoint once it is done, so a write begun after it rewinds the log instead of growing it', async () => {
    const db = openWal('d.sqlite');
    const side = new SideConnection(db, () => undefined);
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const batch = () => db.transaction(() => { for (let i = 0; i < 5_000; i += 1) insert.run(i); })();
    /** Frames in the log now: what a log rewound to its start holds, or everything since the last rewind. */
    const frames = () => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
    batch();
    const oneBatch = frames();
    for (let round = 0; round < 5; round += 1) {
      await side.checkpoint();
      batch();
    }
    // Each batch began with every frame in the file: each rewound the log, so it holds one batch.
    expect(frames()).toBeLessThanOrEqual(oneBatch + 2);
    // Requests while one runs share the one after it, and all resolve.
    await Promise.all([side.checkpoint(), side.checkpoint(), side.checkpoint()]);
    side.close();
    db.close();
  });

  it('closes its connection before the writer closes, so the writer\'s close removes the log', () => {
    const db = openWal('c.sqlite');
    const side = new SideConnection(db, () => undefined);
    db.prepare('INSERT INTO t VALUES (1)').run();
    side.close();
    db.close();
    expect(existsSync(join(folder.path, 'c.sqlite-wal'))).toBe(false);
  });

  it('works on the writer\'s own connection for an in-memory database', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (7);');
    const side = new SideConnection(db, () => undefined);
    expect(await side.all('SELECT n FROM t')).toEqual([{ n: 7 }]);
    side.close();
  });
});
