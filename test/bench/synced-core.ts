import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSandbox } from '../../electron/sandbox/server';
import { startSandbox } from '../../electron/sandbox/server';
import { cacheFile } from '../../electron/core/session/account-files';
import type { BenchContext } from './benchmark';
import { BENCH_PASSWORD, BENCH_SEED, BENCH_USERNAME, listingCount, startBenchSandbox } from './data';
import { TEST_ANCHOR } from '../fixtures/sandbox';
import type { SyncReport } from './sync-child';
import { forkSyncProcess, type SyncProcess } from './sync-process';

/**
 * A core that did its initial sync of the whole platform, kept for the rest of the run: the
 * event-loop and memory rows are measured during and after that same sync, and the incremental
 * row catches up from where it ended. Whichever benchmark comes first pays for it, so each one
 * also works alone (--only).
 */
export interface SyncedCore {
  sandbox: RunningSandbox;
  core: SyncProcess;
  folder: string;
  initial: SyncReport;
}

let shared: Promise<SyncedCore> | null = null;

export const syncedFolder = (context: BenchContext) => join(context.workDir, 'core-synced');
const syncedPlatformDir = (context: BenchContext) => join(context.workDir, 'platform-synced');

/**
 * --reuse-cache: the core and platform an earlier --keep-data run left synced, opened as they
 * are (the platform's own copy, edits included, and the cache whose cursor matches it), for
 * iterating on a row that needs a synced core without paying for the 1M sync again. Null if
 * there is none.
 */
export async function keptSyncedCore(context: BenchContext): Promise<Omit<SyncedCore, 'initial'> | null> {
  const folder = syncedFolder(context);
  const platformDir = syncedPlatformDir(context);
  if (!context.reuseCache || !existsSync(cacheFile(folder)) || !existsSync(join(platformDir, 'platform.sqlite'))) return null;
  const sandbox = await startSandbox({
    dataDir: platformDir, port: 0, listings: listingCount(context), seed: BENCH_SEED, anchor: TEST_ANCHOR,
    staffPassword: BENCH_PASSWORD, validateResponses: false,
  });
  const core = await forkSyncProcess();
  // Whatever the kept platform has beyond the cache's cursor is caught up first, untimed.
  await core.sync({ folder, platformUrl: sandbox.url, username: BENCH_USERNAME, password: BENCH_PASSWORD });
  return { sandbox, core, folder };
}

/**
 * The synced platform and a consistent copy of the core's cache for another console to open:
 * the kept pair with --reuse-cache, else this run's. The copy goes through SQLite's backup,
 * so the core may stay open beside it.
 */
export async function copySyncedCache(context: BenchContext, to: (platformUrl: string) => string): Promise<{ platformUrl: string; release(): Promise<void> }> {
  const kept = await keptSyncedCore(context);
  const { sandbox, core, folder } = kept ?? (await syncedCore(context));
  const source = new Database(cacheFile(folder), { readonly: true });
  try {
    await source.backup(to(sandbox.url));
  } finally {
    source.close();
  }
  return {
    platformUrl: sandbox.url,
    release: async () => {
      if (!kept) return;
      await core.close();
      await sandbox.close();
    },
  };
}

export function syncedCore(context: BenchContext): Promise<SyncedCore> {
  shared ??= (async () => {
    const sandbox = await startBenchSandbox(context, 'platform-synced');
    const folder = syncedFolder(context);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const core = await forkSyncProcess();
    context.log('initial sync of the whole platform into an empty cache …');
    const initial = await core.sync({ folder, platformUrl: sandbox.url, username: BENCH_USERNAME, password: BENCH_PASSWORD });
    context.log(`synced ${initial.changes.toLocaleString('en')} changes in ${initial.seconds.toFixed(1)} s (${initial.cpuSeconds.toFixed(1)} s of CPU, ${initial.writtenMb.toFixed(0)} MB written)`);
    return { sandbox, core, folder, initial };
  })();
  return shared;
}

/** One more initial sync, in a fresh process and cache over its own sandbox: for repeats and variance. */
export async function oneInitialSync(context: BenchContext, name: string): Promise<SyncReport> {
  const sandbox = await startBenchSandbox(context, `platform-${name}`);
  const folder = join(context.workDir, `core-${name}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const core = await forkSyncProcess();
  try {
    return await core.sync({ folder, platformUrl: sandbox.url, username: BENCH_USERNAME, password: BENCH_PASSWORD });
  } finally {
    await core.close();
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(join(context.workDir, `platform-${name}`), { recursive: true, force: true });
  }
}

export async function closeSyncedCore(): Promise<void> {
  if (!shared) return;
  const pending = shared;
  shared = null;
  const synced = await pending.catch(() => null);
  if (!synced) return;
  await synced.core.close();
  await synced.sandbox.close();
}
