/**
 * The feed writer's worker (see WorkerFeedWriter): a writing connection to the cache of its
 * own, and a Replica on it that writes the pages the core's thread sends. Started from source
 * through tsx, or built beside the core as cache-writer.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { PageToCommit } from '../cache/replica';
import { Replica } from '../cache/replica';
import { tuneCacheConnection } from '../cache/migrations';
import type { SqliteDb } from '../storage/migrations';
import { WriterTurns } from '../storage/writer-turns';
import { pageToCommit } from './feed-triage';
import { Lifecycle, type HeldPage, type WriterReply, type WriterRequest, type WriterStart } from './worker-feed-writer';
import { runThisThreadInBackground } from '../background-priority';

/** The page cache of this connection, in KiB. */
const WORKER_CACHE_KIB = 24 * 1024;

// Its commits wait behind the core's thread, which answers the console (background-priority.ts).
runThisThreadInBackground();

const start = workerData as WriterStart;
const port = parentPort!;
const lifecycle = new Int32Array(start.lifecycle);
const closing = new Int32Array(start.closing);
const turns = new WriterTurns(start.turns);

const stopping = () => Atomics.load(closing, 0) === 1;

function openConnection(): SqliteDb {
  const db = new Database(start.file, { fileMustExist: true, timeout: start.busyTimeoutMs });
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The side connection checkpoints; left to SQLite, the commit that crosses 1,000 pages of log would.
  if (!start.autocheckpoint) db.pragma('wal_autocheckpoint = 0');
  tuneCacheConnection(db);
  // Smaller than the core's (64 MB, for its reads): what SQLite frees stays in the thread's
  // malloc arena, so whatever this cache once held counts in the core's memory for good.
  db.pragma(`cache_size = -${WORKER_CACHE_KIB}`);
  return db;
}

/** Answers the core's requests, in order, until it closes the connection. */
function serve(db: SqliteDb): void {
  const replica = new Replica(db);
  /** Pages sent since the last commit: written, all in one go, when the page that commits them comes. */
  let buffered: PageToCommit[] = [];
  /**
   * A commit failed: pages sent behind it (the core's thread sends on while a commit is on its
   * way) are dropped, not committed later with a cursor past the failed ones, until the next run begins.
   */
  let failed = false;

  const rollBack = () => {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
  };

  /**
   * Writes pages and commits them, each with its cursor. Between two pages, a core's thread
   * waiting for the lock gets it: what is written so far is committed first (each page's cursor
   * is written with it, so any page is a place to commit at), and the rest follows in a new
   * transaction once it is done. Null if the console is closing: nothing uncommitted is kept.
   */
  const writePages = (pages: readonly PageToCommit[]) => {
    let resolved = 0;
    let commitMs = 0;
    let open = false;
    try {
      for (const [at, page] of pages.entries()) {
        if (stopping()) {
          rollBack();
          return null;
        }
        if (!open) turns.yieldToCore();
        const write = replica.beginPage(page);
        open = true;
        write.applySlice(Number.POSITIVE_INFINITY);
        const commit = at === pages.length - 1 || turns.wanted;
        const started = performance.now();
        resolved += write.finish({ keepOpen: !commit }).resolved;
        if (commit) {
          commitMs += performance.now() - started;
          open = false;
        }
      }
    } catch (error) {
      rollBack();
      throw error;
    }
    return { resolved, commitMs };
  };

  /** Steps of the text index's upkeep; each is a transaction of its own, so the core's thread may write between them. */
  const tidy = (slices: number, sliceMs: number) => {
    for (let i = 0; i < slices; i += 1) {
      if (stopping()) return false;
      turns.yieldToCore();
      if (!replica.tidyTextIndex(sliceMs)) return true;
    }
    return true;
  };

  const taken = () => {
    const pages = buffered;
    buffered = [];
    return pages;
  };

  const commit = (pages: PageToCommit[]) => {
    if (failed) throw new Error('an earlier commit of this run failed; the next run starts from the last commit');
    try {
      return writePages(pages);
    } catch (error) {
      failed = true;
      throw error;
    }
  };

  const answer = (request: WriterRequest): WriterReply => {
    switch (request.kind) {
      case 'begin':
        buffered = [];
        failed = false;
        return { id: request.id };
      case 'page':
        return { id: request.id, written: commit(taken().concat(pageToCommit(request.page))) };
      case 'commit':
        return { id: request.id, written: commit(taken()) };
      case 'tidy':
        return { id: request.id, finished: tidy(request.slices, request.sliceMs) };
      case 'pragma':
        db.pragma(request.sql);
        return { id: request.id };
      case 'price-flags':
        turns.yieldToCore();
        replica.flags.replacePriceFlags(request.range);
        return { id: request.id };
    }
  };

  port.on('message', (request: WriterRequest | HeldPage | { kind: 'close' }) => {
    if (request.kind === 'hold') {
      if (!failed) buffered.push(pageToCommit(request.page));
      return;
    }
    if (request.kind === 'close') {
      rollBack();
      db.close();
      Atomics.store(lifecycle, 0, Lifecycle.closed);
      Atomics.notify(lifecycle, 0);
      port.close();
      return;
    }
    try {
      port.postMessage(answer(request));
    } catch (error) {
      const { message, code } = error as { message?: string; code?: unknown };
      port.postMessage({ id: request.id, error: { message: message ?? String(error), code: typeof code === 'string' ? code : null } });
    }
  });
}

// Closed while this script loaded: no connection is opened, so none outlives the core's.
if (Atomics.compareExchange(lifecycle, 0, Lifecycle.starting, Lifecycle.open) === Lifecycle.starting) {
  let db: SqliteDb | undefined;
  try {
    db = openConnection();
    serve(db);
  } catch (error) {
    // Nothing left open: the core's close must not wait for it. The error reaches the core, which writes the feed itself.
    if (db?.open) db.close();
    Atomics.store(lifecycle, 0, Lifecycle.closed);
    Atomics.notify(lifecycle, 0);
    throw error;
  }
} else {
  port.close();
}
