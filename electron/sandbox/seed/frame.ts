import { shanghaiYear } from './calendar';
import { hashKey } from './random';
import type { SeedOptions } from './index';

/** The fixed facts of one seeded world, worked out once and read by every record. */
export interface SeedFrame {
  seed: number;
  anchorMs: number;
  anchorYear: number;
  listingCount: number;
  userCount: number;
  /** Scrambles the user-index → phone mapping per seed while keeping it collision-free. */
  phoneOffset: number;
}

export function frameOf(options: SeedOptions): SeedFrame {
  const listingCount = Math.max(0, Math.floor(options.listings));
  const anchorMs = options.anchor.getTime();
  return {
    seed: options.seed,
    anchorMs,
    anchorYear: shanghaiYear(anchorMs),
    listingCount,
    // A buyer-heavy platform: roughly one account per four ads, never fewer than twenty.
    userCount: Math.max(20, Math.ceil(listingCount / 4)),
    phoneOffset: hashKey(options.seed, 0, 0x7fffffff) % 100_000_000,
  };
}
