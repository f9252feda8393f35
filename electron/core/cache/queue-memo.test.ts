import { afterAll, describe, expect, it } from 'vitest';
import type { ModerationQueueQuery } from '../../../shared/ipc/moderation-views';
import { seededRandom } from '../../../shared/moderation/duplicates/synthetic-listings';
import type { Listing } from '../../../shared/platform/entities';
import { openReplica, recordingPrepares } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { parseQueueQuery, queuePage, type QueueContext } from './moderation-queue';
import { QueueMemo } from './queue-memo';
import type { PageToCommit } from './replica';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const random = seededRandom(29);
const oneOf = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** Listings with few distinct times, so that many pages end inside a run of equal times and the ids decide. */
function listingNo(n: number): Listing {
  return {
    id: `lst_${String(n).padStart(4, '0')}`, sellerId: 'usr_00007', category: oneOf(['second_hand', 'housing', 'jobs'] as const),
    title: oneOf(['折叠自行车九成新', '海珠区单间出租', '招聘收银员']), body: '可小刀，天河区自提', priceFen: n % 97 === 0 ? 100 : 20_000 + n, priceUnit: 'item',
    city: '广州市', district: oneOf(['天河区', '海珠区', '越秀区']), contactPhoneMasked: '139****2046', images: [],
    status: oneOf(['pending', 'pending', 'pending', 'published'] as const), escalated: random() < 0.2, displayUntil: '2026-12-30', version: 1,
    createdAt: `2026-11-${oneOf(['12', '18', '21'])}T08:00:00.000Z`, updatedAt: `2026-11-2${oneOf(['2', '3'])}T09:00:00.000Z`,
  };
}

const context: QueueContext = { now: new Date('2026-11-25T12:00:00Z'), staffId: 'stf_mod_chen', undecided: ['lst_0011'] };
/** Forwards, a jump ahead, back, past the end, and to the top: how a moderator's scrollbar moves. */
const OFFSETS = [0, 9, 18, 27, 63, 45, 36, 140, 500, 9];
const LISTS: Omit<ModerationQueueQuery, 'offset' | 'limit'>[] = [
  { queue: 'pending', sort: 'oldest' },
  { queue: 'pending', sort: 'newest', category: 'second_hand' },
  { queue: 'pending', sort: 'oldest', district: '海珠区' },
  { queue: 'pending', sort: 'newest', category: 'housing', district: '天河区' },
  { queue: 'pending', sort: 'oldest', search: '自行车' },
  { queue: 'escalated', sort: 'oldest' },
  { queue: 'pending', sort: 'price_low' },
];

describe('QueueMemo: pages that start where earlier ones ended', () => {
  const { db, replica } = openReplica(folder.path);
  for (let n = 0; n < 600; n++) replica.applyListing(listingNo(n));
  replica.flags.refreshPriceFlags();
  const page = (list: (typeof LISTS)[number], offset: number, memo?: QueueMemo) =>
    queuePage(db, parseQueueQuery({ ...list, offset, limit: 9 } as ModerationQueueQuery), context, 'fastest', memo);

  it('reads every page as OFFSET does, forwards, back and jumping, for each sort and filter', () => {
    const memo = new QueueMemo();
    let rows = 0;
    for (const list of LISTS) {
      for (const offset of OFFSETS) {
        const remembered = page(list, offset, memo);
        expect(remembered, JSON.stringify({ list, offset })).toEqual(page(list, offset));
        rows += remembered.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(LISTS.length * 40);
  });

  it('starts a later page from the last key of the one before, and counts a list once while the cache is unchanged', () => {
    const memo = new QueueMemo();
    const { db: watched, prepared } = recordingPrepares(db);
    const list = { queue: 'pending', sort: 'oldest', category: 'second_hand' } as const;
    const read = (offset: number) => queuePage(watched, parseQueueQuery({ ...list, offset, limit: 9 }), context, 'fastest', memo);
    read(0);
    expect(prepared.filter((sql) => sql.includes('@afterId'))).toHaveLength(0);
    read(9);
    read(18);
    expect(prepared.filter((sql) => sql.includes('@afterId'))).toHaveLength(2);
    expect(prepared.filter((sql) => sql.includes('count(*)'))).toHaveLength(1);
  });

  it('forgets what it knew when the queues change, on its own connection or in a feed page on another; not for a poll that found nothing', () => {
    const memo = new QueueMemo();
    const list = { queue: 'pending', sort: 'oldest' } as const;
    for (const offset of [0, 9, 18, 27]) page(list, offset, memo);
    // Listings from the first pages leave the queue: every later page moves up.
    const [first, second, third] = page(list, 0).rows;
    replica.applyListing({ ...listingNo(Number(first!.id.slice(4))), id: first!.id, status: 'rejected', version: 2 });
    expect(page(list, 27, memo)).toEqual(page(list, 27));
    expect(page(list, 18, memo).total).toBe(page(list, 18).total);

    // The sync's writer is another connection, as the worker's is.
    const { db: writerDb, replica: writer } = openReplica(folder.path);
    const commit = (changes: PageToCommit['changes'], cursor: string) => {
      const write = writer.beginPage({ changes, quarantined: [], cursor, at: new Date('2026-11-25T12:00:00Z') });
      write.applySlice(Number.POSITIVE_INFINITY);
      write.finish();
    };
    try {
      for (const offset of [0, 9, 18, 27]) page(list, offset, memo);
      const rejected = [second!, third!].map((row, n) => ({
        entityType: 'listing' as const, id: row.id, version: 3, op: 'upsert' as const,
        record: { ...listingNo(Number(row.id.slice(4))), id: row.id, status: 'rejected' as const, version: 3, createdAt: row.createdAt, title: `已下架 ${n}` },
      }));
      commit(rejected, 'c_1');
      for (const offset of [27, 36, 18]) expect(page(list, offset, memo), String(offset)).toEqual(page(list, offset));

      // The price pass, on the writer's connection too: the flag it takes away leaves the flag's list.
      const priced = { queue: 'pending', sort: 'oldest', flag: 'price_far_below_median' } as const;
      expect(page(priced, 0, memo).total).toBeGreaterThan(0);
      writer.flags.replacePriceFlags({ from: '', until: null, flags: [] });
      expect(page(priced, 0, memo).total).toBe(0);

      // A poll with nothing in it commits its cursor and time: what the memo holds still stands, and is used.
      page(list, 36, memo);
      commit([], 'c_1');
      const generation = () => db.prepare('SELECT queue_generation FROM sync_state').pluck().get();
      const before = generation();
      commit([], 'c_1');
      expect(generation()).toBe(before);
      const { db: watched, prepared } = recordingPrepares(db);
      const next = queuePage(watched, parseQueueQuery({ ...list, offset: 45, limit: 9 }), context, 'fastest', memo);
      expect(next).toEqual(page(list, 45));
      expect(prepared.some((sql) => sql.includes('@afterId'))).toBe(true);
      expect(prepared.some((sql) => sql.includes('count(*)'))).toBe(false);
    } finally {
      writerDb.close();
    }
  });
});
