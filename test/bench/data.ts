import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../electron/sandbox/server';
import { openPlatformDatabase } from '../../electron/sandbox/store/database';
import { seedPlatform } from '../../electron/sandbox/store/seeding';
import { TEST_ANCHOR, TEST_STAFF_PASSWORD } from '../fixtures/sandbox';
import type { BenchContext } from './benchmark';

/** The size, and the size --quick checks the suite with. */
export const FULL_LISTINGS = 1_000_000;
export const QUICK_LISTINGS = 20_000;
export const BENCH_SEED = 20261129;
/** A moderator: the role whose feed carries listings, users and reports. */
export const BENCH_USERNAME = 'mod.chen';
export const BENCH_PASSWORD = TEST_STAFF_PASSWORD;

export const listingCount = (context: BenchContext) => context.listings ?? (context.quick ? QUICK_LISTINGS : FULL_LISTINGS);

const built = new Map<string, Promise<string>>();

/**
 * The seeded platform database, generated once per work folder and copied for each sandbox
 * that needs it: a benchmark that edits the platform (incremental sync) must not change what
 * the next one starts from, and generating a million listings again costs far more than a copy.
 */
export function pristinePlatform(context: BenchContext): Promise<string> {
  const listings = listingCount(context);
  const file = join(context.workDir, `platform-${listings}.sqlite`);
  let pending = built.get(file);
  if (!pending) {
    pending = (async () => {
      if (existsSync(file)) return file;
      mkdirSync(context.workDir, { recursive: true });
      const started = performance.now();
      const partial = `${file}.partial`;
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
      const db = openPlatformDatabase(partial);
      await seedPlatform(db, { seed: BENCH_SEED, listings, anchor: TEST_ANCHOR });
      // One self-contained file, so a plain copy is a complete platform.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
      db.close();
      copyFileSync(partial, file);
      rmSync(partial, { force: true });
      context.log(`built the platform database: ${listings.toLocaleString('en')} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return file;
    })();
    built.set(file, pending);
  }
  return pending;
}

/** A sandbox over a fresh copy of the seeded platform, in a folder of the work dir named for its user. */
export async function startBenchSandbox(context: BenchContext, name: string): Promise<RunningSandbox> {
  const seedDatabase = await pristinePlatform(context);
  const dataDir = join(context.workDir, name);
  rmSync(dataDir, { recursive: true, force: true });
  return startSandbox({
    dataDir,
    port: 0,
    listings: listingCount(context),
    seed: BENCH_SEED,
    anchor: TEST_ANCHOR,
    staffPassword: BENCH_PASSWORD,
    seedDatabase,
    // The platform checking its own answers is the platform's cost, not the console's.
    validateResponses: false,
  });
}
