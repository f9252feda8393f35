import type { SqliteDb } from '../storage/migrations';

export type ConsoleDatabase = 'cache' | 'outbox';

/** A connection to one of them: the core's, or the feed writer's in its worker. */
export interface DiskConnection {
  readonly open: boolean;
  pragma(source: string): unknown;
}

/** SQLite's own ceiling for max_page_count: as good as unlimited. */
const NO_LIMIT = 4_294_967_294;

/**
 * TEST ONLY. Makes the console's database files run out of room without root or a tiny
 * filesystem: SQLite's `max_page_count` caps how many pages a connection may grow its file to,
 * and a write that needs one more page fails with SQLITE_FULL exactly as on a full disk.
 * A test creates one and passes it to the core as `simulatedDisk`; production never does, and
 * the core logs a warning when it is given one.
 */
export class SimulatedDisk {
  private readonly open = new Map<ConsoleDatabase, Set<DiskConnection>>([['cache', new Set()], ['outbox', new Set()]]);
  private readonly full = new Set<ConsoleDatabase>();

  /** Called by the core for every connection it opens; the current state applies at once. */
  attach(database: ConsoleDatabase, db: DiskConnection): void {
    this.open.get(database)!.add(db);
    this.apply(database);
  }

  /** From now on the file cannot grow by a single page (it keeps what it has). */
  fill(database: ConsoleDatabase): void {
    this.full.add(database);
    this.apply(database);
  }

  /** Space returns. */
  free(database: ConsoleDatabase): void {
    this.full.delete(database);
    this.apply(database);
  }

  private apply(database: ConsoleDatabase): void {
    for (const db of this.open.get(database)!) {
      if (!db.open) {
        this.open.get(database)!.delete(db);
        continue;
      }
      // SQLite never lowers the ceiling below the current size, so asking for 1 means "no growth".
      db.pragma(`max_page_count = ${this.full.has(database) ? 1 : NO_LIMIT}`);
    }
  }
}
