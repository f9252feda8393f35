import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';
import { migration003 } from './003-queues';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const insert = `INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
  contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at)
  VALUES (?, 'usr_1', 'second_hand', ?, ?, 1000, 'item', '广州市', '天河区', '135****7162', '[]', 'pending', 0, '2026-12-01', 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`;

describe('cache migration 003', () => {
  it('indexes listings already cached and keeps the index in step with later writes', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, [migration001, migration002], 'cache');
    old.prepare(insert).run('lst_1', '九成新电动车转让', '天河区岗顶可自提');
    old.close();
    const db = openMigrated(file, [migration001, migration002, migration003], 'cache');
    const search = (text: string) =>
      (db.prepare('SELECT l.id FROM listings_fts f JOIN listings l ON l.rowid = f.rowid WHERE listings_fts MATCH ? ORDER BY l.id').all(`"${text}"`) as { id: string }[]).map((r) => r.id);
    expect(search('电动车')).toEqual(['lst_1']);
    db.prepare(insert).run('lst_2', '宜家书桌低价出', '电动车不要了');
    expect(search('电动车')).toEqual(['lst_1', 'lst_2']);
    db.prepare("UPDATE listings SET body = '只卖书桌' WHERE id = 'lst_2'").run();
    expect(search('电动车')).toEqual(['lst_1']);
    db.prepare("DELETE FROM listings WHERE id = 'lst_1'").run();
    expect(search('电动车')).toEqual([]);
    expect(db.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: null });
    db.close();
  });
});
