import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';
import { migration003 } from './003-queues';
import { migration004 } from './004-price-groups';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 004', () => {
  it('adds an ungrouped price group to listings already cached, and indexes the median lookup by it', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, [migration001, migration002, migration003], 'cache');
    old.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
      VALUES ('lst_1', 'usr_1', 'second_hand', 'iPhone 13', '', 230000, 'item', '广州市', '天河区', '135****7162', '[]', 'pending', 0,
      '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run();
    old.close();
    const db = openMigrated(file, [migration001, migration002, migration003, migration004], 'cache');
    expect(db.prepare('SELECT id, price_group FROM listings').all()).toEqual([{ id: 'lst_1', price_group: null }]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'listings'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('listings_by_price_group');
    expect(indexes).not.toContain('listings_by_price');
    db.close();
  });
});
