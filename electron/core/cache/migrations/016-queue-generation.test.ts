import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 016', () => {
  it('gives a cache synced before it a queue generation of 0, its cursor kept', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 15), 'cache');
    old.prepare("UPDATE sync_state SET cursor = 'c_4711', last_synced_at = '2026-11-29T09:00:00.000Z' WHERE id = 1").run();
    old.close();
    const db = openMigrated(file, cacheMigrations, 'cache');
    expect(db.prepare('SELECT cursor, last_synced_at, queue_generation FROM sync_state').all()).toEqual([
      { cursor: 'c_4711', last_synced_at: '2026-11-29T09:00:00.000Z', queue_generation: 0 },
    ]);
    db.close();
  });
});
