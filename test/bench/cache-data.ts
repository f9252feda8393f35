import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedWorld, type SeedListing } from '../../electron/sandbox/seed';
import { cacheMigrations } from '../../electron/core/cache/migrations';
import { Replica } from '../../electron/core/cache/replica';
import { listingParams } from '../../electron/core/cache/rows';
import { openMigrated, type SqliteDb } from '../../electron/core/storage/migrations';
import type { Listing } from '../../shared/platform/entities';
import { maskPhone } from '../../shared/masking';
import type { BenchContext } from './benchmark';

/**
 * A core cache holding the sandbox's seeded world, built directly rather than over HTTP: the
 * sandbox's own generator makes the records (realistic Guangzhou listings with planted
 * violations and reports), and they land through Replica.commitPage, the sync's write path —
 * same migrations, indexes, FTS triggers and text flags — followed by the price-flag pass the
 * sync runs after a full pass. Only the HTTP hop and JSON are skipped, so what the benchmarks
 * query is exactly what a synced cache holds. Built once per run folder and reused.
 */

export const SEED = 20261129;
/** Fixed, so the same seed gives the same world (and the same "now" for queue ages) every run. */
export const ANCHOR = new Date(Date.UTC(2026, 10, 29));

export function cacheSize(context: BenchContext): number {
  return context.quick ? 50_000 : 1_000_000;
}

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

/**
 * Listings land through Replica.applyListing (the sync's upsert, price group and text flags)
 * in one transaction, with the FTS trigger dropped and the same trigram index rebuilt in one
 * pass afterwards (~3× faster than row by row). The text-flag rules run only on flaggable
 * listings the seed planted a violation in: running them on all 1M takes ~130 s here, over this
 * suite's budget, and the seed writes its clean listings to flag nothing; the others get the
 * same upsert without the flag pass. Price flags come from the sync's own set-based pass.
 */
function build(file: string, listings: number, log: (line: string) => void): void {
  const started = performance.now();
  const db = openMigrated(file, cacheMigrations, 'bench cache');
  const replica = new Replica(db);
  const world = seedWorld({ seed: SEED, listings, anchor: ANCHOR });
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'listings_fts_insert'").get() as { sql: string };
  db.exec('DROP TRIGGER listings_fts_insert');
  const insert = db.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
    contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at, price_group)
    VALUES (@id, @sellerId, @category, @title, @body, @priceFen, @priceUnit, @city, @district,
    @contactPhoneMasked, @images, @status, @escalated, @displayUntil, @version, @createdAt, @updatedAt, @priceGroup)`);
  const report = db.prepare('INSERT INTO reports (id, listing_id, reporter_id, reason, note, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)');
  db.transaction(() => {
    for (const seed of world.listings()) {
      const record = listingRecord(seed);
      if (seed.planted.length > 0 && (seed.status === 'pending' || seed.status === 'published')) replica.applyListing(record);
      else insert.run({ ...listingParams(record), priceGroup: replica.flags.priceGroupOf(record) });
    }
    for (const r of world.reports()) report.run(r.id, r.listingId, r.reporterId, r.reason, r.note, r.createdAt);
  })();
  db.exec(`INSERT INTO listings_fts (listings_fts) VALUES ('rebuild'); ${trigger.sql};`);
  replica.flags.refreshPriceFlags();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  log(`cache: ${listings.toLocaleString('en')} listings built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The cache file for this run, built on first use (to a temporary name, so a crash leaves no half-built cache). */
export function benchCache(context: BenchContext): string {
  const listings = cacheSize(context);
  const file = join(context.workDir, `core-cache-${listings}.sqlite`);
  if (!existsSync(file)) {
    const partial = `${file}.building`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
    build(partial, listings, context.log);
    renameSync(partial, file);
  }
  return file;
}

/** Opens the cache for reading, migrated as the app opens it. */
export function openBenchCache(context: BenchContext): SqliteDb {
  return openMigrated(benchCache(context), cacheMigrations, 'bench cache');
}

