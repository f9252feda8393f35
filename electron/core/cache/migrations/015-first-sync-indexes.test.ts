import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 015', () => {
  it('adds an empty list of indexes left to build to a cache past its first sync', () => {
    const file = join(folder.path, 'c.sqlite');
    openMigrated(file, cacheMigrations.slice(0, 14), 'cache').close();
    const db = openMigrated(file, cacheMigrations.slice(0, 15), 'cache');
    expect(db.prepare('SELECT count(*) FROM first_sync_indexes').pluck().get()).toBe(0);
    db.prepare('INSERT INTO first_sync_indexes (name, sql) VALUES (?, ?)').run('listings_queue_filter', 'CREATE INDEX …');
    // One row a name: a first sync started again after a reset does not record an index twice.
    expect(() => db.prepare('INSERT INTO first_sync_indexes (name, sql) VALUES (?, ?)').run('listings_queue_filter', 'x')).toThrow(/UNIQUE/);
    db.close();
  });
});
