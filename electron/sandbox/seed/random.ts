/**
 * Seeded randomness for the sandbox world. Every record draws from its own stream, keyed by
 * (seed, stream, index), so record i can be rebuilt on demand without generating 0..i-1 —
 * that is what lets a million listings stream out, and lets a repost re-derive its original.
 */

/** Which part of the world a stream feeds; distinct keys keep the parts independent. */
export const Stream = {
  sellerFacts: 1,
  user: 2,
  sharedDevice: 3,
  listingPlan: 4,
  listingText: 5,
  repostCluster: 6,
  report: 7,
  rights: 8,
  transaction: 9,
} as const;
export type Stream = (typeof Stream)[keyof typeof Stream];

/** murmur3's finaliser: neighbouring keys (index 41, 42) must land on unrelated states. */
function avalanche(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashKey(seed: number, stream: number, index: number): number {
  // Seeds may exceed 32 bits (the CLI takes any whole number), so both halves count.
  const high = Math.floor(seed / 4294967296) >>> 0;
  let h = avalanche((seed >>> 0) ^ Math.imul(stream, 0x9e3779b1));
  h = avalanche(h ^ high ^ 0x632be5ab);
  h = avalanche(h ^ (index >>> 0));
  return avalanche(h + Math.imul(Math.floor(index / 4294967296), 0x27d4eb2f));
}

/** mulberry32: tiny state, fast, and plenty for picking words. Not for anything secret. */
export class Rng {
  private state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Whole number in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** k distinct entries in draw order; lists here are short, so retrying beats shuffling a copy. */
  sample<T>(list: readonly T[], k: number): T[] {
    const want = Math.min(k, list.length);
    const taken: number[] = [];
    const out: T[] = [];
    while (out.length < want) {
      const i = Math.floor(this.next() * list.length);
      if (taken.includes(i)) continue;
      taken.push(i);
      out.push(list[i] as T);
    }
    return out;
  }

  /** A string of n decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(Math.floor(this.next() * 10));
    return out;
  }

  hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }
}

export function streamOf(seed: number, stream: Stream, index: number): Rng {
  return new Rng(hashKey(seed, stream, index));
}

/**
 * A weighted choice compiled once into a cumulative table, so the per-record cost is a short
 * scan rather than re-summing weights.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([value]) => value);
  const bounds: number[] = [];
  let total = 0;
  for (const [, weight] of entries) bounds.push((total += weight));
  return (rng) => {
    const roll = rng.next() * total;
    // Binary search: the phone-prefix table has forty entries and is drawn for every account.
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (roll < (bounds[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}
