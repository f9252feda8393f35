import type { SyncStatus } from '../../shared/ipc/views';
import { startFaultyProxy } from '../fixtures/faulty-proxy';
import { startTestSandbox, TEST_STAFF_PASSWORD, temporaryFolder } from '../fixtures/sandbox';
import { ensureSignedIn, forkCore, type CoreChild } from './core-child';
import { accountDatabase, integrityProblems, readDatabase, replicaChecksum } from './desk-databases';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';
import { chaosSeed, seededRandom } from './seeded-random';
// Kills are planned in whole feed pages; a commit holds a few of them.
import { PAGE_SIZE, PAGES_PER_COMMIT } from '../../electron/core/sync/sync-engine';

/**
 * CI's size keeps the row near a minute on a 2-core machine shared with other test runs:
 * each restart costs 1–3 s (loading the core's modules), and the sync re-fetches the page in
 * flight at every kill. Measured there (load 3–9 from other runs): 20,000 listings 107–149 s,
 * 16,000 about 58 s, 12,000 45–67 s.
 */
const scales: Record<ChaosScale, { listings: number; kills: number }> = {
  ci: { listings: 16_000, kills: 20 },
  soak: { listings: 60_000, kills: 20 },
};
const STAFF = 'mod.chen';
/** Each kill lands up to this long after the progress event that armed it: mid-fetch, mid-parse or mid-commit. */
const KILL_JITTER_MS = 300;
/** The last pages are left without kills: a jittered kill armed there could land after the sync ended. */
const PAGES_KEPT_CLEAR = 12;
const RUN_TIMEOUT_MS = 60_000;

interface CoreRun {
  signIn: 'resumed' | 'password' | null;
  firstPhase: SyncStatus['phase'] | null;
  /** Changes already committed when this run began, by the platform's own count of what remains. */
  startPosition: number | null;
  /** The highest committed position this run reported. */
  reached: number;
  /** The cursor the run's first feed request carried (undefined: it made none). */
  firstCursor: string | null | undefined;
  end: 'killed' | 'finished' | 'stalled' | 'failed';
}

export const crashDuringSync: ChaosScenario = {
  id: 'crash-during-sync',
  fault: 'the core process killed (SIGKILL) at 20 random points during an initial sync of tens of thousands of listings',
  mustHold: 'every restart resumes from its committed cursor; afterwards the cache equals the platform exactly (checksum of ids and versions)',
  run: (scale) => crashDuringSyncRun(scales[scale], chaosSeed()),
};

async function crashDuringSyncRun(scale: { listings: number; kills: number }, seed: number): Promise<ChaosResult> {
  const started = Date.now();
  const random = seededRandom(seed);
  const problems: string[] = [];
  const platformDir = temporaryFolder('chaos-platform-');
  const deskDir = temporaryFolder('chaos-desk-');
  // Response validation is for contract tests; here it would only slow the feed the row measures.
  const sandbox = await startTestSandbox(platformDir.path, { listings: scale.listings, validateResponses: false });
  // A hop that counts every change the platform served and the cursor each feed request carried.
  let served = 0;
  const feedCursors: (string | null)[] = [];
  const proxy = await startFaultyProxy(sandbox.url, (req) => {
    if (!req.url?.startsWith('/v1/changes')) return { kind: 'pass' };
    feedCursors.push(new URL(req.url, 'http://platform').searchParams.get('cursor'));
    return {
      kind: 'rewrite',
      edit: (body) => {
        served += (body as { changes?: unknown[] }).changes?.length ?? 0;
        return body;
      },
    };
  });
  let feedSize: number | null = null;
  let thresholds: number[] = [];
  const runs: CoreRun[] = [];
  let core: CoreChild | null = null;
  try {
    let cursorAtKill: string | null = null;
    for (let index = 0; index <= scale.kills; index += 1) {
      const last = index === scale.kills;
      const run: CoreRun = { signIn: null, firstPhase: null, startPosition: null, reached: 0, firstCursor: undefined, end: 'stalled' };
      runs.push(run);
      const cursorMark = feedCursors.length;
      let settle: (end: CoreRun['end']) => void = () => undefined;
      const ended = new Promise<CoreRun['end']>((resolve) => (settle = resolve));
      let armed = false;
      const onProgress = (status: SyncStatus) => {
        if (status.phase === 'initial' || status.phase === 'incremental') {
          if (run.firstPhase === null) {
            run.firstPhase = status.phase;
            if (feedSize === null) {
              // The first run's first page says how big the whole feed is; the kill points follow from it.
              feedSize = status.total ?? 0;
              const size = feedSize;
              // From the first committed page to a few pages before the end, so no kill misses the sync.
              const span = Math.max(0, size - (1 + PAGES_KEPT_CLEAR) * PAGE_SIZE);
              thresholds = Array.from({ length: scale.kills }, () => PAGE_SIZE + Math.floor(random() * span)).sort((a, b) => a - b);
            }
            run.startPosition = feedSize - (status.total ?? feedSize);
          }
          run.reached = Math.max(run.reached, feedSize! - (status.total ?? 0) + status.done);
          if (!last && !armed && run.reached >= thresholds[index]!) {
            armed = true;
            // A run that resumed past its kill point is killed at once: with jitter on top, a fast
            // sync could reach the end of the feed before the kill (it overshoots run after run).
            const resumedPast = run.startPosition !== null && run.startPosition >= thresholds[index]!;
            setTimeout(() => settle('killed'), resumedPast ? 0 : random() * KILL_JITTER_MS);
          }
          return;
        }
        // An idle report with done = total closes a complete pass; any other idle is a failed run.
        if (status.phase === 'idle' && run.firstPhase !== null) settle(status.done === status.total ? 'finished' : 'failed');
      };
      core = await forkCore({
        dataDir: deskDir.path,
        platformUrl: proxy.url,
        onEvent: (name, payload) => name === 'sync:progress' && onProgress(payload as SyncStatus),
      });
      run.signIn = await ensureSignedIn(core, STAFF, TEST_STAFF_PASSWORD);
      const timer = setTimeout(() => settle('stalled'), RUN_TIMEOUT_MS);
      run.end = await ended;
      clearTimeout(timer);
      run.firstCursor = feedCursors.length > cursorMark ? feedCursors[cursorMark] : undefined;
      if (index > 0) checkResumed(index, run, runs[index - 1]!, cursorAtKill, problems);
      if (run.end === 'killed') {
        await core.kill();
        cursorAtKill = inspectAfterKill(deskDir.path, index + 1, problems);
        continue;
      }
      await core.stop();
      // The bundled core starts its feed writer from cache-writer.js beside it, as the app's does; one that could not would say so here.
      if (/cache writer/.test(core.stderrTail())) problems.push(`the feed was not written by the cache writer's worker: ${core.stderrTail().slice(-600)}`);
      if (!last || run.end !== 'finished') {
        problems.push(`run ${index + 1} ended "${run.end}" instead of ${last ? 'finishing the sync' : `being killed at ${thresholds[index]} changes`}: ${core.stderrTail().slice(-600)}`);
        break;
      }
    }
    core = null;
    const comparison = compareWithPlatform(deskDir.path, sandbox.db, problems);
    const restarts = runs.slice(1);
    const resumed = restarts.filter((r) => r.firstPhase === 'incremental').length;
    const refetched = served - (feedSize ?? 0);
    const fromKeychain = restarts.filter((r) => r.signIn === 'resumed').length;
    // At a kill the pages written since the last commit are lost, and the next one, asked for while they were written.
    const inHand = PAGES_PER_COMMIT + 1;
    if (refetched > scale.kills * inHand * PAGE_SIZE) problems.push(`${refetched} changes fetched again, more than the ${inHand} pages in hand per kill`);
    const measured =
      `seed ${seed}; ${scale.listings.toLocaleString('en')} listings, feed of ${(feedSize ?? 0).toLocaleString('en')} changes; ` +
      `${runs.filter((r) => r.end === 'killed').length} kills, ${resumed}/${restarts.length} restarts resumed from their cursor ` +
      `and ${fromKeychain}/${restarts.length} signed in again from the keychain; ${refetched.toLocaleString('en')} changes re-fetched (the pages in flight at each kill); ` +
      `cache ${comparison.equal ? '=' : '≠'} platform (${comparison.cache.rows.toLocaleString('en')} rows, checksum ${comparison.cache.checksum.slice(0, 12)}…); ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`;
    return { ok: problems.length === 0, measured, problems: problems.map((p) => `[seed ${seed}] ${p}`) };
  } finally {
    await core?.kill();
    await proxy.close();
    await sandbox.close();
    platformDir.remove();
    deskDir.remove();
  }
}

/** A restart must carry on from the cursor the killed run committed, never from the start. */
function checkResumed(index: number, run: CoreRun, previous: CoreRun, cursorAtKill: string | null, problems: string[]): void {
  if (run.signIn === 'password') problems.push(`restart ${index} did not resume the session from the keychain and needed the password`);
  if (run.firstPhase !== 'incremental') problems.push(`restart ${index} started the sync over (phase ${run.firstPhase}) instead of resuming`);
  if (run.startPosition !== null && run.startPosition < previous.reached) {
    problems.push(`restart ${index} resumed at ${run.startPosition} changes, behind the ${previous.reached} the killed run had reported committed`);
  }
  if (run.firstCursor !== cursorAtKill) {
    problems.push(`restart ${index} asked the feed from cursor ${String(run.firstCursor)}, not the ${String(cursorAtKill)} committed before the kill`);
  }
}

/** Straight after a kill: the cache file is sound and holds the cursor of its last committed page. */
function inspectAfterKill(dataDir: string, kill: number, problems: string[]): string | null {
  const file = accountDatabase(dataDir, 'cache');
  if (!file) {
    problems.push(`after kill ${kill} there is no cache file`);
    return null;
  }
  return readDatabase(file, (db) => {
    const damage = integrityProblems(db);
    if (damage.length > 0) problems.push(`after kill ${kill} the cache fails integrity_check: ${damage.slice(0, 3).join('; ')}`);
    const { cursor } = db.prepare('SELECT cursor FROM sync_state WHERE id = 1').get() as { cursor: string | null };
    if (cursor === null) problems.push(`after kill ${kill} the cache has no cursor although pages had been committed`);
    return cursor;
  });
}

function compareWithPlatform(dataDir: string, platformDb: Parameters<typeof replicaChecksum>[0], problems: string[]) {
  const platform = replicaChecksum(platformDb);
  const file = accountDatabase(dataDir, 'cache');
  const cache = file ? readDatabase(file, (db) => {
    const damage = integrityProblems(db);
    if (damage.length > 0) problems.push(`the final cache fails integrity_check: ${damage.slice(0, 3).join('; ')}`);
    const { n } = db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number };
    if (n > 0) problems.push(`${n} changes were quarantined although the platform sent only valid records`);
    return replicaChecksum(db);
  }) : { rows: 0, checksum: '(no cache)' };
  const equal = cache.checksum === platform.checksum;
  if (!equal) {
    problems.push(`the cache differs from the platform: ${cache.rows} rows (checksum ${cache.checksum.slice(0, 12)}) against ${platform.rows} (${platform.checksum.slice(0, 12)})`);
  }
  return { equal, cache, platform };
}
