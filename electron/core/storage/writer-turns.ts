/** The longest the worker waits for the core's thread in one go before it looks again. */
const LONGEST_WAIT_MS = 100;

/**
 * Turns at the cache's write lock between the core's thread and the feed writer's worker. The
 * worker writes the feed transaction after transaction, and a writer SQLite makes wait only
 * retries now and then (its busy handler sleeps between tries): against a worker that begins
 * its next transaction a moment after each commit, a decision's write on the core's thread
 * could wait out its whole busy timeout. So the core's thread says it is waiting, and the
 * worker lets it go before beginning its next transaction: a write there waits for at most the
 * transaction in progress. Shared memory, not a message: the worker is busy in SQLite, not
 * reading its port, when it matters.
 */
export class WriterTurns {
  private readonly waiting: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.waiting = new Int32Array(buffer);
  }

  /** On the core's thread: runs a write with the worker held back before its next transaction. */
  take<T>(write: () => T): T {
    Atomics.add(this.waiting, 0, 1);
    try {
      return write();
    } finally {
      Atomics.sub(this.waiting, 0, 1);
      Atomics.notify(this.waiting, 0);
    }
  }

  /** Whether the core's thread is waiting to write. */
  get wanted(): boolean {
    return Atomics.load(this.waiting, 0) > 0;
  }

  /** In the worker, before each transaction: waits while the core's thread wants the lock. */
  yieldToCore(): void {
    for (let waiting = Atomics.load(this.waiting, 0); waiting > 0; waiting = Atomics.load(this.waiting, 0)) {
      Atomics.wait(this.waiting, 0, waiting, LONGEST_WAIT_MS);
    }
  }
}
