import { illFormedTextPath } from '../../shared/well-formed-text';
import { FeedFaultKind, type FaultPlan, type FaultReport } from '../../electron/sandbox/faults/fault-plan';
import type { QuarantineEntry, SyncStatus } from '../../shared/ipc/views';
import { signedInCore } from '../fixtures/desk-core';
import { startTestSandbox, temporaryFolder } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';
import { breaksContract, cacheDifferences, cleanFeed, corruptedBy, keyOf, listingPathOf, openCache } from './malformed-feed-oracle';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';

const scales: Record<ChaosScale, { listings: number; everyNth: number }> = {
  ci: { listings: 300, everyNth: 7 },
  soak: { listings: 3_000, everyNth: 3 },
};
const kinds = FeedFaultKind.options;
const USER = 'mod.chen';

async function faults(url: string, method: 'PUT' | 'GET' | 'DELETE', plan?: FaultPlan): Promise<FaultReport> {
  const res = await fetch(`${url}/__faults`, { method, headers: { 'content-type': 'application/json' }, body: plan && JSON.stringify(plan) });
  if (!res.ok) throw new Error(`${method} /__faults: ${res.status} ${await res.text()}`);
  return (await res.json()) as FaultReport;
}

/** What crosses IPC must be bounded and well-formed whatever the feed sent: checked on the core's real answer. */
function ipcProblems(answer: { entries: QuarantineEntry[]; total: number }): string[] {
  const problems: string[] = [];
  const longest = Math.max(0, ...answer.entries.flatMap((e) => [e.preview, e.reason, e.path, e.entityId ?? ''].map((s) => s.length)));
  if (longest > 300) problems.push(`a quarantine entry carries a text of ${longest} characters over IPC (at most 300)`);
  const bad = illFormedTextPath(answer);
  if (bad) problems.push(`sync:quarantine answers with a lone surrogate at ${bad.join('.')}`);
  const json = JSON.stringify(answer);
  if (!isDeepEqualJson(json)) problems.push('sync:quarantine does not survive JSON');
  return problems;
}
const isDeepEqualJson = (json: string) => JSON.stringify(JSON.parse(json)) === json;

export const malformedFeed: ChaosScenario = {
  id: 'malformed-feed',
  fault: 'the change feed corrupts every n-th record (wrong type, missing field, oversized text, lone surrogate, unknown enum)',
  mustHold:
    'each bad record is quarantined with reason and path; the good ones land (cache = platform except exactly those ids); sync completes and stays up; a later good version resolves the entry',
  async run(scale) {
    const { listings, everyNth } = scales[scale];
    const folder = temporaryFolder('chaos-feed-');
    const sandbox = await startTestSandbox(folder.path, { listings, faults: true });
    let desk: Awaited<ReturnType<typeof signedInCore>> | null = null;
    const problems: string[] = [];
    const started = Date.now();
    try {
      await faults(sandbox.url, 'PUT', { seed: 1, feed: { everyNth, kinds: [...kinds] } });
      desk = await signedInCore(sandbox.url, USER);
      const d = desk;
      const idle = (s: SyncStatus) => s.phase === 'idle' && s.online && s.lastSyncedAt !== null;
      await waitFor(async () => idle(await d.output('sync:status')), 'the first sync to finish');
      const syncMs = Date.now() - started;
      const report = await faults(sandbox.url, 'DELETE');
      const sentCorrupted = Object.values(report.feed).reduce((a, b) => a + b, 0);

      // The oracle: the clean feed, and every n-th record of it corrupted in turn.
      const feed = await cleanFeed(sandbox.url, USER);
      const corrupted = corruptedBy(feed, everyNth, kinds);
      if (corrupted.length !== sentCorrupted) problems.push(`the sandbox corrupted ${sentCorrupted} records, the oracle expects ${corrupted.length}`);
      const expected = new Map(corrupted.filter(breaksContract).map((c) => [keyOf(c), c]));
      const tolerated = corrupted.length - expected.size;

      // Every bad record quarantined once, with its reason and path, naming type and id.
      const cache = openCache(d.dataDir);
      const rows = cache.prepare('SELECT entity_type AS entityType, entity_id AS entityId, reason, path FROM quarantine').all() as {
        entityType: string | null; entityId: string | null; reason: string; path: string;
      }[];
      const quarantined = new Map(rows.map((r) => [keyOf(r), r]));
      if (rows.length !== quarantined.size) problems.push(`${rows.length - quarantined.size} records were quarantined twice`);
      for (const [key, c] of expected) {
        const q = quarantined.get(key);
        if (!q) problems.push(`${key} (${c.kind}) was not quarantined`);
        else if (!q.reason || !q.path.startsWith('record')) problems.push(`${key} (${c.kind}) quarantined without a useful path: ${q.path} / ${q.reason}`);
        else if (c.entityType === 'listing' && q.path !== listingPathOf[c.kind]) problems.push(`${key} (${c.kind}) quarantined at ${q.path}, expected ${listingPathOf[c.kind]}`);
      }
      for (const key of quarantined.keys()) if (!expected.has(key)) problems.push(`${key} was quarantined but not corrupted`);

      // The good records around them landed: the cache equals the platform except exactly the quarantined ids.
      const before = cacheDifferences(cache, feed);
      const expectedDiffering = [...expected.keys()].filter((k) => /^(listing|user|report):/.test(k));
      const unexpected = [...before.differing].filter((k) => !expected.has(k));
      const missed = expectedDiffering.filter((k) => !before.differing.has(k));
      if (unexpected.length) problems.push(`cache differs from the platform beyond the corrupted ids: ${unexpected.slice(0, 10).join(', ')}`);
      if (missed.length) problems.push(`corrupted records that still reached the cache: ${missed.slice(0, 10).join(', ')}`);
      if (before.extra !== 0) problems.push(`the cache holds ${before.extra} records the platform does not`);

      // What the renderer gets: bounded, well-formed, naming type and id.
      const answer = await d.output('sync:quarantine');
      problems.push(...ipcProblems(answer));
      if (answer.total !== expected.size) problems.push(`sync:quarantine reports ${answer.total}, expected ${expected.size}`);
      const status = await d.output('sync:status');
      if (status.quarantined !== expected.size) problems.push(`sync:status counts ${status.quarantined} quarantined, expected ${expected.size}`);

      // A later good version of one quarantined listing lands and resolves its entry (kept as history).
      const victim = [...expected.values()].find((c) => c.entityType === 'listing');
      let touched = 'no quarantined listing to touch';
      if (victim) {
        sandbox.db.prepare("UPDATE listings SET version = version + 1, updated_at = '2026-11-21T00:00:00.000Z' WHERE id = ?").run(victim.id);
        sandbox.db.prepare("INSERT OR REPLACE INTO feed (entity_type, entity_id, op) VALUES ('listing', ?, 'upsert')").run(victim.id);
        await d.output('sync:now');
        // Read from the cache itself: at soak size the victim (the oldest entry) is beyond the newest 200 that IPC lists.
        const resolvedAt = cache.prepare("SELECT resolved_at AS at FROM quarantine WHERE entity_type = 'listing' AND entity_id = ?");
        const resolved = await waitFor(() => (resolvedAt.get(victim.id) as { at: string | null } | undefined)?.at, 'the touched listing to resolve', 15_000).catch(() => null);
        touched = resolved ? `touched ${victim.id}: resolved` : `touched ${victim.id}: NOT resolved`;
        if (!resolved) problems.push(`the good version of ${victim.id} did not resolve its quarantine entry`);
        const after = await d.output('sync:status');
        if (after.quarantined !== expected.size - 1) problems.push(`after one resolution sync:status counts ${after.quarantined}, expected ${expected.size - 1}`);
      }

      // A full resync with the plan cleared brings every record back; all entries resolve, none is lost.
      await faults(sandbox.url, 'PUT', { seed: 1, cursorResetOnce: true });
      await d.output('sync:now');
      await waitFor(async () => (await faults(sandbox.url, 'GET')).cursorResets === 1, 'the cursor reset to be taken');
      await waitFor(async () => {
        const s = await d.output('sync:status');
        return idle(s) && s.quarantined === 0;
      }, 'the resync to resolve every quarantined record', 30_000).catch(() => problems.push('after a full resync, quarantined records are still open'));
      await faults(sandbox.url, 'DELETE');
      const healed = cacheDifferences(cache, await cleanFeed(sandbox.url, USER));
      if (healed.differing.size || healed.extra) problems.push(`after the resync the cache still differs on ${healed.differing.size} records (+${healed.extra} extra)`);
      const history = await d.output('sync:quarantine');
      const stillOpen = (cache.prepare('SELECT count(*) AS n FROM quarantine WHERE resolved_at IS NULL').get() as { n: number }).n;
      if (history.total !== expected.size || stillOpen > 0 || history.entries.some((e) => e.resolvedAt === null)) {
        problems.push(`after the resync: ${history.total} entries kept (expected ${expected.size}), ${stillOpen} still open`);
      }
      const still = await d.invoke('session:status');
      if (!still.ok) problems.push('the core no longer answers session:status');
      cache.close();

      const byKind = kinds.map((k) => `${k} ${report.feed[k]}`).join(', ');
      return {
        ok: problems.length === 0,
        measured:
          `${feed.length} feed records, 1 in ${everyNth} corrupted: ${corrupted.length} (${byKind}); ${expected.size} quarantined with path ` +
          `(${tolerated} unknown-enum on records without a status are extra keys the contract ignores, and landed); first sync ${(syncMs / 1000).toFixed(1)} s; ` +
          `cache = platform on ${before.compared - before.differing.size}/${before.compared} listings/users/reports, ` +
          `the ${before.differing.size} others all quarantined ones (${unexpected.length} unexpected, ${missed.length} corrupted that landed); ` +
          `${touched}; after a full resync ${stillOpen} open, ${history.total} kept as history, ` +
          `cache = platform on ${healed.compared - healed.differing.size}/${healed.compared}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
        problems: problems.slice(0, 50),
      } satisfies ChaosResult;
    } finally {
      await desk?.close();
      await sandbox.close();
      folder.remove();
    }
  },
};
