import Database from 'better-sqlite3';
import { existsSync, openSync, readdirSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { cacheMigrations } from '../cache/migrations';
import { DeskFailure } from '../errors';
import { openMigrated } from '../storage/migrations';
import { SideConnection } from '../storage/side-connection';
import { intactBeside } from './cache-health';
import { setDamagedCacheAside } from './damaged-cache';
import { SimulatedDisk } from './simulated-disk';
import { storageFailure } from './storage-failure';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** A real cache file with some rows, closed (checkpointed) so its pages are all in the main file. */
function filledCache(name: string): string {
  const file = join(folder.path, name);
  const db = openMigrated(file, cacheMigrations, 'cache');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  db.transaction(() => { for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} ${'x'.repeat(200)}`); })();
  db.close();
  return file;
}

function overwrite(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  closeSync(fd);
}

describe('the cache at open', () => {
  it('refuses a file whose header is overwritten, as cache_unreadable', () => {
    const file = filledCache('header.sqlite');
    overwrite(file, 0, 100);
    expect(() => openMigrated(file, cacheMigrations, 'cache')).toThrow(expect.objectContaining({ code: 'cache_unreadable' }));
  });

  it('finds damaged pages that a plain open misses with the quick_check on the side connection, off the core\'s thread', async () => {
    const sound = openMigrated(filledCache('sound.sqlite'), cacheMigrations, 'cache');
    const soundSide = new SideConnection(sound, () => undefined);
    expect(await intactBeside(soundSide)).toBe(true);
    soundSide.close();
    sound.close();
    const file = filledCache('pages.sqlite');
    // The filler rows are the last pages written; the schema pages at the front stay sound.
    overwrite(file, statSync(file).size - 4096 * 30, 4096 * 20);
    const db = openMigrated(file, cacheMigrations, 'cache');
    const side = new SideConnection(db, () => undefined);
    expect(await intactBeside(side)).toBe(false);
    side.close();
    db.close();
  });
});

describe('storage failures', () => {
  it('name a full disk and a damaged file, and leave other errors alone', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    db.pragma('max_page_count = 1');
    let full: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(10_000));
    } catch (error) {
      full = error;
    }
    expect(storageFailure(full)).toMatchObject({ code: 'disk_full' });
    expect(storageFailure(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toMatchObject({ code: 'cache_unreadable' });
    expect(storageFailure(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }))).toMatchObject({ code: 'cache_unreadable' });
    expect(storageFailure(new Error('no such table'))).toBeNull();
    expect(storageFailure(new DeskFailure('not_found', 'x'))).toBeNull();
  });
});

describe('the simulated disk (a test option)', () => {
  it('stops growth at the current size and lets it grow again when freed', () => {
    const disk = new SimulatedDisk();
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x TEXT)');
    disk.attach('cache', db);
    disk.fill('cache');
    expect(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(10_000))).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    disk.free('cache');
    expect(db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(10_000)).changes).toBe(1);
    db.close();
    disk.fill('cache'); // a closed connection is forgotten, not an error
  });
});

describe('setting a damaged cache aside', () => {
  it('moves the file and its WAL to a timestamped name and leaves the name free', () => {
    const file = filledCache('cache.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('INSERT INTO filler (text) VALUES (1)');
    const aside = setDamagedCacheAside(file, new Date('2026-11-29T08:00:00.123Z'));
    db.close();
    expect(aside).toBe(join(folder.path, 'cache.damaged-2026-11-29T08-00-00-123Z.sqlite'));
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(folder.path).filter((f) => f.startsWith('cache.damaged-'))).toContain('cache.damaged-2026-11-29T08-00-00-123Z.sqlite');
    expect(setDamagedCacheAside(file, new Date())).toBeNull();
  });
});
