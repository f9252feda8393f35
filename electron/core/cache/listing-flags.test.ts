import { afterAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../../shared/platform/entities';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { SideConnection } from '../storage/side-connection';
import { parseQueueQuery, queueRows } from './moderation-queue';

const folder = temporaryFolder();
afterAll(() => folder.remove());

let serial = 0;
function secondHand(title: string, yuan: number): Listing {
  serial += 1;
  return {
    id: `lst_${String(serial).padStart(5, '0')}`, sellerId: 'usr_00001', category: 'second_hand', title, body: '九成新，天河区自提',
    priceFen: yuan * 100, priceUnit: 'item', city: '广州市', district: '天河区', contactPhoneMasked: '135****7162', images: [],
    status: 'pending', escalated: false, displayUntil: '2026-12-30', version: 1,
    createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z',
  };
}

describe('the below-median price flag in the cache', () => {
  const { db, replica } = openReplica(folder.path);
  const flagOf = (id: string) => replica.flags.flagsOf(id).find((f) => f.rule === 'price.below_median');

  it('compares a phone with phones, not with the cheap bicycles of its category', () => {
    for (const yuan of [2300, 2600, 2900, 3900, 5200]) replica.applyListing(secondHand(`iPhone ${yuan}`, yuan));
    for (const yuan of [280, 300, 320, 350, 900, 260, 310]) replica.applyListing(secondHand('折叠自行车', yuan));
    const bait = secondHand('iPhone 15 Pro 256G 全新未拆', 300);
    const bike = secondHand('折叠自行车 自用', 300);
    replica.applyListing(bait);
    replica.applyListing(bike);
    replica.flags.refreshPriceFlags();
    // The category-wide median (about 350 yuan) would have passed the 300-yuan iPhone.
    // The six phones' median (lower middle, the bait included) is 2,600 yuan.
    expect(flagOf(bait.id)?.detail).toMatchObject({ group: 'phone', median: 260_000, percentBelow: 88 });
    expect(flagOf(bike.id)).toBeUndefined();
  });

  it('swaps in the same flags through the side connection, a range of ids at a time, dropping stale ones', async () => {
    for (let i = 0; i < 40; i += 1) replica.applyListing(secondHand(`折叠自行车 ${i}`, i % 4 === 0 ? 50 : 300 + i));
    replica.flags.refreshPriceFlags();
    const all = () => db.prepare("SELECT listing_id, detail FROM listing_flags WHERE rule = 'price.below_median' ORDER BY listing_id").all();
    const expected = all();
    expect(expected.length).toBeGreaterThan(8);
    // A flag the prices no longer support, and one missing: the swap must fix both.
    db.prepare("DELETE FROM listing_flags WHERE rule = 'price.below_median' AND listing_id = ?").run((expected[3] as { listing_id: string }).listing_id);
    db.prepare("INSERT INTO listing_flags (listing_id, rule, kind, spans, detail) VALUES ('lst_00001', 'price.below_median', 'price_far_below_median', '[]', '{}')").run();
    const side = new SideConnection(db, () => undefined);
    try {
      await replica.flags.refreshPriceFlagsBeside(side, 3);
    } finally {
      side.close();
    }
    expect(all()).toEqual(expected);
  });

  it('keeps each flag where its listing is, so the flag filter of a place finds it', () => {
    const contact = { ...secondHand('九成新书桌 加微信 xianyu2026 详聊', 200), district: '天河区' };
    replica.applyListing(contact);
    const found = (district: string) =>
      queueRows(db, parseQueueQuery({ queue: 'pending', category: 'second_hand', district, flag: 'contact_in_text' }), { now: new Date('2026-11-21T00:00:00Z'), staffId: '', undecided: [] })
        .map((r) => r.id);
    expect(found('天河区')).toContain(contact.id);
    replica.applyListing({ ...contact, district: '海珠区', version: 2 });
    expect(found('天河区')).not.toContain(contact.id);
    expect(found('海珠区')).toContain(contact.id);
    expect(db.prepare('SELECT DISTINCT district FROM listing_flags WHERE listing_id = ?').all(contact.id)).toEqual([{ district: '海珠区' }]);
  });

  it('writes only what an edit changed, and keeps every listing\'s open-flag count equal to its flags', async () => {
    const desk = { ...secondHand('九成新书桌 加微信 desk2026 详聊', 260), district: '越秀区' };
    replica.applyListing(desk);
    const row = () => db.prepare('SELECT title, price_fen, district, version FROM listings WHERE id = ?').get(desk.id);
    const changes = () => db.prepare('SELECT total_changes() AS n').pluck().get() as number;
    // A replay of the same version writes nothing at all.
    const before = changes();
    replica.applyListing(desk);
    expect(changes()).toBe(before);
    // A price cut: the row changes, the text flag stays as it was.
    const flagsBefore = replica.flags.flagsOf(desk.id).filter((f) => f.rule !== 'price.below_median');
    replica.applyListing({ ...desk, priceFen: 20_000, version: 2 });
    expect(row()).toEqual({ title: desk.title, price_fen: 20_000, district: '越秀区', version: 2 });
    expect(replica.flags.flagsOf(desk.id).filter((f) => f.rule !== 'price.below_median')).toEqual(flagsBefore);
    // An older version that arrives late changes nothing.
    replica.applyListing({ ...desk, title: '旧标题', version: 1 });
    expect(row()).toMatchObject({ title: desk.title, version: 2 });
    // The contact removed: its flag goes; a new one in the text: a flag comes.
    replica.applyListing({ ...desk, title: '九成新书桌 自提', priceFen: 20_000, version: 3 });
    expect(replica.flags.flagsOf(desk.id).filter((f) => f.kind === 'contact_in_text')).toEqual([]);
    replica.applyListing({ ...desk, title: '九成新书桌 微信 deskdesk99', priceFen: 20_000, version: 4 });
    expect(replica.flags.flagsOf(desk.id).map((f) => f.kind)).toContain('contact_in_text');
    replica.flags.refreshPriceFlags();
    const side = new SideConnection(db, () => undefined);
    try {
      await replica.flags.refreshPriceFlagsBeside(side, 4);
    } finally {
      side.close();
    }
    const drift = db.prepare(`SELECT l.id, l.open_flags, (SELECT count(*) FROM listing_flags f WHERE f.listing_id = l.id
        AND NOT EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule)) AS flags
      FROM listings l WHERE l.open_flags IS NOT flags`).all();
    expect(drift).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM listings WHERE open_flags > 0').pluck().get()).toBeGreaterThan(5);
  });

  it('groups listings cached before groups existed when the cache opens', () => {
    db.prepare('UPDATE listings SET price_group = NULL').run();
    expect(replica.flags.groupUngroupedListings()).toBe(56);
    expect(db.prepare("SELECT price_group, count(*) AS n FROM listings GROUP BY price_group ORDER BY price_group").all()).toEqual([
      { price_group: '', n: 2 },
      { price_group: 'bicycle', n: 48 },
      { price_group: 'phone', n: 6 },
    ]);
    expect(replica.flags.groupUngroupedListings()).toBe(0);
    db.close();
  });
});
