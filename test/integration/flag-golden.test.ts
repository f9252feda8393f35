import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shippedFlagRules } from '../../electron/core/cache/listing-flags';
import { seedWorld, type SeedListing } from '../../electron/sandbox/seed';
import keywords from '../../resources/moderation/flag-keywords.json';
import { maskPhone } from '../../shared/masking';
import { flagListing, type FlaggableListing, type ListingFlag } from '../../shared/moderation/flags';
import { categories, type Listing } from '../../shared/platform/entities';

/**
 * The text-flag rules' output frozen over a large, fixed input, so work on how they run (they
 * sit on the sync's write path) cannot change what they find. Three inputs: the sandbox's
 * seeded listings, every status, as the sync hands them over; the planted ones re-spelled the
 * ways evaders re-spell (full-width, traditional, circled and Chinese digits, invisible marks,
 * pried-apart words), since the seed writes each evasion one way only; and random texts built
 * from the keyword lists' own fragments, which hit the edges (overlaps, negations, except
 * phrases, touching spans) no hand-written listing does.
 *
 * The hash is over JSON.stringify as the store writes it (listing-flags.ts persists spans and
 * detail that way), so a change in key order counts as a change too. It lives here, not beside
 * listing-flags.ts, because the core may not import the sandbox's seed. When a rule or the
 * keyword lists change on purpose, re-run with UPDATE_FLAG_GOLDEN=1 to print the new values.
 */

const SEED = 20261129;
const ANCHOR = new Date(Date.UTC(2026, 10, 29));
const SEEDED = 20_000;
const FUZZED = 6_000;

/** As test/bench/cache-data.ts (and the sync) turn a seed listing into a contract Listing. */
function listingRecord(seed: SeedListing): Listing {
  return {
    id: seed.id, sellerId: seed.sellerId, category: seed.category, title: seed.title, body: seed.body,
    priceFen: seed.priceFen, priceUnit: seed.priceUnit, city: seed.city, district: seed.district,
    contactPhoneMasked: maskPhone(seed.contactPhone),
    images: Array.from({ length: seed.imageCount }, (_, i) => `/media/listings/${seed.id}/${i + 1}.svg`),
    status: seed.status, escalated: false, displayUntil: seed.displayUntil, version: 1,
    createdAt: seed.createdAt, updatedAt: seed.updatedAt,
  };
}

const mapChars = (text: string, map: (ch: string) => string) => [...text].map(map).join('');
const toTraditional = new Map(Object.entries(keywords.characterFolds).map(([traditional, simplified]) => [simplified, traditional]));
const CIRCLED = '⓪①②③④⑤⑥⑦⑧⑨';
const FORMAL = '零壹贰叁肆伍陆柒捌玖';

/** How evaders re-spell a listing; each keeps its meaning to a reader. */
const RESPELLINGS: Record<string, (text: string) => string> = {
  fullWidth: (t) => mapChars(t, (ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch === ' ' ? '\u3000' : ch)),
  traditional: (t) => mapChars(t, (ch) => toTraditional.get(ch) ?? ch),
  upper: (t) => t.toUpperCase(),
  circled: (t) => mapChars(t, (ch) => (ch >= '0' && ch <= '9' ? CIRCLED.charAt(Number(ch)) : ch)),
  formal: (t) => mapChars(t, (ch) => (ch >= '0' && ch <= '9' ? FORMAL.charAt(Number(ch)) : ch)),
  invisible: (t) => mapChars(t, (ch) => (ch.charCodeAt(0) % 3 === 0 ? `${ch}\u200b` : ch)),
  pried: (t) => mapChars(t, (ch) => (ch.charCodeAt(0) % 4 === 1 ? `${ch}.` : ch)),
  emoji: (t) => mapChars(t, (ch) => (ch === '，' ? '👉' : ch === '。' ? '🔥️' : ch)),
};

/** Deterministic, so the fuzzed texts are the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fragments(): string[] {
  const groups: { phrases: string[]; except?: string[] }[] = [...Object.values(keywords.payment), ...Object.values(keywords.prohibited)];
  return [
    ...groups.flatMap((g) => [...g.phrases, ...(g.except ?? [])]),
    ...keywords.paymentNegations, ...Object.values(keywords.contact).flat(), ...Object.keys(keywords.characterFolds),
    '13812345678', '138 1234 5678', '020-8765 4321', '１３８', '①③⑧', '一三八一二三四五六七八', '幺', '〇', '12345', '2019',
    'gz_chen88', 'li888', 'apple', 'vintage', 'tv', '10k', '同号', '：', ':', ' ', '  ', '-', '.', '*', '·', '/', '_', '~', '|', '(',
    '，', '。', '！', '\n', '\u200b', '\ufe0f', '👍', '𠀀', 'Ａ', '九成新', '天河区', '面交', '自提', '价格', '不', '先', '付', '金', '枪',
  ];
}

function fuzzedListing(random: () => number, pieces: readonly string[], categories: readonly Listing['category'][]): FlaggableListing {
  const text = (count: number) => Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)]).join('');
  return {
    title: text(1 + Math.floor(random() * 6)), body: text(Math.floor(random() * 24)),
    category: categories[Math.floor(random() * categories.length)] ?? 'second_hand', priceFen: null, priceUnit: 'item',
  };
}

interface Golden {
  listings: number;
  sha256: string;
  flagsPerRule: Record<string, number>;
}

function goldenOf(inputs: Iterable<[string, FlaggableListing]>): Golden {
  const rules = shippedFlagRules();
  const hash = createHash('sha256');
  const flagsPerRule: Record<string, number> = {};
  let listings = 0;
  for (const [label, listing] of inputs) {
    const flags: ListingFlag[] = flagListing(rules, listing, { medianPriceFen: null });
    hash.update(`${label}\t${JSON.stringify(flags)}\n`);
    for (const f of flags) flagsPerRule[f.rule] = (flagsPerRule[f.rule] ?? 0) + 1;
    listings++;
  }
  const sorted = Object.fromEntries(Object.entries(flagsPerRule).sort(([a], [b]) => a.localeCompare(b)));
  return { listings, sha256: hash.digest('hex'), flagsPerRule: sorted };
}

function* seeded(): Generator<[string, FlaggableListing]> {
  for (const seed of seedWorld({ seed: SEED, listings: SEEDED, anchor: ANCHOR }).listings()) yield [seed.id, listingRecord(seed)];
}

function* respelled(): Generator<[string, FlaggableListing]> {
  for (const seed of seedWorld({ seed: SEED, listings: SEEDED, anchor: ANCHOR }).listings()) {
    if (seed.planted.length === 0 && !seed.id.endsWith('7')) continue;
    const record = listingRecord(seed);
    for (const [name, respell] of Object.entries(RESPELLINGS)) {
      yield [`${seed.id}/${name}`, { ...record, title: respell(record.title), body: respell(record.body) }];
    }
  }
}

function* fuzzed(): Generator<[string, FlaggableListing]> {
  const random = mulberry32(SEED);
  const pieces = fragments();
  for (let i = 0; i < FUZZED; i++) yield [`fuzz${i}`, fuzzedListing(random, pieces, categories)];
}

const EXPECTED: Record<'seeded' | 'respelled' | 'fuzzed', Golden> = {
  seeded: {
    listings: 20_000,
    sha256: '97a88302335b7a825516b2b43a3d6a65889ff070246cbfcb00618680809ef5fc',
    flagsPerRule: {
      'contact.phone': 735, 'contact.qq': 101, 'contact.wechat': 344,
      'payment.deposit': 499, 'payment.job_fee': 89, 'payment.transfer': 530,
      'prohibited.documents': 142, 'prohibited.drugs': 67, 'prohibited.financial': 111, 'prohibited.fireworks': 53,
      'prohibited.weapon': 94, 'prohibited.wildlife': 114,
    },
  },
  respelled: {
    listings: 39_528,
    sha256: '774a69e4a609cbe68118cf216a3a1240b3ba05de3b84a04d8ca2eb45b79a076d',
    flagsPerRule: {
      'contact.phone': 5861, 'contact.qq': 725, 'contact.wechat': 2379,
      'payment.deposit': 3992, 'payment.job_fee': 712, 'payment.transfer': 4240,
      'prohibited.documents': 1136, 'prohibited.drugs': 536, 'prohibited.financial': 888, 'prohibited.fireworks': 424,
      'prohibited.weapon': 752, 'prohibited.wildlife': 912,
    },
  },
  fuzzed: {
    listings: 6_000,
    sha256: '6b16e63dba95252121c6b3ac00aba829b903c10cad13fbe9a8fc63206e1f9870',
    flagsPerRule: {
      'contact.landline': 240, 'contact.phone': 687, 'contact.qq': 9, 'contact.wechat': 67,
      'payment.deposit': 2485, 'payment.job_fee': 336, 'payment.transfer': 2939,
      'prohibited.documents': 2251, 'prohibited.drugs': 2788, 'prohibited.financial': 3116, 'prohibited.fireworks': 1427,
      'prohibited.tobacco': 1540, 'prohibited.weapon': 2985, 'prohibited.wildlife': 3527,
    },
  },
};

describe('the text-flag rules, frozen', () => {
  const inputs = { seeded, respelled, fuzzed };
  it.each(Object.keys(inputs) as (keyof typeof inputs)[])('flag %s listings exactly as before', (name) => {
    const golden = goldenOf(inputs[name]());
    if (process.env.UPDATE_FLAG_GOLDEN) console.log(name, JSON.stringify(golden));
    expect(golden).toEqual(EXPECTED[name]);
  });
});
