import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { migration001 } from './001-replica';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 001', () => {
  it('creates the replica, sync state and quarantine, with the queue index', () => {
    const db = openMigrated(join(folder.path, 'c.sqlite'), [migration001], 'cache');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['listings', 'users', 'reports', 'sync_state', 'quarantine']));
    expect(db.prepare('SELECT cursor FROM sync_state').all()).toEqual([{ cursor: null }]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY created_at").all();
    expect(JSON.stringify(plan)).toContain('listings_queue');
    // Masked contact only: there is no column a full phone number could be written to.
    const columns = (db.prepare('PRAGMA table_info(listings)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => c.includes('phone'))).toEqual(['contact_phone_masked']);
    db.close();
  });
});
