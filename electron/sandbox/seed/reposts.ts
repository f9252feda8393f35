import { stepFor } from './draft';
import type { SeedFrame } from './frame';
import { Stream, streamOf, weighted, type Rng } from './random';

/**
 * Near-duplicate clusters: one original and 1–4 reposts by the same seller a little later.
 * Listings are grouped into fixed blocks and each block's clusters are drawn from the block's
 * own stream, so any listing can tell whether it is a repost (and of what) without a scan.
 */
const BLOCK = 40;
/** About 3% of listings end up in a cluster: 0.35 × (1 original + 2.5 reposts) / 40. */
const CLUSTER_RATE = 0.35;
const pickRepostCount = weighted([[1, 30], [2, 30], [3, 25], [4, 15]] as const);

export interface RepostCluster {
  root: number;
  /** Ascending listing indices, all inside the world. */
  reposts: number[];
}

export function clusterAround(frame: SeedFrame, index: number): RepostCluster | null {
  const block = Math.floor(index / BLOCK);
  const rng = streamOf(frame.seed, Stream.repostCluster, block);
  if (!rng.chance(CLUSTER_RATE)) return null;
  const base = block * BLOCK;
  const rootSlot = rng.int(0, BLOCK / 2 - 1);
  const count = pickRepostCount(rng);
  const reposts: number[] = [];
  while (reposts.length < count) {
    const candidate = base + rng.int(rootSlot + 1, BLOCK - 1);
    if (!reposts.includes(candidate)) reposts.push(candidate);
  }
  reposts.sort((a, b) => a - b);
  // The last block may be cut short by the world's size; a cluster needs an original and a repost.
  const inWorld = reposts.filter((i) => i < frame.listingCount);
  if (inWorld.length === 0) return null;
  return { root: base + rootSlot, reposts: inWorld };
}

/** Edits a seller makes when reposting to dodge a duplicate filter: a swapped word, punctuation, "【急】". */
const TITLE_SWAPS: readonly (readonly [string, string])[] = [
  ['转让', '出售'], ['出租', '招租'], ['低价', '便宜'], ['九成新', '95新'], ['急招', '诚聘'],
  ['个人一手', '一手车'], ['拎包入住', '随时入住'], ['可小刀', '价可议'], ['找新家', '寻主人'], ['上门', '到家'],
];
const BODY_SWAPS: readonly (readonly [string, string])[] = [
  ['可以', '可'], ['很', '非常'], ['大概', '约'], ['所以', '就'], ['同城', '广州同城'], ['价格', '价钱'],
];
const TITLE_PREFIXES = ['【急】', '【再发】', '【置顶】', '重发 ', '【降价】', '【实图】'];

/** Titles stay within what the moderation list shows in one line. */
const TITLE_LIMIT = 60;

export interface RepostText {
  title: string;
  body: string;
  priceFen: number | null;
}

/** `range` keeps an honest price inside its category's band (cars stay within 3万–30万). */
export function editRepost(rng: Rng, original: RepostText, lowPrice: boolean, range: readonly [number, number] | null): RepostText {
  return {
    title: editTitle(rng, original.title),
    body: editBody(rng, original.body),
    priceFen: original.priceFen === null ? null : nudgePrice(rng, original.priceFen, lowPrice, range),
  };
}

function swapFirst(text: string, swaps: readonly (readonly [string, string])[], start: number): string | null {
  for (let k = 0; k < swaps.length; k++) {
    const [from, to] = swaps[(start + k) % swaps.length] as readonly [string, string];
    if (text.includes(from)) return text.replace(from, to);
  }
  return null;
}

function editTitle(rng: Rng, title: string): string {
  const swapped = rng.chance(0.6) ? swapFirst(title, TITLE_SWAPS, rng.int(0, TITLE_SWAPS.length - 1)) : null;
  if (swapped !== null && swapped.length <= TITLE_LIMIT) return swapped;
  const prefix = rng.pick(TITLE_PREFIXES);
  if (title.length + prefix.length <= TITLE_LIMIT) return prefix + title;
  return title.endsWith('！') ? title.slice(0, -1) : `${title.slice(0, TITLE_LIMIT - 1)}！`;
}

function editBody(rng: Rng, body: string): string {
  let edited = body;
  if (rng.chance(0.6)) edited = swapFirst(edited, BODY_SWAPS, rng.int(0, BODY_SWAPS.length - 1)) ?? edited;
  // Swap one full stop for an exclamation mark or a comma, the commonest repost fidget.
  const stop = edited.indexOf('。');
  if (stop >= 0 && (edited === body || rng.chance(0.5))) {
    edited = edited.slice(0, stop) + (rng.chance(0.6) ? '！' : '，') + edited.slice(stop + 1);
  }
  return edited === body ? `${body}欢迎咨询。` : edited;
}

function nudgePrice(rng: Rng, priceFen: number, lowPrice: boolean, range: readonly [number, number] | null): number {
  if (rng.chance(0.3)) return priceFen;
  const yuan = priceFen / 100;
  const step = stepFor(yuan);
  // A bait price only ever drifts down, so it stays a bait price.
  const factor = lowPrice ? rng.between(0.85, 1) : rng.between(0.93, 1.07);
  const nudged = lowPrice ? Math.floor((yuan * factor) / step) * step : Math.round((yuan * factor) / step) * step;
  const fen = Math.max(step, nudged) * 100;
  return lowPrice || range === null ? fen : Math.min(range[1], Math.max(range[0], fen));
}
