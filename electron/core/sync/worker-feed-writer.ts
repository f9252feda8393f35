import type { Worker } from 'node:worker_threads';
import type { Replica } from '../cache/replica';
import { checkPage, type CheckedPage, type FeedPage } from './feed-triage';
import type { PriceFlagRange } from '../cache/listing-flags';
import { startWorkerScript, transferOf } from '../worker-script';
import { InThreadFeedWriter, SLICE_MS, type FeedWriter, type PagesWritten } from './feed-writer';

const CLOSE_WAIT_MS = 10_000;

/** A write on the core's thread waits this long at most for the worker's transaction. */
const BUSY_TIMEOUT_MS = 10_000;

/** What the worker is started with. */
export interface WriterStart {
  file: string;
  turns: SharedArrayBuffer;
  closing: SharedArrayBuffer;
  /** One of Lifecycle, claimed by whichever side moves it first. */
  lifecycle: SharedArrayBuffer;
  autocheckpoint: boolean;
  busyTimeoutMs: number;
}

/** The worker's connection: not yet opened, open, closed, or never to be opened (closed while the worker was starting). */
export const Lifecycle = { starting: 0, open: 1, closed: 2, cancelled: 3 } as const;

export type WriterRequest =
  | { id: number; kind: 'page'; page: CheckedPage; commit: true }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'commit' }
  | { id: number; kind: 'tidy'; slices: number; sliceMs: number }
  | { id: number; kind: 'pragma'; sql: string }
  | { id: number; kind: 'price-flags'; range: PriceFlagRange };

type Request = WriterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A page held by the worker until the page that commits it: sent without an answer, so the core's thread need not wait behind a commit. */
export interface HeldPage {
  kind: 'hold';
  page: CheckedPage;
}

export interface WriterReply {
  id: number;
  written?: Pick<PagesWritten, 'resolved' | 'commitMs'> | null;
  finished?: boolean;
  error?: { message: string; code: string | null };
}

/**
 * The feed written in a worker thread with a writing connection of its own: at a million
 * listings a commit of the sync's pages met the kernel writing back gigabytes and held the
 * core's thread 50–90 ms, however few pages it held. Here the core's thread fetches the feed
 * (checked by the feed reader's worker, or here) and answers the console; the worker applies
 * and commits. Pages are sent one at a time as they are checked, and the worker holds them
 * until the page that commits them comes:
 * it never keeps a transaction open waiting for the core's thread, which may want the lock for
 * a decision's answer (see WriterTurns). If the worker stops, pages it held and had not
 * committed are lost with it: the next write fails, so the run ends and the next resumes from
 * the last committed cursor, written on the core's thread from then on.
 */
export class WorkerFeedWriter implements FeedWriter {
  private worker: Worker | null;
  /** Closed by close(), not stopped by a failure. */
  private closedHere = false;
  private readonly inThread: InThreadFeedWriter;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(reply: WriterReply): void; reject(error: Error): void }>();
  private held = 0;
  /** A commit of this run failed: the pages held behind it are not to be committed. */
  private failedThisRun = false;
  private lost: Error | null = null;
  private readonly closing = new Int32Array(new SharedArrayBuffer(4));
  private readonly lifecycle = new Int32Array(new SharedArrayBuffer(4));

  constructor(replica: Replica, options: { autocheckpoint: boolean; log: (line: string) => void }) {
    this.inThread = new InThreadFeedWriter(replica);
    const worker = startWorkerScript(import.meta.url, { source: './feed-writer-worker.ts', built: 'cache-writer.js' }, {
      file: replica.db.name,
      turns: replica.turns.buffer,
      closing: this.closing.buffer,
      lifecycle: this.lifecycle.buffer,
      autocheckpoint: options.autocheckpoint,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
    } satisfies WriterStart);
    worker.unref();
    worker.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.error) waiter.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else waiter.resolve(reply);
    });
    worker.on('error', (error) => {
      options.log(`cache writer stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.stopped(new Error(`the cache writer stopped (${error instanceof Error ? error.message : String(error)})`));
    });
    worker.on('exit', (code) => {
      // Ended without an error event and without close(): killed, or out of memory.
      if (this.worker !== worker) return;
      options.log(`cache writer exited (code ${code})`);
      this.stopped(new Error(`the cache writer exited (code ${code})`));
    });
    this.worker = worker;
  }

  /**
   * Once the worker stopped by a failure, the feed is written on the core's thread. Pages it
   * held are gone with it: the write that would have committed them fails first (`lost`).
   */
  private get fallenBack(): boolean {
    return this.worker === null && !this.closedHere && this.lost === null;
  }

  get onCoreThread(): boolean {
    return this.fallenBack;
  }

  get pending(): boolean {
    return this.fallenBack ? this.inThread.pending : this.held > 0;
  }

  async write(page: FeedPage | CheckedPage, commit: boolean, stopped: () => boolean): Promise<PagesWritten | null> {
    if (this.fallenBack) return this.inThread.write(page, commit, stopped);
    const checked = 'checked' in page ? page : await checkPage(page);
    const { summary } = checked;
    if (stopped()) return null;
    if (!commit) {
      // Held until the commit; if the worker is gone, that commit fails and these go with it.
      this.held += 1;
      this.worker?.postMessage({ kind: 'hold', page: checked } satisfies HeldPage, transferOf(checked.checked));
      return { resolved: 0, commitMs: 0, ...summary };
    }
    this.held = 0;
    try {
      const reply = await this.send({ kind: 'page', page: checked, commit: true });
      return stopped() || !reply.written ? null : { ...reply.written, ...summary };
    } catch (error) {
      this.failedThisRun = true;
      throw error;
    }
  }

  beginRun(): void {
    // A run starts from the last committed cursor: pages a dead worker took with it no longer matter.
    this.held = 0;
    this.lost = null;
    this.failedThisRun = false;
    if (this.worker) void this.send({ kind: 'begin' }).catch(() => undefined);
  }

  async commitWritten(): Promise<void> {
    if (this.fallenBack) return this.inThread.commitWritten();
    const held = this.held;
    this.held = 0;
    // After a failed commit the worker drops what came behind it; the run's error is that commit's.
    if (held === 0 || this.failedThisRun) return;
    await this.send({ kind: 'commit' });
  }

  async tidy(slices: number, stopped: () => boolean): Promise<boolean> {
    if (this.fallenBack) return this.inThread.tidy(slices, stopped);
    const reply = await this.send({ kind: 'tidy', slices, sliceMs: SLICE_MS });
    return reply.finished === true && !stopped();
  }

  async replacePriceFlags(range: PriceFlagRange): Promise<void> {
    if (this.fallenBack) return this.inThread.replacePriceFlags(range);
    await this.send({ kind: 'price-flags', range });
  }

  /** For the simulated disk of tests: a pragma on the worker's connection, in order with the writes. */
  pragma(sql: string): void {
    if (this.worker) void this.send({ kind: 'pragma', sql }).catch(() => undefined);
  }

  get open(): boolean {
    return this.worker !== null;
  }

  /**
   * Waited for, like the side connection's: the last connection to close a database deletes its
   * log by name. A batch in progress stops at its next page; what it had not committed is dropped.
   */
  close(): void {
    const worker = this.worker;
    this.closedHere = true;
    if (!worker) return;
    this.worker = null;
    // A worker still loading its script has no connection, and will open none: nothing to wait for.
    if (Atomics.compareExchange(this.lifecycle, 0, Lifecycle.starting, Lifecycle.cancelled) !== Lifecycle.starting) {
      Atomics.store(this.closing, 0, 1);
      worker.postMessage({ kind: 'close' });
      Atomics.wait(this.lifecycle, 0, Lifecycle.open, CLOSE_WAIT_MS);
    }
    void worker.terminate();
    this.stopped(new Error('the cache was closed'));
  }

  private stopped(error: Error): void {
    this.worker = null;
    if (this.held > 0) this.lost = error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  private send(request: Request): Promise<WriterReply> {
    const worker = this.worker;
    if (!worker || this.lost) {
      const error = this.lost ?? new Error('the cache writer is not running');
      this.lost = null;
      this.held = 0;
      return Promise.reject(error);
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, request.kind === 'page' ? transferOf(request.page.checked) : []);
    });
  }
}

/**
 * The feed's writer for a cache: a worker where one can run, the core's thread where not (an
 * in-memory cache, a worker that could not start).
 */
export function feedWriterFor(replica: Replica, options: { autocheckpoint: boolean; log: (line: string) => void }): FeedWriter {
  if (replica.db.memory) return new InThreadFeedWriter(replica);
  try {
    return new WorkerFeedWriter(replica, options);
  } catch (error) {
    options.log(`cache writer unavailable, the feed is written on the core's thread: ${error instanceof Error ? error.message : String(error)}`);
    return new InThreadFeedWriter(replica);
  }
}
