import { afterAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/platform/changes';
import { Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const listing = (id: string, version: number, title: string, body = '') =>
  Listing.parse({
    id, sellerId: 'usr_1', category: 'second_hand', title, body, priceFen: 100_00, priceUnit: 'item', city: '广州市', district: '天河区',
    contactPhoneMasked: '135****7162', images: [], status: 'pending', escalated: false, displayUntil: '2026-12-20', version,
    createdAt: '2026-11-19T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z',
  });
const upsert = (l: Listing): Change => ({ entityType: 'listing', id: l.id, version: l.version, op: 'upsert', record: l });
const remove = (id: string, version: number): Change => ({ entityType: 'listing', id, version, op: 'delete', record: null });
const at = new Date('2026-11-20T06:05:00.000Z');

describe('the listing text index, written by the replica', () => {
  const { db, replica } = openReplica(folder.path);
  const search = (text: string) =>
    (db.prepare('SELECT l.id FROM listings_fts f JOIN listings l ON l.rowid = f.rowid WHERE listings_fts MATCH ? ORDER BY l.id').all(`"${text}"`) as { id: string }[]).map((r) => r.id);
  /** FTS5's own consistency check of an external-content index against its table: throws on any drift. */
  const integrity = () => db.prepare("INSERT INTO listings_fts (listings_fts, rank) VALUES ('integrity-check', 1)").run();

  it('has no text-index triggers left: the replica writes the index', () => {
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%listings_fts%'").all()).toEqual([]);
  });

  it('indexes new listings, re-indexes changed text, drops deleted ones, all within a page', () => {
    replica.commitPage([upsert(listing('lst_1', 1, '九成新电动车转让', '天河区岗顶可自提')), upsert(listing('lst_2', 1, '宜家书桌低价出', '电动车不要了'))], [], 'c1', at);
    expect(search('电动车')).toEqual(['lst_1', 'lst_2']);
    replica.commitPage([upsert(listing('lst_2', 2, '宜家书桌低价出', '只卖书桌')), remove('lst_1', 2)], [], 'c2', at);
    expect(search('电动车')).toEqual([]);
    expect(search('只卖书桌')).toEqual(['lst_2']);
    integrity();
  });

  it('leaves the index alone when only other fields change, and ignores an older version', () => {
    replica.commitPage([upsert({ ...listing('lst_2', 3, '宜家书桌低价出', '只卖书桌'), priceFen: 50_00 })], [], 'c3', at);
    replica.applyListing(listing('lst_2', 1, '旧标题不该回来', '电动车'));
    expect(replica.listing('lst_2')).toMatchObject({ version: 3, priceFen: 50_00, title: '宜家书桌低价出' });
    expect(search('旧标题')).toEqual([]);
    expect(search('宜家书桌')).toEqual(['lst_2']);
    integrity();
  });

  it('replays a page after a crash without doubling any entry', () => {
    const page = [upsert(listing('lst_3', 1, '金毛幼犬出售', '疫苗齐全')), upsert(listing('lst_3', 2, '金毛幼犬低价出售', '疫苗齐全'))];
    replica.commitPage(page, [], 'c4', at);
    replica.commitPage(page, [], 'c4', at);
    expect(search('金毛幼犬')).toEqual(['lst_3']);
    expect(db.prepare("SELECT count(*) AS n FROM listings_fts WHERE listings_fts MATCH '\"疫苗齐全\"'").get()).toEqual({ n: 1 });
    integrity();
  });

  it('empties with the listings when the feed is reset', () => {
    replica.reset();
    expect(search('宜家书桌')).toEqual([]);
    replica.commitPage([upsert(listing('lst_9', 1, '宜家书桌重新上架'))], [], 'c5', at);
    expect(search('宜家书桌')).toEqual(['lst_9']);
    integrity();
  });
});
