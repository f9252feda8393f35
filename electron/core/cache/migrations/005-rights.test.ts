import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';
import { migration003 } from './003-queues';
import { migration004 } from './004-price-groups';
import { migration005 } from './005-rights';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 005', () => {
  it('adds the rights tables and restarts the feed so an existing cache receives tickets', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, [migration001, migration002, migration003, migration004], 'cache');
    old.prepare("UPDATE sync_state SET cursor = 'eyJlIjoiYSIsInMiOjV9'").run();
    old.close();
    const db = openMigrated(file, [migration001, migration002, migration003, migration004, migration005], 'cache');
    expect(db.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: null });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['rights_tickets', 'legal_holds', 'processors']));
    db.close();
  });
});
