import { join } from 'node:path';
import { platformContract } from '../../shared/platform/contract';
import { FaultReport, type FaultPlan } from '../../electron/sandbox/faults/fault-plan';
import { startTestSandbox, temporaryFolder } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';
import { cacheChecksum, platformChecksum } from './checksums';
import { accountDatabase, readDatabase } from './desk-databases';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';
import { chaosSeed } from './seeded-random';
import { startWatchedCore } from './watched-core';

const scales: Record<ChaosScale, { listings: number; decisions: number }> = {
  ci: { listings: 3_000, decisions: 30 },
  soak: { listings: 30_000, decisions: 200 },
};
const STAFF = 'mod.chen';
/**
 * The client waits 15 s by default; the row shortens it so a slow answer costs seconds, not
 * minutes, and makes the slow fault just outlast it, so every slow answer is a timeout.
 */
const CLIENT_TIMEOUT_MS = 1_500;
const SLOW_MS = 2_000;
const RETRY_AFTER_SECONDS = 1;
/** Codes that would mean a transient fault leaked to a caller as a failure of the console. */
const LEAKED = new Set(['internal', 'platform_invalid_response', 'platform_unreachable', 'rate_limited']);

export const networkFaults: ChaosScenario = {
  id: 'network-faults',
  fault: 'about 30 % of platform calls fail: 500, 503, slow past the client timeout, connection reset, 429 with Retry-After',
  mustHold:
    'first sync and every outbox decision complete; cache = platform (checksum); each decision lands exactly once; Retry-After honoured; status degraded, never an error, and healthy again after',
  run: (scale) => networkFaultsRun(scales[scale], chaosSeed()),
};

async function networkFaultsRun(scale: { listings: number; decisions: number }, seed: number): Promise<ChaosResult> {
  const started = Date.now();
  const problems: string[] = [];
  const platformDir = temporaryFolder('chaos-platform-');
  const sandbox = await startTestSandbox(platformDir.path, { listings: scale.listings, faults: true, validateResponses: false });
  const core = await startWatchedCore(sandbox.url, { platformTimeoutMs: CLIENT_TIMEOUT_MS });
  const faults = (method: string, plan?: FaultPlan) =>
    fetch(`${sandbox.url}/__faults`, { method, headers: { 'content-type': 'application/json' }, body: plan && JSON.stringify(plan) })
      .then((r) => r.json())
      .then((body) => FaultReport.parse(body));
  try {
    // Sign-in itself is one try by design (a password is not retried behind the user's back), so
    // the faults start the moment it is through: the whole first sync runs under them.
    const plan: FaultPlan = {
      seed,
      http: {
        share: 0.3,
        kinds: ['status_500', 'status_503', 'slow', 'reset', 'rate_limited'],
        slowMs: SLOW_MS,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        endpoints: Object.keys(platformContract).filter((name) => name !== 'login'),
      },
    };
    await core.signIn(STAFF);
    await faults('PUT', plan);

    // Decisions are made while the first sync is still landing, on listings as they arrive.
    const decided = new Set<string>();
    while (decided.size < scale.decisions) {
      const queue = await core.output('moderation:queue', { limit: 50 });
      const fresh = queue.rows.filter((row) => !decided.has(row.id));
      if (fresh.length === 0) {
        if (Date.now() - started > 120_000) throw new Error(`only ${decided.size} listings reached the queue`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      for (const row of fresh.slice(0, scale.decisions - decided.size)) {
        await core.output('moderation:decide', { listingId: row.id, action: 'approve', reasonCode: null, basedOnVersion: row.version });
        decided.add(row.id);
      }
    }
    const syncDone = await waitFor(
      async () => {
        const status = await core.output('sync:status');
        return status.lastSyncedAt && status.pendingOutbox === 0 ? status : null;
      },
      'the first sync and the outbox under faults',
      240_000,
    );
    const underFaultsMs = Date.now() - started;
    const degradedSeen = core.statuses.filter((s) => s.degraded !== null).length;
    if (degradedSeen === 0) problems.push('sync status never reported degraded while ~30 % of calls failed');

    await faults('DELETE');
    const recoveryStarted = Date.now();
    const healthy = await waitFor(async () => (await core.output('sync:status')).degraded === null, 'degraded to clear', 20_000).catch(() => false);
    if (!healthy) problems.push('degraded did not return to null within 20 s of the faults ending');
    const recoveryMs = Date.now() - recoveryStarted;

    // The feed brings the decisions back; then the cache must be the platform, exactly.
    const cacheFile = accountDatabase(core.dataDir, 'cache')!;
    const platformFile = join(platformDir.path, 'platform.sqlite');
    const converged = await waitFor(() => cacheChecksum(cacheFile).checksum === platformChecksum(platformFile).checksum, 'cache = platform', 20_000).catch(() => false);
    const cache = cacheChecksum(cacheFile);
    const platform = platformChecksum(platformFile);
    if (!converged) problems.push(`cache ≠ platform: cache ${JSON.stringify(cache.counts)} ${cache.checksum.slice(0, 8)}, platform ${JSON.stringify(platform.counts)} ${platform.checksum.slice(0, 8)}`);

    // Exactly once: every key the outbox sent is one decision on the platform.
    const keys = readDatabase(accountDatabase(core.dataDir, 'outbox')!, (db) => db.prepare('SELECT idempotency_key AS key, state FROM outbox').all() as { key: string; state: string }[]);
    const landed = new Map(
      (sandbox.db.prepare('SELECT idempotency_key AS key, count(*) AS n FROM decisions GROUP BY idempotency_key').all() as { key: string; n: number }[]).map((r) => [r.key, r.n]),
    );
    const notOnce = keys.filter((k) => landed.get(k.key) !== 1);
    if (keys.length !== scale.decisions) problems.push(`${keys.length} outbox entries for ${scale.decisions} decisions`);
    if (notOnce.length > 0) problems.push(`${notOnce.length} decisions did not land exactly once: ${notOnce.slice(0, 3).map((k) => `${k.key}×${landed.get(k.key) ?? 0} (${k.state})`).join(', ')}`);
    const undelivered = keys.filter((k) => k.state !== 'delivered');
    if (undelivered.length > 0) problems.push(`${undelivered.length} decisions not delivered: ${undelivered.slice(0, 3).map((k) => k.state).join(', ')}`);

    const report = await faults('GET');
    const early = (report.retriesAfterRateLimit ?? []).filter((r) => r.waitedMs < r.retryAfterMs);
    if (early.length > 0) problems.push(`${early.length} calls came back before their Retry-After: ${early.slice(0, 3).map((r) => `${r.endpoint} after ${r.waitedMs} of ${r.retryAfterMs} ms`).join(', ')}`);
    for (const kind of Object.keys(report.http) as (keyof typeof report.http)[]) {
      if (report.http[kind] === 0) problems.push(`no ${kind} fault was injected: the row did not test it`);
    }
    const leaked = core.errors.filter((e) => LEAKED.has(e.error.code));
    if (leaked.length > 0) problems.push(`transient faults reached IPC callers: ${leaked.slice(0, 3).map((e) => `${e.channel} → ${e.error.code}`).join(', ')}`);
    const unexpected = core.logLines.filter((line) => /failed/.test(line));
    if (unexpected.length > 0) problems.push(`the core logged failures: ${unexpected.slice(0, 2).join(' | ').slice(0, 400)}`);
    if (syncDone.phase === 'offline') problems.push('the sync ended offline');

    const injected = Object.values(report.http).reduce((a, b) => a + b, 0);
    const waits = (report.retriesAfterRateLimit ?? []).map((r) => r.waitedMs);
    return {
      ok: problems.length === 0,
      measured:
        `seed ${seed}; ${report.requests} calls, ${injected} faults (${Object.entries(report.http).map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
        `first sync of ${platform.counts.listings.toLocaleString('en')} listings + ${scale.decisions} decisions done in ${(underFaultsMs / 1000).toFixed(1)} s; ` +
        `each decision once; cache = platform (${cache.rows.toLocaleString('en')} rows, ${cache.checksum.slice(0, 8)}); ` +
        `${waits.length} retries after 429, shortest wait ${waits.length ? Math.min(...waits) : '–'} ms of ${RETRY_AFTER_SECONDS * 1000}; ` +
        `degraded in ${degradedSeen} status reports, healthy ${(recoveryMs / 1000).toFixed(1)} s after the faults ended; ${core.errors.length} IPC errors`,
      problems,
    };
  } finally {
    await core.close();
    await sandbox.close();
    platformDir.remove();
  }
}
