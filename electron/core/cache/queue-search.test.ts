import { afterAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { SEARCH_COUNT_LIMIT } from '../../../shared/ipc/moderation-views';
import { parseQueueQuery, queuePage } from './moderation-queue';

const folder = temporaryFolder();
afterAll(() => folder.remove());

let serial = 0;
function listing(title: string, status: Listing['status'] = 'pending'): Listing {
  serial += 1;
  const minute = String(serial % 60).padStart(2, '0');
  const hour = String(Math.floor(serial / 60) % 24).padStart(2, '0');
  return {
    id: `lst_${String(serial).padStart(6, '0')}`, sellerId: 'usr_00001', category: 'housing', title, body: '近地铁，拎包入住',
    priceFen: 150_000, priceUnit: 'month', city: '广州市', district: '天河区', contactPhoneMasked: '135****7162', images: [],
    status, escalated: false, displayUntil: '2026-12-30', version: 1,
    // Creation order differs from insertion order, so "oldest first" is a real sort.
    createdAt: `2026-11-${String(1 + (serial % 17)).padStart(2, '0')}T${hour}:${minute}:00.000Z`, updatedAt: '2026-11-20T02:00:00.000Z',
  };
}

describe('searching a queue by text', () => {
  const { db, replica } = openReplica(folder.path);
  // A common phrase (in 2,600 listings, some no longer pending) and a rare one (in 7).
  for (let i = 0; i < 2_600; i += 1) replica.applyListing(listing(`天河区单间出租 ${i}`, i % 5 === 0 ? 'published' : 'pending'));
  for (let i = 0; i < 7; i += 1) replica.applyListing(listing(`海珠区江景两房 ${i}`));
  for (let i = 0; i < 300; i += 1) replica.applyListing(listing(`白云区仓库 ${i}`));
  const context = { now: new Date('2026-11-25T00:00:00Z'), staffId: '', undecided: [] };
  const page = (search: string) => queuePage(db, parseQueueQuery({ queue: 'pending', search, sort: 'oldest', limit: 100 }), context);
  /** What the page must show, worked out by a plain scan. */
  const expected = (phrase: string) =>
    (db.prepare(`SELECT id FROM listings WHERE status = 'pending' AND escalated = 0 AND (instr(title, ?) OR instr(body, ?))
                 ORDER BY created_at, id`).all(phrase, phrase) as { id: string }[]).map((r) => r.id);

  it('shows the oldest 100 of a common phrase\'s matches, walking the queue in order, and counts them all', () => {
    const all = expected('单间出租');
    expect(all.length).toBe(2_080);
    const result = page('单间出租');
    expect(result.rows.map((r) => r.id)).toEqual(all.slice(0, 100));
    expect(result.total).toBe(2_080);
    expect(result.moreThanTotal).toBe(false);
  });

  it('counts a rare phrase exactly, in the same order', () => {
    const result = page('江景两房');
    expect(result.rows.map((r) => r.id)).toEqual(expected('江景两房'));
    expect(result.total).toBe(7);
  });

  it('counts a filter without a search exactly, however many', () => {
    const result = queuePage(db, parseQueueQuery({ queue: 'pending', district: '天河区', limit: 100 }), context);
    expect(result.total).toBe(2_080 + 7 + 300);
  });

  it('counts a search only as far as the list goes, and lists that far in order', () => {
    // Past the limit by 20 pending matches, with escalated and published ones among them that do not count.
    for (let i = 0; i < SEARCH_COUNT_LIMIT - 2_080 + 20; i += 1) replica.applyListing(listing(`天河区单间出租 补 ${i}`));
    for (let i = 0; i < 50; i += 1) replica.applyListing({ ...listing(`天河区单间出租 升级 ${i}`), escalated: true });
    const all = expected('单间出租');
    expect(all.length).toBe(SEARCH_COUNT_LIMIT + 20);
    for (const phrase of ['单间出租', '出租']) {
      // Three characters go through the text index, two through LIKE: the same answer.
      const first = page(phrase);
      expect({ total: first.total, more: first.moreThanTotal }).toEqual({ total: SEARCH_COUNT_LIMIT, more: true });
      expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 100));
      const last = queuePage(db, parseQueueQuery({ queue: 'pending', search: phrase, offset: SEARCH_COUNT_LIMIT - 100, limit: 100 }), context);
      expect(last.rows.map((r) => r.id)).toEqual(all.slice(SEARCH_COUNT_LIMIT - 100, SEARCH_COUNT_LIMIT));
    }
    // Narrowed by a filter, the count is exact again.
    expect(page('江景两房')).toMatchObject({ total: 7, moreThanTotal: false });
  });
});
