import type { SyncStatus } from '../../shared/ipc/views';
import type { RunningSandbox } from '../fixtures/sandbox';
import { startTestSandbox, TEST_STAFF_PASSWORD, temporaryFolder } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';
import { ensureSignedIn, forkCore, type CoreChild } from './core-child';
import { accountDatabase, integrityProblems, readDatabase } from './desk-databases';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';
import { chaosSeed, seededRandom } from './seeded-random';
import { startSlowDecisionsProxy, type HeldDecision } from './slow-decisions-proxy';

const scales: Record<ChaosScale, { decisions: number; kills: number; listings: number }> = {
  ci: { decisions: 100, kills: 5, listings: 1_000 },
  soak: { decisions: 100, kills: 20, listings: 3_000 },
};
const STAFF = 'mod.chen';

interface Decided {
  listingId: string;
  idempotencyKey: string;
  basedOnVersion: number;
  expectedStatus: 'published' | 'rejected';
}

interface KillRecord {
  undelivered: number;
  delivering: string[];
  /** What the decision in flight had done when the core died. */
  inFlight: { key: string; reachedPlatform: boolean; stage: HeldDecision['stage'] } | null;
}

export const crashWithOutbox: ChaosScenario = {
  id: 'crash-with-outbox',
  fault: 'the core killed with 100 decisions in the outbox, some mid-delivery',
  mustHold: 'after restart all 100 land exactly once on the platform (effects counted per idempotency key)',
  run: (scale) => crashWithOutboxRun(scales[scale], chaosSeed()),
};

async function crashWithOutboxRun(scale: { decisions: number; kills: number; listings: number }, seed: number): Promise<ChaosResult> {
  const started = Date.now();
  const random = seededRandom(seed);
  const problems: string[] = [];
  const platformDir = temporaryFolder('chaos-platform-');
  const deskDir = temporaryFolder('chaos-desk-');
  const sandbox = await startTestSandbox(platformDir.path, { listings: scale.listings });
  // Decides when the next kill fires; set while a kill is wanted, cleared once it is scheduled.
  let killWhenHeld: ((held: HeldDecision) => void) | null = null;
  const proxy = await startSlowDecisionsProxy(
    sandbox.url,
    () => ({ stage: random() < 0.5 ? 'before_platform' : 'after_platform', holdMs: 40 + Math.floor(random() * 160) }),
    (held) => killWhenHeld?.(held),
  );
  let core: CoreChild | null = null;
  let synced = false;
  const start = async () => {
    synced = false;
    core = await forkCore({
      dataDir: deskDir.path,
      platformUrl: proxy.url,
      onEvent: (name, payload) => {
        const status = payload as SyncStatus;
        if (name === 'sync:progress' && status.phase === 'idle' && status.done === status.total) synced = true;
      },
    });
    return { core, signIn: await ensureSignedIn(core, STAFF, TEST_STAFF_PASSWORD) };
  };
  try {
    let { core: current } = await start();
    await waitFor(() => synced, 'the first sync', 60_000);
    const before = platformCounts(sandbox);
    const decided = await makeDecisions(current, sandbox, scale.decisions, random, problems);
    if (decided.length < scale.decisions) return result(seed, started, `only ${decided.length} decisions made`, problems);

    // Kill 1 comes at the next decision on the wire, with nearly all of them still in the outbox;
    // the others once a seeded number of decisions has landed, each in the middle of a delivery.
    const landedKeys = () => new Set(proxy.held().filter((h) => h.platformStatus === 200).map((h) => h.idempotencyKey)).size;
    const landedThresholds = [0, ...Array.from({ length: scale.kills - 1 }, () => Math.floor((0.1 + 0.8 * random()) * scale.decisions))].sort((a, b) => a - b);
    const kills: KillRecord[] = [];
    let keychainResumes = 0;
    for (const threshold of landedThresholds) {
      const inFlight = await new Promise<HeldDecision | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 30_000);
        killWhenHeld = (held) => {
          if (landedKeys() < threshold) return;
          killWhenHeld = null;
          // Somewhere inside the hold: before the platform answered, or after, with its answer held back.
          setTimeout(() => {
            clearTimeout(timer);
            resolve(held);
          }, random() * held.holdMs);
        };
      });
      if (inFlight === null) {
        problems.push(`no decision was on its way to the platform within 30 s of kill ${kills.length + 1} being due`);
        break;
      }
      await current.kill();
      kills.push(inspectOutboxAfterKill(deskDir.path, inFlight, kills.length + 1, problems));
      const restarted = await start();
      current = restarted.core;
      if (restarted.signIn === 'resumed') keychainResumes += 1;
      else problems.push(`restart ${kills.length} did not resume the session from the keychain and needed the password`);
    }
    killWhenHeld = null;
    const undelivered = async () => {
      const { entries } = await current.output('outbox:list');
      return entries.filter((e) => e.state === 'pending' || e.state === 'delivering').length;
    };
    await waitFor(async () => (await undelivered()) === 0, 'the outbox to drain after the last restart', 60_000).catch((error: Error) =>
      problems.push(`${error.message}: ${current.stderrTail().slice(-400)}`),
    );
    await current.stop();
    core = null;
    const outbox = checkOutbox(deskDir.path, decided, problems);
    const platform = checkPlatform(sandbox, decided, before, problems);
    const resent = proxy.held().length - new Set(proxy.held().map((h) => h.idempotencyKey)).size;
    const inFlightLanded = kills.filter((k) => k.inFlight?.reachedPlatform).length;
    const measured =
      `${kills.length} kills (first with ${kills[0]?.undelivered ?? '?'} of ${decided.length} decisions undelivered), ` +
      `each with a decision on the wire (${inFlightLanded} already applied by the platform with the answer lost, ` +
      `${kills.length - inFlightLanded} never reached it; ${kills.filter((k) => k.delivering.length > 0).length} marked delivering in the outbox); ` +
      `${keychainResumes}/${kills.length} restarts resumed from the keychain; ${resent} re-sends; ` +
      `platform: ${platform.landedOnce} landed exactly once, ${platform.doubled} doubled, ${platform.lost} lost; ` +
      `outbox: ${outbox.delivered}/${decided.length} delivered, ${outbox.refused} refused`;
    return result(seed, started, measured, problems);
  } finally {
    killWhenHeld = null;
    await (core as CoreChild | null)?.kill();
    await proxy.close();
    await sandbox.close();
    platformDir.remove();
    deskDir.remove();
  }
}

function result(seed: number, started: number, measured: string, problems: string[]): ChaosResult {
  const line = `seed ${seed}; ${measured}; ${((Date.now() - started) / 1000).toFixed(1)} s`;
  return { ok: problems.length === 0, measured: line, problems: problems.map((p) => `[seed ${seed}] ${p}`) };
}

/** Decisions on distinct pending listings nobody has claimed, through the channel staff use. */
async function makeDecisions(core: CoreChild, sandbox: RunningSandbox, count: number, random: () => number, problems: string[]): Promise<Decided[]> {
  const targets = sandbox.db
    .prepare("SELECT id, version FROM listings WHERE status = 'pending' AND escalated = 0 AND id NOT IN (SELECT listing_id FROM claims) ORDER BY id LIMIT ?")
    .all(count) as { id: string; version: number }[];
  const decided: Decided[] = [];
  for (const target of targets) {
    const approve = random() < 0.5;
    const input = approve
      ? { listingId: target.id, action: 'approve', reasonCode: null, note: '', basedOnVersion: target.version }
      : { listingId: target.id, action: 'reject', reasonCode: 'fraud_deposit', note: '混沌测试', basedOnVersion: target.version };
    const answer = await core.invoke('moderation:decide', input);
    if (!answer.ok) {
      problems.push(`moderation:decide on ${target.id} was refused: ${JSON.stringify(answer.error)}`);
      continue;
    }
    const entry = answer.output as { idempotencyKey: string };
    decided.push({ listingId: target.id, idempotencyKey: entry.idempotencyKey, basedOnVersion: target.version, expectedStatus: approve ? 'published' : 'rejected' });
  }
  return decided;
}

/** Straight after a kill: the outbox file is sound and shows the one decision that was on its way. */
function inspectOutboxAfterKill(dataDir: string, held: HeldDecision, kill: number, problems: string[]): KillRecord {
  const file = accountDatabase(dataDir, 'outbox');
  if (!file) {
    problems.push(`after kill ${kill} there is no outbox file`);
    return { undelivered: 0, delivering: [], inFlight: null };
  }
  return readDatabase(file, (db) => {
    const damage = integrityProblems(db);
    if (damage.length > 0) problems.push(`after kill ${kill} the outbox fails integrity_check: ${damage.slice(0, 3).join('; ')}`);
    const { n } = db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'delivering')").get() as { n: number };
    const delivering = (db.prepare("SELECT idempotency_key AS key FROM outbox WHERE state = 'delivering'").all() as { key: string }[]).map((r) => r.key);
    if (!delivering.includes(held.idempotencyKey)) {
      problems.push(`at kill ${kill} the decision on the wire (${held.idempotencyKey}) was not marked delivering in the outbox (delivering: ${delivering.join(', ') || 'none'})`);
    }
    return { undelivered: n, delivering, inFlight: { key: held.idempotencyKey, reachedPlatform: held.reachedPlatform, stage: held.stage } };
  });
}

function checkOutbox(dataDir: string, decided: Decided[], problems: string[]) {
  const file = accountDatabase(dataDir, 'outbox');
  const rows = file
    ? readDatabase(file, (db) => db.prepare('SELECT idempotency_key AS key, state, decision_id AS decisionId FROM outbox').all() as { key: string; state: string; decisionId: string | null }[])
    : [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let delivered = 0;
  for (const d of decided) {
    const row = byKey.get(d.idempotencyKey);
    if (row?.state === 'delivered' && row.decisionId) delivered += 1;
    else problems.push(`outbox entry ${d.idempotencyKey} (${d.listingId}) ended ${row ? `${row.state}${row.decisionId ? '' : ' without the platform decision id'}` : 'missing'}`);
  }
  if (rows.length !== decided.length) problems.push(`the outbox holds ${rows.length} entries for ${decided.length} decisions made`);
  return { delivered, refused: rows.filter((r) => r.state === 'refused').length };
}

function platformCounts(sandbox: RunningSandbox) {
  const decisions = (sandbox.db.prepare('SELECT count(*) AS n FROM decisions').get() as { n: number }).n;
  const audits = (sandbox.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'moderation.decide'").get() as { n: number }).n;
  return { decisions, audits };
}

/**
 * Counts every effect a decision has on the platform, per idempotency key: its decision rows,
 * its stored outcome, its audit events, and how far the listing's version moved (a second
 * application would move it again or leave a refusal behind).
 */
function checkPlatform(sandbox: RunningSandbox, decided: Decided[], before: { decisions: number; audits: number }, problems: string[]) {
  const db = sandbox.db;
  const decisionsOf = db.prepare('SELECT id FROM decisions WHERE idempotency_key = ?');
  const outcomesOf = db.prepare('SELECT status FROM idempotency WHERE key = ?');
  const auditsOf = db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'moderation.decide' AND json_extract(detail, '$.decisionId') = ?");
  const onListing = db.prepare('SELECT count(*) AS n FROM decisions WHERE listing_id = ? AND decided_at >= (SELECT min(decided_at) FROM decisions WHERE idempotency_key = ?)');
  const listing = db.prepare('SELECT status, version FROM listings WHERE id = ?');
  let landedOnce = 0;
  let doubled = 0;
  let lost = 0;
  for (const d of decided) {
    const ids = (decisionsOf.all(d.idempotencyKey) as { id: string }[]).map((r) => r.id);
    if (ids.length === 0) {
      lost += 1;
      problems.push(`decision ${d.idempotencyKey} on ${d.listingId} never landed on the platform`);
      continue;
    }
    const outcomes = outcomesOf.all(d.idempotencyKey) as { status: number }[];
    const audits = ids.reduce((sum, id) => sum + (auditsOf.get(id) as { n: number }).n, 0);
    const later = (onListing.get(d.listingId, d.idempotencyKey) as { n: number }).n;
    const now = listing.get(d.listingId) as { status: string; version: number };
    const effects = [
      ids.length !== 1 && `${ids.length} decision rows`,
      (outcomes.length !== 1 || outcomes[0]!.status !== 200) && `stored outcomes ${JSON.stringify(outcomes)}`,
      audits !== 1 && `${audits} audit events`,
      later !== 1 && `${later} decisions on the listing since`,
      now.version !== d.basedOnVersion + 1 && `version ${d.basedOnVersion} → ${now.version}`,
      now.status !== d.expectedStatus && `status ${now.status}, expected ${d.expectedStatus}`,
    ].filter(Boolean);
    if (effects.length === 0) landedOnce += 1;
    else {
      doubled += 1;
      problems.push(`decision ${d.idempotencyKey} on ${d.listingId} did not land exactly once: ${effects.join(', ')}`);
    }
  }
  const after = platformCounts(sandbox);
  if (after.decisions - before.decisions !== decided.length || after.audits - before.audits !== decided.length) {
    problems.push(`the platform gained ${after.decisions - before.decisions} decisions and ${after.audits - before.audits} decision audit events for ${decided.length} decisions made`);
  }
  return { landedOnce, doubled, lost };
}
