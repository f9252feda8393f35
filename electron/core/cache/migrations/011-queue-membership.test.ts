import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated, type SqliteDb } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const insertListing = (db: SqliteDb, id: string, status = 'pending') =>
  db.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
    contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
    VALUES (?, 'usr_1', 'housing', '天河区单间出租', '', 150000, 'month', '广州市', '天河区', '135****7162', '[]', ?, 0,
    '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`).run(id, status);
const insertReport = (db: SqliteDb, id: string, listingId: string, at: string) =>
  db.prepare("INSERT INTO reports (id, listing_id, reporter_id, reason, note, created_at, version) VALUES (?, ?, 'usr_9', 'fraud', '', ?, 1)").run(id, listingId, at);
const insertFlag = (db: SqliteDb, listingId: string, rule: string) =>
  db.prepare(`INSERT INTO listing_flags (listing_id, rule, kind, spans, detail, category, district) VALUES (?, ?, 'contact_in_text', '[]', '{}', 'housing', '天河区')`).run(listingId, rule);
const dismiss = (db: SqliteDb, id: string, listingId: string, rule: string) =>
  db.prepare("INSERT INTO flag_feedback (id, listing_id, rule, record) VALUES (?, ?, ?, '{}')").run(id, listingId, rule);

const counts = (db: SqliteDb, id: string) =>
  db.prepare('SELECT report_count AS reports, first_reported_at AS firstReportedAt, open_flags AS flags FROM listings WHERE id = ?').get(id);

describe('cache migration 011', () => {
  it('counts the reports and open flags of listings already cached', () => {
    const file = join(folder.path, 'backfill.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 10), 'cache');
    insertListing(old, 'lst_1');
    insertListing(old, 'lst_2');
    insertReport(old, 'rpt_1', 'lst_1', '2026-11-03T00:00:00.000Z');
    insertReport(old, 'rpt_2', 'lst_1', '2026-11-02T00:00:00.000Z');
    insertFlag(old, 'lst_2', 'contact.wechat');
    insertFlag(old, 'lst_2', 'contact.qq');
    dismiss(old, 'fb_1', 'lst_2', 'contact.qq');
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 11), 'cache');
    expect(counts(db, 'lst_1')).toEqual({ reports: 2, firstReportedAt: '2026-11-02T00:00:00.000Z', flags: 0 });
    expect(counts(db, 'lst_2')).toEqual({ reports: 0, firstReportedAt: null, flags: 1 });
    db.close();
  });

  it('gives the reported and flagged queues partial indexes in queue order, which the queue terms select', () => {
    const db = openMigrated(join(folder.path, 'plans.sqlite'), cacheMigrations, 'cache');
    insertListing(db, 'lst_1');
    insertListing(db, 'lst_2', 'published');
    insertListing(db, 'lst_3', 'removed');
    // The counts as the cache's writers keep them (QueueCounts; tested with the replica).
    db.prepare("UPDATE listings SET report_count = 1, first_reported_at = '2026-11-0' || substr(id, -1) || 'T00:00:00.000Z', open_flags = 1").run();
    const terms = "l.status IN ('pending', 'published') AND l.escalated = 0";
    const reported = `SELECT l.id FROM listings l INDEXED BY listings_reported WHERE l.report_count > 0 AND ${terms} ORDER BY l.first_reported_at DESC, l.id DESC`;
    const flagged = `SELECT l.id FROM listings l INDEXED BY listings_flagged WHERE l.open_flags > 0 AND ${terms} ORDER BY l.created_at, l.id`;
    for (const sql of [reported, flagged]) expect(JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all())).not.toContain('TEMP B-TREE');
    expect(db.prepare(reported).pluck().all()).toEqual(['lst_2', 'lst_1']);
    expect(db.prepare(flagged).pluck().all()).toEqual(['lst_1', 'lst_2']);
    db.close();
  });
});
