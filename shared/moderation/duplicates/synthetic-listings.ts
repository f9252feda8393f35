import { districts, emoji, fillers, phonePrefixes, phrasesByCategory, places, wordSwaps, type CategoryPhrases } from './synthetic-phrases';
import type { DuplicateCandidate } from './types';

/**
 * Deterministic synthetic listings with planted reposts, for the duplicate finder's tests and
 * benchmarks: the same seed gives the same listings on every machine.
 */

export type Random = () => number;

/** mulberry32: a seeded PRNG, so failures reproduce. */
export function seededRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, options: readonly T[]): T {
  const chosen = options[Math.floor(random() * options.length)];
  if (chosen === undefined) throw new RangeError('nothing to pick from');
  return chosen;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = swap;
  }
  return copy;
}

const categoryNames = Object.keys(phrasesByCategory);
const priceRanges: Record<string, [number, number]> = {
  second_hand: [50, 3000], housing: [900, 6500], jobs: [4000, 9000], local_services: [50, 400], used_cars: [3, 25], pets: [200, 3000],
};

/** Titles run ~15 characters: the pitch plus where or how. */
const titleTails = ['，{d}{place}', '（{d}）个人', '，{place}附近', '，{d}可看', '，价格{p}'];

export function syntheticPhone(random: Random): string {
  return `${pick(random, phonePrefixes)}****${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
}

/** Title and body of a fresh listing in a random category, about 15 + 100 characters. */
export function syntheticText(random: Random): { title: string; body: string } {
  const category = pick(random, categoryNames);
  const phrases = phrasesByCategory[category] as CategoryPhrases;
  const [low, high] = priceRanges[category] ?? [10, 1000];
  const price = Math.round(low + random() * (high - low));
  const chosen: Record<string, string> = {
    d: pick(random, districts), place: pick(random, places), p: String(price), q: String(price + 500 + Math.round(random() * 2000)),
  };
  for (const [slot, options] of Object.entries(fillers)) chosen[slot] = pick(random, options);
  const fill = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      if (slot === 'n') return String(2 + Math.floor(random() * 60));
      if (slot === 'y') return String(2015 + Math.floor(random() * 10));
      return chosen[slot] ?? '';
    });
  const details = shuffled(random, phrases.details).slice(0, 11 + Math.floor(random() * 4)).map(fill);
  return {
    title: fill(`${pick(random, phrases.titles)}${pick(random, titleTails)}`),
    body: `${[fill(pick(random, phrases.openings)), ...details, fill(pick(random, phrases.closings))].join('，')}。`,
  };
}

export const repostEdits = ['swap_word', 'punctuation', 'price', 'full_width', 'emoji_spaces'] as const;
export type RepostEdit = (typeof repostEdits)[number];

const toFullWidth = (text: string): string => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The small edit a reposter makes to slip past an exact-match filter. */
export function applyRepostEdit(text: { title: string; body: string }, edit: RepostEdit, random: Random): { title: string; body: string } {
  const { title, body } = text;
  switch (edit) {
    case 'swap_word': {
      const usable = wordSwaps.flatMap(([x, y]) => [[x, y], [y, x]]).filter(([from]) => body.includes(from ?? '\u0000'));
      if (usable.length === 0) return { title: `急！${title}`, body };
      const [from, to] = pick(random, usable);
      return { title, body: body.replace(from ?? '', to ?? '') };
    }
    case 'punctuation':
      return { title: `【${title}】`, body: body.replace(/，/g, pick(random, ['、', '！', ' ', ',', '～'])).replace(/。$/, '！！') };
    case 'price': {
      const runs = [...body.matchAll(/\d+/g)];
      const last = runs[runs.length - 1];
      if (!last || last.index === undefined) return { title, body: `${body}价格可谈` };
      const changed = Math.max(1, Math.round(Number(last[0]) * (0.75 + random() * 0.2)));
      return { title, body: body.slice(0, last.index) + String(changed) + body.slice(last.index + last[0].length) };
    }
    case 'full_width':
      return { title: toFullWidth(title), body: toFullWidth(body) };
    case 'emoji_spaces':
      return { title: `${pick(random, emoji)} ${title} ${pick(random, emoji)}`, body: body.replace(/，/g, (c) => (random() < 0.3 ? ` ${c} ` : c)) + pick(random, emoji) };
  }
}

export interface SyntheticSample {
  listings: DuplicateCandidate[];
  /** Ids of each planted repost group (the original and its reposts). */
  plantedGroups: string[][];
  /** Listings of different sellers, with unrelated text, given the same masked phone. */
  collidingPhones: [string, string][];
}

/**
 * `count` listings, `plantedGroups` of them groups of 2–4 reposts (one or two edits each from
 * the original; mostly the same seller and phone, sometimes a new account). Every other
 * listing has its own seller.
 */
export function syntheticListings(count: number, options: { seed?: number; plantedGroups?: number; collidingPhones?: number } = {}): SyntheticSample {
  const random = seededRandom(options.seed ?? 20_250_301);
  const start = Date.parse('2025-03-01T00:00:00Z');
  type Draft = Omit<DuplicateCandidate, 'id'> & { group: number };
  const drafts: Draft[] = [];
  const draftAt = (offsetMs: number): string => new Date(start + Math.round(offsetMs / 1000) * 1000).toISOString();
  for (let g = 0; g < (options.plantedGroups ?? 0) && drafts.length < count; g++) {
    const original = syntheticText(random);
    const sellerId = `usr_planted_${g}`;
    const phone = syntheticPhone(random);
    const bornAt = random() * 60 * 86_400_000;
    drafts.push({ ...original, sellerId, contactPhoneMasked: phone, createdAt: draftAt(bornAt), group: g });
    const reposts = 1 + Math.floor(random() * 3);
    for (let r = 1; r <= reposts && drafts.length < count; r++) {
      let text = applyRepostEdit(original, pick(random, repostEdits), random);
      if (random() < 0.4) text = applyRepostEdit(text, pick(random, repostEdits), random);
      const account = random();
      drafts.push({
        ...text,
        sellerId: account < 0.7 ? sellerId : `usr_planted_${g}_${r}`,
        contactPhoneMasked: account < 0.85 ? phone : syntheticPhone(random),
        createdAt: draftAt(bornAt + r * random() * 7 * 86_400_000),
        group: g,
      });
    }
  }
  while (drafts.length < count) {
    const n = drafts.length;
    drafts.push({ ...syntheticText(random), sellerId: `usr_${n}`, contactPhoneMasked: syntheticPhone(random), createdAt: draftAt(random() * 90 * 86_400_000), group: -1 });
  }
  const listings = shuffled(random, drafts).map((draft, i) => ({ draft, id: `lst_${String(i + 1).padStart(6, '0')}` }));
  const plantedGroups: string[][] = [];
  for (const { draft, id } of listings) if (draft.group >= 0) (plantedGroups[draft.group] ??= []).push(id);

  const background = listings.filter(({ draft }) => draft.group < 0);
  const collidingPhones: [string, string][] = [];
  for (let c = 0; c + 1 < background.length && c < 2 * (options.collidingPhones ?? 0); c += 2) {
    const first = background[c];
    const second = background[c + 1];
    if (!first || !second) break;
    second.draft.contactPhoneMasked = first.draft.contactPhoneMasked;
    collidingPhones.push([first.id, second.id]);
  }
  return {
    listings: listings.map(({ draft: { group: _group, ...fields }, id }) => ({ id, ...fields })),
    plantedGroups: plantedGroups.filter((group) => group.length > 0),
    collidingPhones,
  };
}
