import { join } from 'node:path';
import { FaultReport, type FaultPlan } from '../../electron/sandbox/faults/fault-plan';
import { startTestSandbox, temporaryFolder } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';
import { cacheChecksum, platformChecksum } from './checksums';
import { accountDatabase, readDatabase } from './desk-databases';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';
import { startWatchedCore } from './watched-core';

const scales: Record<ChaosScale, { listings: number; deleted: number; edited: number }> = {
  ci: { listings: 2_000, deleted: 40, edited: 20 },
  soak: { listings: 30_000, deleted: 500, edited: 200 },
};
const STAFF = 'mod.chen';

export const feedReset: ChaosScenario = {
  id: 'feed-reset',
  fault: 'the change feed is reset (410 cursor_reset) after listings were deleted and edited with no trace left in the feed',
  mustHold: 'the core resyncs in full: no duplicates, counts and checksum equal the platform, deleted records gone from the cache',
  run: (scale) => feedResetRun(scales[scale]),
};

/**
 * What a platform's feed rebuild leaves behind: listings deleted with their reports and no
 * tombstone in the feed, and listings changed without a feed entry. A console that trusted its
 * old rows would keep both wrong for ever; only a full resync that drops stale rows gets them right.
 */
function rewriteBehindTheFeed(db: Awaited<ReturnType<typeof startTestSandbox>>['db'], deleted: number, edited: number) {
  const unreferenced = db
    .prepare(
      `SELECT id FROM listings WHERE id NOT IN (SELECT listing_id FROM decisions) AND id NOT IN (SELECT listing_id FROM claims)
         AND id NOT IN (SELECT listing_id FROM flag_feedback) ORDER BY id LIMIT ?`,
    )
    .all(deleted + edited) as { id: string }[];
  const gone = unreferenced.slice(0, deleted).map((r) => r.id);
  const changed = unreferenced.slice(deleted).map((r) => r.id);
  db.transaction(() => {
    for (const id of gone) {
      const reports = db.prepare('SELECT id FROM reports WHERE listing_id = ?').all(id) as { id: string }[];
      for (const report of reports) db.prepare("DELETE FROM feed WHERE entity_type = 'report' AND entity_id = ?").run(report.id);
      db.prepare('DELETE FROM reports WHERE listing_id = ?').run(id);
      db.prepare("DELETE FROM feed WHERE entity_type = 'listing' AND entity_id = ?").run(id);
      db.prepare('DELETE FROM listings WHERE id = ?').run(id);
    }
    for (const id of changed) db.prepare("UPDATE listings SET version = version + 1, title = title || '（已更新）' WHERE id = ?").run(id);
  })();
  return { gone, changed };
}

async function feedResetRun(scale: { listings: number; deleted: number; edited: number }): Promise<ChaosResult> {
  const problems: string[] = [];
  const platformDir = temporaryFolder('chaos-platform-');
  const sandbox = await startTestSandbox(platformDir.path, { listings: scale.listings, faults: true, validateResponses: false });
  const core = await startWatchedCore(sandbox.url);
  const faults = (method: string, plan?: FaultPlan) =>
    fetch(`${sandbox.url}/__faults`, { method, headers: { 'content-type': 'application/json' }, body: plan && JSON.stringify(plan) })
      .then((r) => r.json())
      .then((body) => FaultReport.parse(body));
  const cacheFile = () => accountDatabase(core.dataDir, 'cache')!;
  const platformFile = join(platformDir.path, 'platform.sqlite');
  try {
    await core.signIn(STAFF);
    await waitFor(async () => (await core.output('sync:status')).lastSyncedAt, 'the first sync', 60_000);
    const first = cacheChecksum(cacheFile());
    if (first.checksum !== platformChecksum(platformFile).checksum) problems.push('cache ≠ platform after the first sync, before any fault');

    const { gone, changed } = rewriteBehindTheFeed(sandbox.db, scale.deleted, scale.edited);
    // Proof that the row has teeth: without a resync, the cache is now wrong and stays wrong.
    const beforeStatus = await core.output('sync:status');
    await waitFor(async () => (await core.output('sync:status')).lastSyncedAt !== beforeStatus.lastSyncedAt, 'an incremental sync', 10_000);
    if (cacheChecksum(cacheFile()).checksum === platformChecksum(platformFile).checksum) problems.push('the cache matched the rewritten platform without a resync: the row tests nothing');

    const resetAt = Date.now();
    const statusesBefore = core.statuses.length;
    await faults('PUT', { cursorResetOnce: true });
    await waitFor(async () => (await faults('GET')).cursorResets === 1, 'the reset to be served', 10_000);
    const converged = await waitFor(
      async () => (await core.output('sync:status')).phase === 'idle' && cacheChecksum(cacheFile()).checksum === platformChecksum(platformFile).checksum,
      'cache = platform after the reset',
      60_000,
    ).catch(() => false);
    const resyncMs = Date.now() - resetAt;
    const cache = cacheChecksum(cacheFile());
    const platform = platformChecksum(platformFile);
    if (!converged) problems.push(`cache ≠ platform after the resync: cache ${JSON.stringify(cache.counts)}, platform ${JSON.stringify(platform.counts)}`);
    for (const table of ['listings', 'users', 'reports'] as const) {
      if (cache.counts[table] !== platform.counts[table]) problems.push(`${table}: cache ${cache.counts[table]}, platform ${platform.counts[table]}`);
    }
    const { stale, duplicated, oldVersions } = readDatabase(cacheFile(), (db) => ({
      stale: gone.filter((id) => db.prepare('SELECT 1 FROM listings WHERE id = ?').get(id)).length,
      duplicated: (db.prepare('SELECT count(*) AS n FROM (SELECT id FROM listings GROUP BY id HAVING count(*) > 1)').get() as { n: number }).n,
      oldVersions: changed.filter((id) => {
        const row = db.prepare('SELECT version FROM listings WHERE id = ?').get(id) as { version: number } | undefined;
        const truth = sandbox.db.prepare('SELECT version FROM listings WHERE id = ?').get(id) as { version: number };
        return row?.version !== truth.version;
      }).length,
    }));
    if (stale > 0) problems.push(`${stale} listings deleted on the platform are still in the cache`);
    if (duplicated > 0) problems.push(`${duplicated} listing ids appear more than once in the cache`);
    if (oldVersions > 0) problems.push(`${oldVersions} listings edited on the platform kept their old version in the cache`);
    const resynced = core.statuses.slice(statusesBefore).some((s) => s.phase === 'initial');
    if (!resynced) problems.push('no full resync (phase "initial") was reported after the reset');
    if (core.errors.length > 0) problems.push(`IPC callers got errors: ${core.errors.slice(0, 3).map((e) => `${e.channel} → ${e.error.code}`).join(', ')}`);
    const failures = core.logLines.filter((line) => /failed/.test(line));
    if (failures.length > 0) problems.push(`the core logged failures: ${failures.slice(0, 2).join(' | ').slice(0, 400)}`);

    return {
      ok: problems.length === 0,
      measured:
        `${first.counts.listings.toLocaleString('en')} listings synced; ${gone.length} deleted and ${changed.length} edited behind the feed; ` +
        `after one 410 the full resync took ${(resyncMs / 1000).toFixed(1)} s: cache = platform (${cache.rows.toLocaleString('en')} rows, ${cache.checksum.slice(0, 8)}), ` +
        `${stale} stale, ${duplicated} duplicated, ${oldVersions} at old versions`,
      problems,
    };
  } finally {
    await core.close();
    await sandbox.close();
    platformDir.remove();
  }
}
