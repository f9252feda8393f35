import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { DeskFailure } from '../errors';
import { openMigrated, type Migration } from './migrations';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const steps: Migration[] = [
  { version: 1, description: 'a', sql: 'CREATE TABLE a (x INTEGER);' },
  { version: 2, description: 'b', sql: 'CREATE TABLE b (y INTEGER);' },
];

describe('openMigrated', () => {
  it('applies each step once and records it in user_version', () => {
    const file = join(folder.path, 'fresh.sqlite');
    const first = openMigrated(file, steps.slice(0, 1), 'test');
    expect(first.pragma('user_version', { simple: true })).toBe(1);
    first.prepare('INSERT INTO a VALUES (1)').run();
    first.close();
    const second = openMigrated(file, steps, 'test');
    expect(second.pragma('user_version', { simple: true })).toBe(2);
    expect(second.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 1 });
    expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
    second.close();
  });

  it('refuses a file from a newer version with a clear message', () => {
    const file = join(folder.path, 'newer.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 7');
    db.close();
    let failure: unknown;
    try {
      openMigrated(file, steps, 'cache');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DeskFailure);
    expect((failure as DeskFailure).code).toBe('cache_newer_version');
    expect((failure as DeskFailure).message).toMatch(/schema 7.*newer Xuntong Desk/);
  });

  it('refuses a file that is not a database', () => {
    const file = join(folder.path, 'garbage.sqlite');
    writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => openMigrated(file, steps, 'cache')).toThrow(expect.objectContaining({ code: 'cache_unreadable' }));
  });

  it('rejects misnumbered migrations', () => {
    expect(() => openMigrated(join(folder.path, 'x.sqlite'), [steps[1]!], 'test')).toThrow(/numbered 2, expected 1/);
  });
});
