import { afterAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/platform/changes';
import type { FlagFeedback, Listing, ListingReport } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { SideConnection } from '../storage/side-connection';
import { parseQueueQuery, queueRows } from './moderation-queue';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const listing = (id: string, patch: Partial<Listing> = {}): Listing => ({
  id, sellerId: 'usr_00001', category: 'second_hand', title: '九成新书桌 自提', body: '天河区自提', priceFen: 20_000, priceUnit: 'item',
  city: '广州市', district: '天河区', contactPhoneMasked: '135****7162', images: [], status: 'pending', escalated: false,
  displayUntil: '2026-12-30', version: 1, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z', ...patch,
});
const report = (id: string, listingId: string, createdAt: string, version = 1): ListingReport =>
  ({ id, listingId, reporterId: 'usr_00009', reason: 'fraud', note: '', createdAt, version });
const feedback = (id: string, listingId: string, rule: string): FlagFeedback =>
  ({ id, listingId, rule, verdict: 'false_positive', staffId: 'stf_1', staffName: '陈审核', at: '2026-11-21T00:00:00.000Z' });

const upsert = (entityType: Change['entityType'], record: { id: string; version?: number }): Change =>
  ({ entityType, id: record.id, version: record.version ?? 1, op: 'upsert', record } as Change);
const remove = (entityType: Change['entityType'], id: string): Change => ({ entityType, id, version: 9, op: 'delete', record: null } as Change);

describe('the counts each listing carries for the reported and flagged queues', () => {
  const { db, replica } = openReplica(folder.path);
  let page = 0;
  const commit = (...changes: Change[]) => replica.commitPage(changes, [], `c${(page += 1)}`, new Date('2026-11-21T00:00:00Z'));
  const counts = (id: string) =>
    db.prepare('SELECT report_count AS reports, first_reported_at AS firstReportedAt, open_flags AS flags FROM listings WHERE id = ?').get(id);
  const queue = (kind: 'reported' | 'flagged') =>
    queueRows(db, parseQueueQuery({ queue: kind }), { now: new Date('2026-11-21T00:00:00Z'), staffId: '', undecided: [] }).map((r) => r.id);
  /** What the pending queue's row shows of a listing's reports and open flags (read only where its counts say so). */
  const shown = (id: string) => {
    const row = queueRows(db, parseQueueQuery({ queue: 'pending', limit: 500 }), { now: new Date('2026-11-21T00:00:00Z'), staffId: '', undecided: [] }).find((r) => r.id === id);
    return row && { reasons: row.reportReasons, flags: row.flags };
  };
  /** Every listing's counts against a recount from the source rows. */
  const drift = () => db.prepare(`
    SELECT l.id FROM listings l WHERE l.report_count IS NOT (SELECT count(*) FROM reports r WHERE r.listing_id = l.id)
      OR l.first_reported_at IS NOT (SELECT min(created_at) FROM reports r WHERE r.listing_id = l.id)
      OR l.open_flags IS NOT (SELECT count(*) FROM listing_flags f WHERE f.listing_id = l.id
        AND NOT EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule))`).pluck().all();

  it('counts reports that arrive before their listing, after it, moved to another listing, and deleted', () => {
    commit(upsert('report', report('rpt_1', 'lst_1', '2026-11-05T00:00:00.000Z')));
    commit(upsert('listing', listing('lst_1')));
    expect(counts('lst_1')).toEqual({ reports: 1, firstReportedAt: '2026-11-05T00:00:00.000Z', flags: 0 });
    commit(upsert('report', report('rpt_2', 'lst_1', '2026-11-04T00:00:00.000Z')), upsert('listing', listing('lst_2')));
    expect(counts('lst_1')).toMatchObject({ reports: 2, firstReportedAt: '2026-11-04T00:00:00.000Z' });
    expect(queue('reported')).toEqual(['lst_1']);
    commit(upsert('report', report('rpt_2', 'lst_2', '2026-11-04T00:00:00.000Z', 2)));
    expect(counts('lst_1')).toMatchObject({ reports: 1, firstReportedAt: '2026-11-05T00:00:00.000Z' });
    expect(counts('lst_2')).toMatchObject({ reports: 1, firstReportedAt: '2026-11-04T00:00:00.000Z' });
    expect(queue('reported')).toEqual(['lst_2', 'lst_1']);
    expect(shown('lst_1')).toEqual({ reasons: ['fraud'], flags: [] });
    commit(remove('report', 'rpt_1'));
    expect(counts('lst_1')).toMatchObject({ reports: 0, firstReportedAt: null });
    expect(shown('lst_1')).toEqual({ reasons: [], flags: [] });
    expect(queue('reported')).toEqual(['lst_2']);
    expect(drift()).toEqual([]);
  });

  it('counts flags as the rules write them, dismissals from here and from the feed, and a listing decided', () => {
    commit(upsert('listing', listing('lst_3', { title: '九成新书桌 加微信 desk2026 详聊' })));
    expect(counts('lst_3')).toMatchObject({ flags: 1 });
    expect(queue('flagged')).toEqual(['lst_3']);
    expect(shown('lst_3')).toEqual({ reasons: [], flags: ['contact_in_text'] });
    const [rule] = replica.flags.flagsOf('lst_3').map((f) => f.rule);
    replica.recordFlagFeedback(feedback('fb_1', 'lst_3', rule!));
    expect(counts('lst_3')).toMatchObject({ flags: 0 });
    expect(shown('lst_3')).toEqual({ reasons: [], flags: [] });
    expect(queue('flagged')).toEqual([]);
    commit(remove('flag_feedback', 'fb_1'));
    expect(counts('lst_3')).toMatchObject({ flags: 1 });
    commit(upsert('flag_feedback', feedback('fb_2', 'lst_3', rule!)));
    expect(counts('lst_3')).toMatchObject({ flags: 0 });
    commit(remove('flag_feedback', 'fb_2'), upsert('listing', listing('lst_3', { title: '九成新书桌 自提', version: 2 })));
    expect(counts('lst_3')).toMatchObject({ flags: 0 });
    commit(upsert('listing', listing('lst_3', { title: '九成新书桌 微信 deskdesk99', version: 3 })));
    expect(queue('flagged')).toEqual(['lst_3']);
    commit(upsert('listing', listing('lst_3', { title: '九成新书桌 微信 deskdesk99', status: 'removed', version: 4 })));
    expect(counts('lst_3')).toMatchObject({ flags: 0 });
    expect(drift()).toEqual([]);
  });

  it('counts the price flags the after-sync pass swaps in and takes away', async () => {
    const prices = [300, 320, 340, 360, 380, 30];
    commit(...prices.map((yuan, i) => upsert('listing', listing(`lst_p${i}`, { title: `折叠自行车 ${i}`, priceFen: yuan * 100 }))));
    const side = new SideConnection(db, () => undefined);
    try {
      await replica.flags.refreshPriceFlagsBeside(side, 2);
      expect(counts('lst_p5')).toMatchObject({ flags: 1 });
      commit(upsert('listing', listing('lst_p5', { title: '折叠自行车 5', priceFen: 35_000, version: 2 })));
      await replica.flags.refreshPriceFlagsBeside(side, 2);
      expect(counts('lst_p5')).toMatchObject({ flags: 0 });
    } finally {
      side.close();
    }
    replica.flags.refreshPriceFlags();
    expect(drift()).toEqual([]);
  });
});
