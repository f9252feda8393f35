import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 010', () => {
  it('gives the flags already cached their listing\'s place, and the flag filter an index of its own', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 9), 'cache');
    old.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
      VALUES ('lst_1', 'usr_1', 'housing', '天河区单间出租', '加微信', 150000, 'month', '广州市', '天河区', '135****7162', '[]', 'pending', 0,
      '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run();
    old.prepare("INSERT INTO listing_flags (listing_id, rule, kind, spans, detail) VALUES ('lst_1', 'contact.wechat', 'contact_in_text', '[]', '{}')").run();
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 10), 'cache');
    expect(db.prepare('SELECT category, district FROM listing_flags').all()).toEqual([{ category: 'housing', district: '天河区' }]);
    const sql = "SELECT listing_id FROM listing_flags WHERE kind = 'contact_in_text' AND category = 'housing' AND district = '天河区'";
    expect(JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all())).toContain('listing_flags_by_place');
    db.close();
  });
});
