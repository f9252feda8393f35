import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 006', () => {
  it('adds the register table and restarts the feed so legal staff receive it', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 5), 'cache');
    old.prepare("UPDATE sync_state SET cursor = 'eyJlIjoiYSIsInMiOjV9'").run();
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 6), 'cache');
    expect(db.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'disclosures'").get()).toEqual({ name: 'disclosures' });
    db.close();
  });
});
