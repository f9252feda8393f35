import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDb } from './migrations';
import { nextTurn } from '../next-turn';
import { BACKGROUND_NICE, lowerThreadPriority } from '../background-priority';

const CLOSE_WAIT_MS = 10_000;

/**
 * Rows a read's answer carries per message. The core's thread decodes each message whole, and the
 * price pass's 35,000 rows at a million listings took 85–190 ms in one piece; the worker sends
 * the next part when this side asks, so each is decoded in a turn of its own (Node delivers
 * messages already queued on a port in one go).
 */
const PART_ROWS = 2_000;

/** The driver's own file, for a worker that cannot resolve packages from eval'd source. */
const driver = createRequire(import.meta.url).resolve('better-sqlite3');

const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// Its scans and checkpoints wait behind the core's thread (background-priority.ts).
(${lowerThreadPriority})(require('node:fs'), require('node:os'), process.platform, ${BACKGROUND_NICE});
const db = new Database(workerData.file, { fileMustExist: true });
const closing = new Int32Array(workerData.closing);
db.pragma('busy_timeout = 2000');
db.pragma('query_only = ON');
// Rows are sent a part at a time, the next when asked for: see SideConnection.all.
const unsent = new Map();
function sendPart(id) {
  const left = unsent.get(id);
  if (!left) return;
  const rows = left.rows.slice(left.at, left.at + workerData.partRows);
  left.at += rows.length;
  const more = left.at < left.rows.length;
  if (!more) unsent.delete(id);
  parentPort.postMessage({ id, rows, more });
}
parentPort.on('message', (message) => {
  if (message.kind === 'close') {
    db.close();
    const closed = new Int32Array(workerData.closed);
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    parentPort.close();
    return;
  }
  try {
    if (message.kind === 'write') {
      // A connection of its own for these writes, closed after them: the reading one stays query_only.
      const writer = new Database(workerData.file, { fileMustExist: true, timeout: 10000 });
      try {
        writer.pragma('synchronous = NORMAL');
        for (const steps of message.transactions) {
          // Closing: the rest waits for the next time; each transaction is short enough for close's wait.
          if (Atomics.load(closing, 0) === 1) break;
          writer.transaction(() => {
            for (const step of steps) writer.prepare(step.sql).run(...step.params);
          })();
        }
      } finally {
        writer.close();
      }
      parentPort.postMessage({ id: message.id, rows: [] });
      return;
    }
    if (message.kind === 'more') {
      sendPart(message.id);
      return;
    }
    const rows = message.kind === 'checkpoint' ? db.pragma('wal_checkpoint(PASSIVE)') : db.prepare(message.sql).all(message.params);
    unsent.set(message.id, { rows, at: 0 });
    sendPart(message.id);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

type Request = { kind: 'checkpoint' } | { kind: 'read'; sql: string; params: Record<string, unknown> } | { kind: 'write'; transactions: readonly (readonly SqlStep[])[] };

/** A statement and its parameters, for a connection in another thread. */
export interface SqlStep {
  sql: string;
  params: unknown[];
}

/** Transactions of steps on this connection, one a turn: where no worker runs them. */
export async function runStepsByTurns(db: SqliteDb, transactions: readonly (readonly SqlStep[])[]): Promise<void> {
  for (const steps of transactions) {
    db.transaction(() => {
      for (const step of steps) db.prepare(step.sql).run(...step.params);
    })();
    await nextTurn();
  }
}

/**
 * A second, read-only connection to a database, in a worker thread: the scans that would hold
 * the core's thread for seconds at a million listings (queue sizes, price medians) run there
 * against the last committed state, and so does moving the write-ahead log back into the file —
 * left to SQLite, that copy and its fsync run inside whichever commit crosses 1,000 pages of log,
 * 40–50 ms each time during a sync. If the worker cannot start (an in-memory database, a
 * platform without workers) reads run on the writer's connection and SQLite checkpoints as usual.
 */
export class SideConnection {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { received: unknown[]; resolve(rows: unknown[]): void; reject(error: Error): void }>();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Set by the worker once its connection is closed. */
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));
  /** Set here when closing: a long write in the worker stops at its next transaction. */
  private readonly closing = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly db: SqliteDb, private readonly log: (line: string) => void) {
    if (db.memory) return;
    try {
      const worker = new Worker(source, { eval: true, workerData: { file: db.name, driver, closed: this.closed.buffer, closing: this.closing.buffer, partRows: PART_ROWS } });
      worker.unref();
      worker.on('message', (answer: { id: number; rows?: unknown[]; more?: boolean; error?: string }) => {
        const waiter = this.waiting.get(answer.id);
        if (!waiter) return;
        if (answer.more) {
          waiter.received.push(...(answer.rows ?? []));
          worker.postMessage({ kind: 'more', id: answer.id });
          return;
        }
        this.waiting.delete(answer.id);
        if (answer.error) waiter.reject(new Error(answer.error));
        else waiter.resolve(waiter.received.length === 0 ? (answer.rows ?? []) : waiter.received.concat(answer.rows ?? []));
      });
      worker.on('error', (error) => this.fallBack(error));
      db.pragma('wal_autocheckpoint = 0');
      this.worker = worker;
    } catch (error) {
      this.fallBack(error);
    }
  }

  /** Whether this connection's worker runs, and checkpoints the log in place of SQLite's automatic ones. */
  get checkpointing(): boolean {
    return this.worker !== null;
  }

  /** A read of the last committed state, off the core's thread when the worker runs. */
  all<Row>(sql: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    if (!this.worker) {
      try {
        return Promise.resolve(this.db.prepare(sql).all(params) as Row[]);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return this.send({ kind: 'read', sql, params }) as Promise<Row[]>;
  }

  /**
   * Long writes nothing waits on but the sync (building an index over a million rows), each list
   * one transaction, on a writable connection the worker opens for them: the core's thread goes
   * on answering the console meanwhile, and its own writes wait on the lock for at most one of
   * these transactions. On the core's connection, one transaction a turn, where no worker runs.
   */
  async write(transactions: readonly (readonly SqlStep[])[]): Promise<void> {
    if (transactions.length === 0) return;
    if (!this.worker) return runStepsByTurns(this.db, transactions);
    await this.send({ kind: 'write', transactions });
  }

  /**
   * After a large write: a checkpoint, resolved once one that began after this request is done.
   * Requests while one runs share the one after it. The sync waits for it before its next
   * write: the log is rewound to its start only by a write transaction that begins when every
   * frame is in the database file, and a writer that began at once after each commit never
   * did — the log grew to 2.4 GB over a 280 MB cache in a 200,000-listing first sync, and every
   * page read searched its index.
   */
  checkpoint(): Promise<void> {
    if (!this.worker) return Promise.resolve();
    if (!this.running) return (this.running = this.runCheckpoint());
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.checkpoint();
    });
    return this.queued;
  }

  private runCheckpoint(): Promise<void> {
    return this.send({ kind: 'checkpoint' })
      .then(
        () => undefined,
        (error: unknown) => {
          // One asked just before close is dropped with the connection; nothing to report.
          if (this.worker) this.log(`checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(() => {
        this.running = null;
      });
  }

  /**
   * Before the writer's connection closes, and waited for: the last connection to close a WAL
   * database checkpoints it and deletes its log by name, so a worker closing later could delete
   * the log of a new cache created under the same name (a rebuild). The wait is bounded by the
   * statement in progress.
   */
  close(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    Atomics.store(this.closing, 0, 1);
    worker.postMessage({ kind: 'close' });
    Atomics.wait(this.closed, 0, 0, CLOSE_WAIT_MS);
    void worker.terminate();
    for (const waiter of this.waiting.values()) waiter.reject(new Error('the cache was closed'));
    this.waiting.clear();
  }

  private send(request: Request): Promise<unknown[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { received: [], resolve, reject });
      this.worker!.postMessage({ ...request, id });
    });
  }

  private fallBack(error: unknown): void {
    this.worker = null;
    this.log(`cache side connection unavailable, its work runs on the core's thread: ${error instanceof Error ? error.message : String(error)}`);
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    for (const waiter of this.waiting.values()) waiter.reject(new Error('the cache side connection stopped'));
    this.waiting.clear();
  }
}
