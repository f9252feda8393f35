import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { UNGROUPED_LISTINGS, ListingFlagStore } from '../listing-flags';
import { QueueCounts } from '../queue-counts';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 014', () => {
  it('finds the listings without a price group by an index of them alone, and groups them', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 13), 'cache');
    const insert = old.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at, price_group)
      VALUES (?, 'usr_1', 'second_hand', ?, '', 260000, 'item', '广州市', '天河区', '135****7162', '[]', 'pending', 0,
      '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', ?)`);
    insert.run('lst_1', 'iPhone 15 自用', null);
    insert.run('lst_2', '折叠自行车', '');
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 14), 'cache');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UNGROUPED_LISTINGS}`).all() as { detail: string }[]).map((step) => step.detail);
    expect(plan).toEqual(['SCAN listings USING INDEX listings_ungrouped']);
    expect(new ListingFlagStore(db, new QueueCounts(db)).groupUngroupedListings()).toBe(1);
    expect(db.prepare("SELECT price_group FROM listings WHERE id = 'lst_1'").pluck().get()).toBe('phone');
    expect(db.prepare('SELECT count(*) FROM listings INDEXED BY listings_ungrouped WHERE price_group IS NULL').pluck().get()).toBe(0);
    db.close();
  });
});
