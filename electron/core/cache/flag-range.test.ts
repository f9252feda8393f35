import { afterAll, describe, expect, it } from 'vitest';
import type { FlagKind, QueueKind } from '../../../shared/ipc/moderation-views';
import { seededRandom } from '../../../shared/moderation/duplicates/synthetic-listings';
import type { Listing } from '../../../shared/platform/entities';
import { openReplica, recordingPrepares } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { SideConnection } from '../storage/side-connection';
import { parseQueueQuery, queuePage, type QueuePlan } from './moderation-queue';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** Text that the shipped rules flag: two payment rules share a kind, so a listing can hold two rows of one kind. */
const TRIGGERS = ['加微信 desk2026 详聊', '先付定金再看房', '私下交易更便宜', '出仿真枪一把'];
const FLAG_KINDS: FlagKind[] = ['contact_in_text', 'off_platform_payment', 'prohibited_item', 'price_far_below_median'];
const random = seededRandom(13);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function randomListing(n: number, version = 1): Listing {
  const text = TRIGGERS.filter(() => random() < 0.35).join('，');
  return {
    id: `lst_${String(n).padStart(4, '0')}`, sellerId: 'usr_00001', category: pick(['second_hand', 'housing'] as const), title: `折叠自行车 ${text}`,
    body: '天河区自提', priceFen: pick([5_000, 30_000, 31_000, 32_000, 33_000]), priceUnit: 'item', city: '广州市', district: pick(['天河区', '海珠区']),
    contactPhoneMasked: '135****7162', images: [], status: pick(['pending', 'pending', 'published', 'rejected'] as const), escalated: random() < 0.15,
    displayUntil: '2026-12-30', version,
    // Few distinct times, so ties are broken by id.
    createdAt: `2026-11-${pick(['10', '15', '19', '20'])}T0${pick(['1', '2'])}:00:00.000Z`, updatedAt: '2026-11-20T02:00:00.000Z',
  };
}

describe('a queue filtered by flag, read from the flag rows', () => {
  const { db, replica } = openReplica(folder.path);
  const listings = Array.from({ length: 400 }, (_, n) => randomListing(n));
  for (const listing of listings) replica.applyListing(listing);
  replica.flags.refreshPriceFlags();
  const context = { now: new Date('2026-11-21T12:00:00Z'), staffId: '', undecided: ['lst_0003', 'lst_0010', 'lst_0042'] };

  /** Every flag filter the moderator can set on the two queues the flag rows serve, in both plans. */
  function compareEveryFilter() {
    const { db: watched, prepared } = recordingPrepares(db);
    let compared = 0;
    let nonEmpty = 0;
    for (const queue of ['pending', 'flagged'] as QueueKind[]) {
      for (const flag of FLAG_KINDS) {
        for (const place of [{}, { category: 'second_hand' }, { district: '海珠区' }, { category: 'housing', district: '天河区' }]) {
          for (const sort of ['oldest', 'newest'] as const) {
            for (const minAgeHours of [undefined, 48]) {
              for (const offset of [0, 5]) {
                const query = parseQueueQuery({ queue, flag, ...place, sort, minAgeHours, offset, limit: 7 } as never);
                const page = (plan: QueuePlan) => queuePage(watched, query, context, plan);
                const fast = page('fastest');
                expect(fast, JSON.stringify(query)).toEqual(page('listings'));
                compared += 1;
                if (fast.rows.length > 0) nonEmpty += 1;
              }
            }
          }
        }
      }
    }
    // Not a comparison of two empty answers, and the flag rows did answer.
    expect(nonEmpty).toBeGreaterThan(compared / 2);
    expect(prepared.some((sql) => sql.includes('INDEXED BY listing_flags_pending_by_place'))).toBe(true);
    expect(prepared.some((sql) => sql.includes('INDEXED BY listing_flags_open '))).toBe(true);
  }

  it('gives the same pages and totals as the listings table, over every flag filter', () => {
    compareEveryFilter();
  });

  it('still does after listings are decided, escalated, moved, re-dated and dismissed, and after a price pass beside', async () => {
    // Edits of every fact a flag row repeats: status, escalation, place, creation time, text.
    for (const listing of listings.filter((_, n) => n % 3 === 0)) {
      const edited = randomListing(Number(listing.id.slice(4)), 2);
      replica.applyListing({ ...edited, title: random() < 0.5 ? listing.title : edited.title });
    }
    for (const [n, rule] of [[7, 'contact.wechat'], [11, 'price.below_median'], [23, 'payment.transfer']] as const) {
      replica.recordFlagFeedback({ id: `fb_${n}`, listingId: listings[n]!.id, rule, verdict: 'false_positive', staffId: 'stf_1', staffName: '陈审核', at: '2026-11-21T00:00:00.000Z' });
    }
    compareEveryFilter();
    const side = new SideConnection(db, () => undefined);
    try {
      await replica.flags.refreshPriceFlagsBeside(side, 16);
    } finally {
      side.close();
    }
    compareEveryFilter();
    // Every flag row repeats its listing as it is now.
    expect(db.prepare(`SELECT count(*) FROM listing_flags f JOIN listings l ON l.id = f.listing_id
      WHERE f.listing_status IS NOT l.status OR f.escalated IS NOT l.escalated OR f.listing_created_at IS NOT l.created_at
        OR f.category IS NOT l.category OR f.district IS NOT l.district`).pluck().get()).toBe(0);
  });
});
