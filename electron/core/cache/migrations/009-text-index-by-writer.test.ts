import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 009', () => {
  it('drops the text-index triggers and keeps what they indexed searchable', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 8), 'cache');
    old.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
      VALUES ('lst_1', 'usr_1', 'housing', '天河区单间出租', '近地铁', 150000, 'month', '广州市', '天河区', '135****7162', '[]', 'pending', 0,
      '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run();
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 9), 'cache');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()).toEqual([]);
    expect(db.prepare(`SELECT rowid FROM listings_fts WHERE listings_fts MATCH '"单间出租"'`).all()).toHaveLength(1);
    db.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run();
    db.close();
  });
});
