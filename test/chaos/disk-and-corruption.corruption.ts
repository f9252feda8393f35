import { openSync, readdirSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RunningSandbox } from '../fixtures/sandbox';
import { TEST_STAFF_PASSWORD, temporaryFolder } from '../fixtures/sandbox';
import { startFaultyProxy } from '../fixtures/faulty-proxy';
import { decide, outboxAgainstPlatform, pendingListings, STAFF, startDesk, until, type Desk } from './disk-and-corruption.core';
import { accountDatabase, readDatabase, replicaChecksum } from './desk-databases';

/** Overwrites the listings table's pages in place with a pattern no b-tree page can be. */
function damageListingPages(file: string): number {
  const db = new Database(file);
  // Everything into the main file first, so what we overwrite is what a reader will get.
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'listings' AND pageno > 1").all() as { pageno: number }[]).map((p) => p.pageno);
  const fd = openSync(file, 'r+');
  const garbage = Buffer.alloc(pageSize, 0xa5);
  for (const page of pages) writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
  // A write by this connection goes to the WAL and tells every other reader that its page
  // cache is stale, so a running core reads the damaged pages instead of remembered ones.
  db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  db.close();
  return pages.length;
}

const cacheMatches = (dataDir: string, sandbox: RunningSandbox) =>
  readDatabase(accountDatabase(dataDir, 'cache')!, replicaChecksum).checksum === replicaChecksum(sandbox.db).checksum;

async function rebuiltAndCaughtUp(desk: Desk, dataDir: string, sandbox: RunningSandbox, what: string): Promise<number> {
  const started = Date.now();
  await desk.output('cache:rebuild');
  await desk.output('sync:now');
  let last: unknown = null;
  await until(async () => {
    const s = await desk.status();
    last = s;
    return s.cacheProblem === null && s.phase === 'idle' && s.lastSyncedAt !== null && s.pendingOutbox === 0 && cacheMatches(dataDir, sandbox);
  }, `the rebuilt cache to equal the platform (${what})`).catch((error: Error) => {
    throw new Error(`${error.message}; last status ${JSON.stringify(last)}; core log: ${desk.log.slice(-5).join(' / ')}`);
  });
  return Date.now() - started;
}

/**
 * Damaged at rest (found by the quick_check at open) with decisions waiting in the outbox while
 * the platform is out of reach; then damaged under a running core (found by a query).
 */
export async function corruptionRun(sandbox: RunningSandbox, decisions: number): Promise<{ measured: string; problems: string[] }> {
  const problems: string[] = [];
  const data = temporaryFolder('chaos-corrupt-');
  let blocked = false;
  // Renewal still passes: a core resumed with no token at all is another row's concern (see the report).
  const proxy = await startFaultyProxy(sandbox.url, (req) => (blocked && req.url !== '/v1/auth/refresh' ? { kind: 'reset' } : { kind: 'pass' }));
  let desk = await startDesk(data.path, proxy.url);
  try {
    await desk.output('session:signIn', { username: STAFF, password: TEST_STAFF_PASSWORD });
    await until(async () => (await desk.status()).lastSyncedAt, 'the first sync');
    const cacheFile = accountDatabase(data.path, 'cache')!;
    const quickCheck = timeQuickCheck(cacheFile);

    // Decisions the platform cannot receive yet: they wait in the outbox through everything below.
    blocked = true;
    for (const listing of pendingListings(data.path, decisions)) {
      const answer = await decide(desk, listing);
      if (!answer.ok) problems.push(`a decision was refused before any damage: ${answer.error.code}`);
    }
    await desk.close();
    const damagedAtRest = damageListingPages(cacheFile);

    desk = await startDesk(data.path, proxy.url, { vault: desk.vault });
    // The quick_check runs on the side connection after open (at a million listings it reads
    // the whole file for seconds): the problem shows a moment after the core resumes.
    const opened = await until(async () => {
      const status = await desk.status();
      return status.cacheProblem === 'cache_unreadable' && status;
    }, `cache_unreadable for a cache with ${damagedAtRest} damaged pages`, 10_000).catch((e: Error) => e);
    if (opened instanceof Error) throw new Error(`the core did not resume over a damaged cache, or did not find the damage: ${opened.message}`);
    if (opened.pendingOutbox !== decisions) problems.push(`${decisions} decisions were waiting, the damaged-cache status shows ${opened.pendingOutbox}`);
    const queue = await desk.invoke('moderation:queue', { limit: 10 });
    if (queue.ok || queue.error.code !== 'cache_unreadable') problems.push(`the queue over a damaged cache answered ${queue.ok ? 'ok' : queue.error.code}, not cache_unreadable`);
    const outboxList = await desk.invoke('outbox:list');
    if (!outboxList.ok) problems.push(`the outbox could not be listed with the cache damaged: ${outboxList.error.code}`);

    blocked = false;
    const atRestMs = await rebuiltAndCaughtUp(desk, data.path, sandbox, 'damaged at rest');
    const kept = readdirSync(dirname(cacheFile)).filter((f) => /^cache\.damaged-.*\.sqlite$/.test(f));
    if (kept.length !== 1) problems.push(`expected the damaged cache kept aside once, found ${JSON.stringify(kept)}`);

    // Damage under a running core: the next query that reads a bad page must not crash it.
    const damagedLive = damageListingPages(cacheFile);
    const live = await desk.invoke('moderation:queue', { limit: 500 });
    const liveStatus = await desk.status();
    if (live.ok) problems.push('a query over damaged pages answered ok');
    else if (live.error.code !== 'cache_unreadable') problems.push(`a query over damaged pages answered ${live.error.code}, not cache_unreadable`);
    if (liveStatus.cacheProblem !== 'cache_unreadable') problems.push(`after damage at runtime the status says cacheProblem ${liveStatus.cacheProblem}`);
    const liveMs = await rebuiltAndCaughtUp(desk, data.path, sandbox, 'damaged at runtime');

    const outbox = outboxAgainstPlatform(data.path, sandbox.db);
    problems.push(...outbox.problems);
    if (outbox.entries !== decisions) problems.push(`${decisions} decisions were made, the outbox holds ${outbox.entries}`);
    const rows = replicaChecksum(sandbox.db).rows;
    return {
      measured:
        `at rest: ${damagedAtRest} pages damaged → cache_unreadable, rebuilt and equal to the platform in ${(atRestMs / 1000).toFixed(1)} s; ` +
        `at runtime: ${damagedLive} pages → ${live.ok ? 'ok' : live.error.code}, rebuilt in ${(liveMs / 1000).toFixed(1)} s; ` +
        `${outbox.delivered}/${decisions} waiting decisions delivered once; quick_check ${quickCheck.ms.toFixed(0)} ms on ${quickCheck.mb.toFixed(1)} MB (${rows.toLocaleString('en')} rows)`,
      problems,
    };
  } finally {
    await desk.close();
    await proxy.close();
    data.remove();
  }
}

/** What the quick_check after open costs on this cache (on the side connection, off the core's thread). */
function timeQuickCheck(file: string): { ms: number; mb: number } {
  return readDatabase(file, (db) => {
    const started = performance.now();
    db.pragma('quick_check(1)');
    const ms = performance.now() - started;
    const mb = ((db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)) / 1024 / 1024;
    return { ms, mb };
  });
}
