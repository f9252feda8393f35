import { shippedFlagRules } from '../../electron/core/cache/listing-flags';
import { seedWorld } from '../../electron/sandbox/seed';
import { flagListing, type FlaggableListing } from '../../shared/moderation/flags';
import { ANCHOR, SEED } from './cache-data';

/**
 * What the text-flag rules cost per listing, alone: the sync runs them on every listing it
 * writes, so they have to stay well under the ~50 µs a raw SQLite insert takes. Not a
 * *.bench.ts (the runner would pick it up); run it by hand, ideally on a quiet machine:
 *
 *   npx tsx test/bench/flag-rules.probe.ts [listings=50000]
 *
 * The listings are made before the clock starts; one untimed pass warms the JIT and the
 * compiled rules, then the median of three passes is printed, for all listings and for the
 * two subsets that behave differently (clean ones, the common case, and ones with a plant).
 */

const count = Number(process.argv[2] ?? 50_000);
const PASSES = 3;

const all: FlaggableListing[] = [];
const planted: FlaggableListing[] = [];
const clean: FlaggableListing[] = [];
for (const seed of seedWorld({ seed: SEED, listings: count, anchor: ANCHOR }).listings()) {
  const listing: FlaggableListing = { title: seed.title, body: seed.body, category: seed.category, priceFen: seed.priceFen, priceUnit: seed.priceUnit };
  all.push(listing);
  (seed.planted.length > 0 ? planted : clean).push(listing);
}

const rules = shippedFlagRules();
let flags = 0;

function microsecondsPerListing(listings: readonly FlaggableListing[]): number {
  const started = performance.now();
  for (const listing of listings) flags += flagListing(rules, listing, { medianPriceFen: null }).length;
  return ((performance.now() - started) * 1000) / listings.length;
}

function median(listings: readonly FlaggableListing[]): number {
  const times = Array.from({ length: PASSES }, () => microsecondsPerListing(listings)).sort((a, b) => a - b);
  return times[Math.floor(PASSES / 2)] ?? Number.NaN;
}

microsecondsPerListing(all);
const rows: [string, number, number][] = [
  ['all', all.length, median(all)],
  ['clean', clean.length, median(clean)],
  ['planted', planted.length, median(planted)],
];
for (const [name, n, us] of rows) console.log(`${name.padEnd(8)} ${String(n).padStart(7)} listings  ${us.toFixed(2).padStart(7)} µs/listing`);
// Printed so the passes cannot be optimised away, and as a sanity check between runs.
console.log(`flags found: ${flags}`);
