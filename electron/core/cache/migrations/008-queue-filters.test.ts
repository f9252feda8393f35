import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 008', () => {
  it('indexes listings already cached for the filtered queue page, in queue order', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 7), 'cache');
    old.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
      VALUES ('lst_1', 'usr_1', 'housing', '天河区单间出租', '', 150000, 'month', '广州市', '天河区', '135****7162', '[]', 'pending', 0,
      '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run();
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 8), 'cache');
    const sql = `SELECT id FROM listings WHERE status = 'pending' AND escalated = 0 AND category = 'housing' AND district = '天河区'
                 ORDER BY created_at, id LIMIT 100`;
    const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all());
    expect(plan).toContain('listings_queue_filter');
    expect(plan).not.toContain('TEMP B-TREE');
    expect(db.prepare(sql).all()).toEqual([{ id: 'lst_1' }]);
    db.close();
  });
});
