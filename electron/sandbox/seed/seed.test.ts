import { describe, expect, it } from 'vitest';
import { Listing, ListingReport, PlatformUser } from '../../../shared/platform/entities';
import { seedWorld, type PlantedViolation, type SeedListing, type SeedOptions, type SeedReport, type SeedUser } from '.';

const anchor = new Date('2026-11-29T00:00:00Z');
const anchorDate = anchor.toISOString().slice(0, 10);
const DAY = 86_400_000;
const options: SeedOptions = { seed: 1, listings: 5000, anchor };

function take<T>(rows: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const row of rows) {
    if (out.length === n) break;
    out.push(row);
  }
  return out;
}

// One world shared by the read-only checks below; generation is deterministic, so this is safe.
const world = seedWorld(options);
const users: SeedUser[] = [...world.users()];
const listings: SeedListing[] = [...world.listings()];
const reports: SeedReport[] = [...world.reports()];
const userById = new Map(users.map((u) => [u.id, u]));
const listingById = new Map(listings.map((l) => [l.id, l]));
const text = (l: SeedListing) => `${l.title}\n${l.body}`;
const isClean = (l: SeedListing) => l.planted.length === 0;

/** Undo the evasions a moderator's filter has to see through: odd digits, separators between digits. */
const DIGIT_FORMS: readonly string[] = ['０１２３４５６７８９', '⓪①②③④⑤⑥⑦⑧⑨', '零幺二三四五六七八九', '〇一二三四五六七八九', '零壹贰叁肆伍陆柒捌玖'];
function normaliseDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const form = DIGIT_FORMS.find((f) => f.includes(ch));
    out += form === undefined ? ch : String(form.indexOf(ch));
  }
  return out.replace(/(\d)[\s\-.*/、_]+(?=\d)/g, '$1');
}
const revealsPhone = (s: string) => /1[3-9]\d{9}/.test(normaliseDigits(s));
const revealsQq = (s: string) => /(qq|扣扣|q号|企鹅号)\D{0,3}\d{8,10}/i.test(normaliseDigits(s));
const revealsWechat = (s: string) => /(加v|加薇|威信|微\s信|vx|v信|＋v|薇信|wx)[:：\s]?[a-z][a-z0-9_]{3,}/i.test(s);

const PAYMENT_WORDS = ['先付定金', '先付订金', '定金', '订金', '保证金', '押金转账', '转账', '私下交易', '微信转账', '支付宝转我', '先交培训费', '培训费'];
const PROHIBITED_WORDS = ['仿真枪', '管制刀具', '穿山甲', '处方药', '代开发票', '假证', '银行卡出售', '手机卡实名出售', '烟花爆竹', '野生'];
const CONTACT_WORDS = ['加V', '加薇', '威信', '微 信', 'vx', 'VX', 'QQ', '扣扣'];
const VIOLATIONS: readonly PlantedViolation[] = ['contact_in_text', 'off_platform_payment', 'prohibited_item', 'price_too_low', 'near_duplicate'];

describe('seedWorld determinism', () => {
  it('gives byte-identical users, listings and reports for the same options', () => {
    const a = seedWorld(options);
    const b = seedWorld({ ...options, anchor: new Date(anchor.getTime()) });
    expect(JSON.stringify(take(a.listings(), 2000))).toBe(JSON.stringify(take(b.listings(), 2000)));
    expect(JSON.stringify(take(a.users(), 2000))).toBe(JSON.stringify(take(b.users(), 2000)));
    expect(JSON.stringify([...a.reports()])).toBe(JSON.stringify([...b.reports()]));
  });

  it('gives a different world for a different seed', () => {
    const other = seedWorld({ ...options, seed: 2 });
    const mine = take(world.listings(), 200);
    const theirs = take(other.listings(), 200);
    expect(JSON.stringify(theirs)).not.toBe(JSON.stringify(mine));
    expect(theirs.filter((l, i) => l.title === mine[i]?.title).length).toBeLessThan(40);
    expect(take(other.users(), 50).map((u) => u.phone)).not.toEqual(take(world.users(), 50).map((u) => u.phone));
  });

  it('can iterate every sequence again, including the same iterable twice', () => {
    const again = seedWorld(options);
    const listingRun = again.listings();
    expect(JSON.stringify(take(listingRun, 300))).toBe(JSON.stringify(take(listingRun, 300)));
    expect(JSON.stringify(take(again.users(), 300))).toBe(JSON.stringify(take(again.users(), 300)));
    expect(JSON.stringify([...again.reports()])).toBe(JSON.stringify([...again.reports()]));
  });

  it('handles tiny and empty worlds', () => {
    const empty = seedWorld({ ...options, listings: 0 });
    expect(empty.userCount).toBe(20);
    expect([...empty.listings()]).toEqual([]);
    expect([...empty.reports()]).toEqual([]);
    const tiny = [...seedWorld({ ...options, listings: 7 }).listings()];
    expect(tiny.map((l) => l.id)).toEqual(['lst_00000001', 'lst_00000002', 'lst_00000003', 'lst_00000004', 'lst_00000005', 'lst_00000006', 'lst_00000007']);
  });
});

describe('seeded users', () => {
  it('has about one user per four listings, ids in order', () => {
    expect(world.userCount).toBe(Math.max(20, Math.ceil(options.listings / 4)));
    expect(users).toHaveLength(world.userCount);
    expect(users[0]?.id).toBe('usr_0000001');
    expect(users.every((u, i) => u.id === `usr_${String(i + 1).padStart(7, '0')}`)).toBe(true);
  });

  it('uses valid, unique mainland mobile numbers', () => {
    expect(users.every((u) => /^1[3-9]\d{9}$/.test(u.phone))).toBe(true);
    expect(new Set(users.map((u) => u.phone)).size).toBe(users.length);
  });

  it('fits the platform contract and keeps dates in order before the anchor', () => {
    for (const u of users) {
      PlatformUser.parse({ ...u, phoneMasked: `${u.phone.slice(0, 3)}****${u.phone.slice(7)}`, strikes: 0, restrictedUntil: null, version: 1, updatedAt: u.registeredAt });
      const registered = Date.parse(u.registeredAt);
      expect(registered).toBeLessThan(anchor.getTime() - DAY + 1000);
      expect(registered).toBeGreaterThan(anchor.getTime() - 5 * 366 * DAY);
      if (u.lastLoginAt !== null) {
        expect(Date.parse(u.lastLoginAt)).toBeGreaterThanOrEqual(registered);
        expect(Date.parse(u.lastLoginAt)).toBeLessThan(anchor.getTime());
      }
      for (const s of u.riskSignals) expect(Date.parse(s.at)).toBeLessThan(anchor.getTime());
    }
  });

  it('flags a minority of accounts with risk signals and a few as restricted', () => {
    const risky = users.filter((u) => u.riskSignals.length > 0).length / users.length;
    expect(risky).toBeGreaterThan(0.05);
    expect(risky).toBeLessThan(0.12);
    const kinds = new Set(users.flatMap((u) => u.riskSignals.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['failed_login_burst', 'new_region', 'shared_device', 'shared_phone']);
    for (const status of ['warned', 'suspended', 'banned'] as const) expect(users.some((u) => u.status === status)).toBe(true);
    expect(users.filter((u) => u.status === 'active').length / users.length).toBeGreaterThan(0.9);
  });
});

describe('seeded listings', () => {
  it('covers all six categories and all eleven Guangzhou districts', () => {
    expect(new Set(listings.map((l) => l.category)).size).toBe(6);
    expect([...new Set(listings.map((l) => l.district))].sort()).toEqual(
      ['从化区', '南沙区', '增城区', '天河区', '海珠区', '番禺区', '白云区', '花都区', '荔湾区', '越秀区', '黄埔区'].sort(),
    );
    expect(listings.every((l) => l.city === '广州市')).toBe(true);
    // Central districts dominate.
    const count = (d: string) => listings.filter((l) => l.district === d).length;
    expect(count('天河区')).toBeGreaterThan(count('从化区') * 4);
  });

  it('references existing sellers and valid contact phones, usually the seller’s own', () => {
    expect(listings.every((l) => userById.has(l.sellerId))).toBe(true);
    expect(listings.every((l) => /^1[3-9]\d{9}$/.test(l.contactPhone))).toBe(true);
    const own = listings.filter((l) => userById.get(l.sellerId)?.phone === l.contactPhone).length;
    expect(own / listings.length).toBeGreaterThan(0.8);
  });

  it('fits the platform Listing contract, with short titles and non-empty bodies', () => {
    for (const l of listings) {
      expect(l.title.length).toBeGreaterThan(0);
      expect(l.title.length).toBeLessThanOrEqual(60);
      expect(l.body.length).toBeGreaterThan(0);
      expect(l.imageCount).toBeGreaterThanOrEqual(0);
      expect(l.imageCount).toBeLessThanOrEqual(6);
      Listing.parse({
        ...l,
        contactPhoneMasked: `${l.contactPhone.slice(0, 3)}****${l.contactPhone.slice(7)}`,
        images: Array.from({ length: l.imageCount }, (_, i) => `/media/listings/${l.id}/${i}.svg`),
        escalated: false,
        version: 1,
      });
    }
  });

  it('prices by category the way the platform quotes them', () => {
    for (const l of listings) {
      if (l.category === 'jobs') expect(l.priceUnit).toBe('month');
      if (l.category === 'used_cars' && !l.planted.includes('price_too_low')) {
        expect(l.priceFen).toBeGreaterThanOrEqual(3_000_000);
        expect(l.priceFen).toBeLessThanOrEqual(30_000_000);
      }
      if (l.category !== 'local_services') expect(l.priceFen).not.toBeNull();
    }
    expect(listings.some((l) => l.category === 'local_services' && l.priceFen === null)).toBe(true);
    expect(listings.filter((l) => l.category === 'housing').every((l) => l.priceUnit === 'month' || l.priceUnit === 'item')).toBe(true);
  });

  it('keeps statuses to the seeded five, expiring only past the display date', () => {
    const statuses = new Map<string, number>();
    for (const l of listings) statuses.set(l.status, (statuses.get(l.status) ?? 0) + 1);
    expect([...statuses.keys()].sort()).toEqual(['expired', 'pending', 'published', 'rejected', 'removed']);
    for (const l of listings.filter((x) => x.status === 'expired')) expect(l.displayUntil < anchorDate).toBe(true);
    const share = (s: string) => (statuses.get(s) ?? 0) / listings.length;
    expect(share('pending')).toBeGreaterThan(0.22);
    expect(share('pending')).toBeLessThan(0.38);
    expect(share('published')).toBeGreaterThan(0.42);
  });

  it('dates every listing within the 90 days before the anchor, after its seller registered', () => {
    for (const l of listings) {
      const created = Date.parse(l.createdAt);
      const updated = Date.parse(l.updatedAt);
      expect(created).toBeLessThan(anchor.getTime());
      expect(created).toBeGreaterThanOrEqual(anchor.getTime() - 90 * DAY);
      expect(updated).toBeGreaterThanOrEqual(created);
      expect(updated).toBeLessThan(anchor.getTime());
      expect(created).toBeGreaterThan(Date.parse(userById.get(l.sellerId)?.registeredAt ?? ''));
      const days = l.category === 'jobs' || l.category === 'housing' ? 30 : 60;
      expect(l.displayUntil).toBe(new Date(created + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10));
    }
  });
});

describe('planted violations', () => {
  const withKind = (kind: PlantedViolation) => listings.filter((l) => l.planted.includes(kind));

  it('plants each kind in at least 1% of listings and some violation in about 18%', () => {
    for (const kind of VIOLATIONS) expect(withKind(kind).length).toBeGreaterThanOrEqual(listings.length * 0.01);
    const share = listings.filter((l) => !isClean(l)).length / listings.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.24);
  });

  it('writes a real contact into every contact_in_text listing, in many disguises', () => {
    const planted = withKind('contact_in_text');
    for (const l of planted) expect(revealsPhone(text(l)) || revealsQq(text(l)) || revealsWechat(text(l)), text(l)).toBe(true);
    const seen = (pattern: RegExp) => planted.filter((l) => pattern.test(text(l))).length;
    expect(seen(/[０-９]{3}/)).toBeGreaterThan(0);
    expect(seen(/[⓪①-⑨]{3}/)).toBeGreaterThan(0);
    expect(seen(/[零〇幺一二三四五六七八九]{11}/)).toBeGreaterThan(0);
    expect(seen(/[零壹贰叁肆伍陆柒捌玖]{11}/)).toBeGreaterThan(0);
    expect(seen(/\d[-. *]\d{4}[-. *]\d{4}|\d([-.*/、_ ])\d\1\d\1\d/)).toBeGreaterThan(0);
    expect(seen(/(加V|加v|加薇|威信|V信|薇信)/)).toBeGreaterThan(0);
    expect(seen(/(vx|VX|wx)[ :：]/)).toBeGreaterThan(0);
    expect(seen(/(QQ|qq|扣扣)/)).toBeGreaterThan(0);
  });

  it('names the payment move or the prohibited item in the text', () => {
    for (const l of withKind('off_platform_payment')) expect(PAYMENT_WORDS.some((w) => text(l).includes(w)), text(l)).toBe(true);
    for (const l of withKind('prohibited_item')) {
      expect(['second_hand', 'pets', 'local_services']).toContain(l.category);
      expect(PROHIBITED_WORDS.some((w) => text(l).includes(w)), text(l)).toBe(true);
    }
  });

  it('prices bait listings far below what their category usually asks', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const bait = withKind('price_too_low');
    const farBelow = bait.filter((l) => {
      const peers = listings.filter((p) => isClean(p) && p.category === l.category && p.priceUnit === l.priceUnit && p.priceFen !== null);
      return (l.priceFen ?? Infinity) <= 0.5 * median(peers.map((p) => p.priceFen ?? 0));
    });
    expect(farBelow.length / bait.length).toBeGreaterThan(0.85);
  });

  it('groups near-duplicates into reposts by one seller with one contact phone and nearly the same text', () => {
    const bigrams = (s: string) => new Set(Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2)));
    const similarity = (a: string, b: string) => {
      const x = bigrams(a);
      const y = bigrams(b);
      let shared = 0;
      for (const g of x) if (y.has(g)) shared++;
      return shared / Math.max(1, Math.min(x.size, y.size));
    };
    const dupes = withKind('near_duplicate');
    for (const l of dupes) {
      const twins = dupes.filter(
        (o) => o.id !== l.id && o.sellerId === l.sellerId && o.contactPhone === l.contactPhone && o.category === l.category && similarity(text(o), text(l)) > 0.6,
      );
      expect(twins.length, l.id).toBeGreaterThanOrEqual(1);
      expect(twins.length).toBeLessThanOrEqual(4);
      expect(twins.some((o) => o.body !== l.body || o.title !== l.title || o.priceFen !== l.priceFen)).toBe(true);
    }
  });

  it('keeps clean listings free of phone-like digit runs, contact markers and flagged words', () => {
    for (const l of listings.filter(isClean)) {
      const t = text(l);
      expect(/[0-9０-９]{7,}/.test(t), t).toBe(false);
      expect(revealsPhone(t), t).toBe(false);
      for (const word of [...PAYMENT_WORDS, ...PROHIBITED_WORDS, ...CONTACT_WORDS]) expect(t.includes(word), `${word} in ${t}`).toBe(false);
    }
  });
});

describe('seeded reports', () => {
  it('come at about one per 25 listings, mostly on planted listings, with matching reasons', () => {
    expect(reports.length).toBeGreaterThan(listings.length / 40);
    expect(reports.length).toBeLessThan(listings.length / 15);
    const onPlanted = reports.filter((r) => !isClean(listingById.get(r.listingId) as SeedListing));
    expect(onPlanted.length / reports.length).toBeGreaterThan(0.6);
    const matching = onPlanted.filter((r) => {
      const planted = (listingById.get(r.listingId) as SeedListing).planted;
      return (
        (r.reason === 'contact_in_text' && planted.includes('contact_in_text')) ||
        (r.reason === 'fraud' && (planted.includes('off_platform_payment') || planted.includes('price_too_low'))) ||
        (r.reason === 'prohibited_item' && planted.includes('prohibited_item')) ||
        (r.reason === 'duplicate' && planted.includes('near_duplicate')) ||
        (r.reason === 'misleading_price' && planted.includes('price_too_low'))
      );
    });
    expect(matching.length / onPlanted.length).toBeGreaterThan(0.75);
  });

  it('are filed by other existing users, once each, while the listing was visible', () => {
    const perListing = new Map<string, Set<string>>();
    reports.forEach((r, i) => {
      ListingReport.parse({ ...r, version: 1 });
      expect(r.id).toBe(`rpt_${String(i + 1).padStart(8, '0')}`);
      const listing = listingById.get(r.listingId);
      expect(listing).toBeDefined();
      expect(userById.has(r.reporterId)).toBe(true);
      expect(r.reporterId).not.toBe(listing?.sellerId);
      expect(r.note.length).toBeGreaterThan(0);
      expect(Date.parse(r.createdAt)).toBeGreaterThan(Date.parse(listing?.createdAt ?? ''));
      expect(Date.parse(r.createdAt)).toBeLessThan(anchor.getTime());
      expect(['pending', 'rejected']).not.toContain(listing?.status);
      const reporters = perListing.get(r.listingId) ?? new Set<string>();
      expect(reporters.has(r.reporterId)).toBe(false);
      perListing.set(r.listingId, reporters.add(r.reporterId));
    });
    const piles = [...perListing.values()].map((s) => s.size);
    expect(Math.max(...piles)).toBeGreaterThan(1);
    expect(Math.max(...piles)).toBeLessThanOrEqual(6);
  });
});
