import { cacheMigrations, tuneCacheConnection } from '../../electron/core/cache/migrations';
import { cacheFile } from '../../electron/core/session/account-files';
import { openMigrated, type SqliteDb } from '../../electron/core/storage/migrations';
import { TEST_ANCHOR } from '../fixtures/sandbox';
import type { BenchContext } from './benchmark';
import { BENCH_SEED } from './data';
import { syncedCore, syncedFolder } from './synced-core';
import { existsSync } from 'node:fs';

/** The seed and "now" of the bench data: queue ages are counted from the seed's anchor. */
export const SEED = BENCH_SEED;
export const ANCHOR = TEST_ANCHOR;

/**
 * The cache the read benchmarks (queue page, search, clustering) query: the one the core wrote
 * in the initial-sync row, over HTTP from the seeded platform — the very file a console would
 * hold, flags, price flags and text index included. Building a second 1M cache for them cost
 * more than the whole suite's budget.
 */
export async function openBenchCache(context: BenchContext): Promise<SqliteDb> {
  // --reuse-cache: iterating on a read row without paying for the 1M sync again.
  const kept = cacheFile(syncedFolder(context));
  const file = context.reuseCache && existsSync(kept) ? kept : cacheFile((await syncedCore(context)).folder);
  const db = openMigrated(file, cacheMigrations, 'bench cache');
  // The console's own connection settings (its 64 MB page cache): the rows time its reads as it does them.
  tuneCacheConnection(db);
  return db;
}
