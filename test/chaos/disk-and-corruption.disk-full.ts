import { SimulatedDisk } from '../../electron/core/cache-health/simulated-disk';
import type { RunningSandbox } from '../fixtures/sandbox';
import { TEST_STAFF_PASSWORD, temporaryFolder } from '../fixtures/sandbox';
import { decide, outboxAgainstPlatform, pendingListings, STAFF, startDesk, until } from './disk-and-corruption.core';
import { accountDatabase, readDatabase, replicaChecksum } from './desk-databases';

/**
 * The cache fills up after the first committed page of the initial sync, decisions are made
 * while it is full, then the outbox's own file fills too; then room returns. Nothing accepted
 * may be lost, nothing refused may be reported as accepted, and the cache must catch up.
 */
export async function diskFullRun(sandbox: RunningSandbox, decisions: number): Promise<{ measured: string; problems: string[] }> {
  const problems: string[] = [];
  const data = temporaryFolder('chaos-disk-full-');
  const disk = new SimulatedDisk();
  const desk = await startDesk(data.path, sandbox.url, { simulatedDisk: disk });
  let filledAt = 0;
  // Synchronous with the commit it reports: the very next page of the feed needs room it will
  // not get. It waits for a page that brought listings to decide on (the feed's order is the platform's).
  desk.core.on((name, payload) => {
    if (name === 'sync:progress' && filledAt === 0 && (payload as { done: number }).done > 0 && pendingListings(data.path, decisions).length >= decisions) {
      filledAt = (payload as { done: number }).done;
      disk.fill('cache');
    }
  });
  try {
    await desk.output('session:signIn', { username: STAFF, password: TEST_STAFF_PASSWORD });
    const full = await until(async () => {
      const s = await desk.status();
      return s.cacheProblem === 'disk_full' && s;
    }, 'the sync status to report disk_full');
    const stalledAt = full.done;
    if ((await desk.invoke('session:status')).ok !== true) problems.push('the core stopped answering once the cache was full');

    // Decisions while the cache is full: the outbox is another file, so each is accepted and kept.
    const accepted = new Set<string>();
    for (const listing of pendingListings(data.path, decisions)) {
      const answer = await decide(desk, listing);
      if (answer.ok) accepted.add(listing.id);
      else problems.push(`a decision with only the cache full was refused: ${answer.error.code} (${answer.error.message})`);
    }
    if (accepted.size === 0) problems.push('no listing was in the cache to decide on');

    // Now the outbox's disk is full too: a decision must fail loudly with disk_full, never report success.
    disk.fill('outbox');
    let outboxFullAnswer: string | null = null;
    let acceptedWhileOutboxFilling = 0;
    for (const listing of pendingListings(data.path, 400, accepted)) {
      const answer = await decide(desk, listing);
      if (answer.ok) {
        accepted.add(listing.id);
        acceptedWhileOutboxFilling += 1;
        continue;
      }
      outboxFullAnswer = answer.error.code;
      const inOutbox = readDatabase(accountDatabase(data.path, 'outbox')!, (db) => db.prepare('SELECT count(*) AS n FROM outbox WHERE listing_id = ?').get(listing.id) as { n: number }).n;
      if (inOutbox !== 0) problems.push(`the refused decision on ${listing.id} is in the outbox anyway`);
      break;
    }
    if (outboxFullAnswer !== 'disk_full') problems.push(`with the outbox full, a decision answered ${outboxFullAnswer ?? 'ok every time'} instead of disk_full`);
    if ((await desk.invoke('session:status')).ok !== true) problems.push('the core stopped answering once the outbox was full');

    // Room returns: sync resumes from its committed cursor and everything lands.
    disk.free('cache');
    disk.free('outbox');
    await desk.output('sync:now');
    const platform = replicaChecksum(sandbox.db);
    await until(async () => {
      const s = await desk.status();
      if (s.cacheProblem !== null || s.pendingOutbox > 0 || s.phase !== 'idle') return false;
      return readDatabase(accountDatabase(data.path, 'cache')!, replicaChecksum).checksum === replicaChecksum(sandbox.db).checksum;
    }, 'the cache to catch up with the platform and the outbox to empty once room returned');
    const outbox = outboxAgainstPlatform(data.path, sandbox.db);
    problems.push(...outbox.problems);
    if (outbox.entries !== accepted.size) problems.push(`${accepted.size} decisions were accepted but the outbox holds ${outbox.entries}`);
    return {
      measured:
        `cache full after ${filledAt.toLocaleString('en')} changes (sync held at ${stalledAt.toLocaleString('en')}); ` +
        `${accepted.size - acceptedWhileOutboxFilling} decisions accepted with the cache full, ${acceptedWhileOutboxFilling} more until the outbox filled, then ${outboxFullAnswer ?? 'no refusal'}; ` +
        `after room returned ${outbox.delivered}/${outbox.entries} delivered once, cache = platform (${platform.rows.toLocaleString('en')} rows)`,
      problems,
    };
  } finally {
    await desk.close();
    data.remove();
  }
}
