import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated, type SqliteDb } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const insertListing = (db: SqliteDb, id: string, status: string, escalated: number, createdAt: string) =>
  db.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
    contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
    VALUES (?, 'usr_1', 'housing', '天河区单间出租', '', 150000, 'month', '广州市', '天河区', '135****7162', '[]', ?, ?,
    '2026-12-01', 1, ?, '2026-11-01T00:00:00.000Z')`).run(id, status, escalated, createdAt);
const insertFlag = (db: SqliteDb, listingId: string) =>
  db.prepare(`INSERT INTO listing_flags (listing_id, rule, kind, spans, detail, category, district)
    VALUES (?, 'contact.wechat', 'contact_in_text', '[]', '{}', 'housing', '天河区')`).run(listingId);

describe('cache migration 013', () => {
  it("copies each flagged listing's status, escalation and creation time into its flags, and reads a flag filter in queue order", () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 12), 'cache');
    insertListing(old, 'lst_1', 'pending', 0, '2026-11-02T00:00:00.000Z');
    insertListing(old, 'lst_2', 'published', 1, '2026-11-01T00:00:00.000Z');
    insertFlag(old, 'lst_1');
    insertFlag(old, 'lst_2');
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 13), 'cache');
    expect(db.prepare('SELECT listing_id, listing_status, escalated, listing_created_at FROM listing_flags ORDER BY listing_id').all()).toEqual([
      { listing_id: 'lst_1', listing_status: 'pending', escalated: 0, listing_created_at: '2026-11-02T00:00:00.000Z' },
      { listing_id: 'lst_2', listing_status: 'published', escalated: 1, listing_created_at: '2026-11-01T00:00:00.000Z' },
    ]);
    // The queue's order comes from the index: no sort step.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT DISTINCT f.listing_id, f.listing_created_at FROM listing_flags f INDEXED BY listing_flags_pending_by_place
      WHERE f.listing_status = 'pending' AND f.escalated = 0 AND f.kind = 'contact_in_text' AND f.category = 'housing' AND f.district = '天河区'
      ORDER BY f.listing_created_at, f.listing_id`).all() as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual(['SEARCH f USING COVERING INDEX listing_flags_pending_by_place (kind=? AND category=? AND district=?)']);
    db.close();
  });
});
