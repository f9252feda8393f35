import { statfsSync } from 'node:fs';
import type { DeskFailure } from '../errors';
import type { SqliteDb } from '../storage/migrations';
import type { SideConnection } from '../storage/side-connection';

export type CacheProblem = 'disk_full' | 'cache_unreadable';

/** Room a disk must have again before "disk full" is lifted, so the banner does not flicker at the edge. */
const HEADROOM_PAGES = 64;
const HEADROOM_BYTES = 16 * 1024 * 1024;

export interface CacheHealthDeps {
  folder: string;
  cache: () => SqliteDb;
  outbox: SqliteDb;
  /** The problem appeared, changed or went away. */
  changed(problem: CacheProblem | null): void;
  log(line: string): void;
}

/**
 * Whether the account's local files can be used: `cache_unreadable` when the cache is damaged
 * (found at open or by a query), `disk_full` when a write ran out of room. A damaged cache stays
 * so until it is rebuilt; a full disk clears by itself once there is room again, and sync,
 * which retries its uncommitted page, then catches up.
 */
export class CacheHealth {
  private problem: CacheProblem | null = null;

  constructor(private readonly deps: CacheHealthDeps) {}

  current(): CacheProblem | null {
    if (this.problem === 'disk_full' && this.hasRoomAgain()) this.set(null);
    return this.problem;
  }

  /** The cache could not be opened (damaged header, failed quick_check). */
  unreadableAtOpen(reason: string): void {
    this.deps.log(`cache: ${reason}; it is kept as it is until the staff member rebuilds it`);
    this.set('cache_unreadable');
  }

  /** A storage failure surfaced from a query or a write, anywhere in the core. */
  noticed(failure: DeskFailure): void {
    if (failure.code === 'disk_full') {
      if (this.problem === null) this.deps.log(`cache: ${failure.message}`);
      if (this.problem !== 'cache_unreadable') this.set('disk_full');
      return;
    }
    if (this.problem === 'cache_unreadable') return;
    // A damaged outbox is not something a cache rebuild mends; say so in the log rather than offer it.
    if (!intact(this.deps.outbox)) {
      this.deps.log(`outbox: the outbox file is damaged (${failure.message}); it is left untouched for support`);
      return;
    }
    this.deps.log(`cache: damaged at runtime (${failure.message})`);
    this.set('cache_unreadable');
  }

  private set(problem: CacheProblem | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.deps.changed(problem);
  }

  private hasRoomAgain(): boolean {
    try {
      const pagesLeft = (db: SqliteDb) => (db.pragma('max_page_count', { simple: true }) as number) - (db.pragma('page_count', { simple: true }) as number);
      const { bavail, bsize } = statfsSync(this.deps.folder);
      return pagesLeft(this.deps.cache()) > HEADROOM_PAGES && pagesLeft(this.deps.outbox) > HEADROOM_PAGES && bavail * bsize > HEADROOM_BYTES;
    } catch {
      return false;
    }
  }
}

/** SQLite's quick_check: every page and b-tree is walked, without the slower index-content comparison. */
export function intact(db: SqliteDb): boolean {
  try {
    const rows = db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[];
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch {
    return false;
  }
}

/**
 * The same check read through the side connection, for the cache at sign-in: quick_check reads
 * every page, and at a million listings that is the whole 1.5 GB file, 7 s with the file in the
 * OS cache and ~50 s without, which held sign-in and the core with it. Damage found this way
 * is reported a moment after open, the way damage found by a query is.
 */
export async function intactBeside(side: SideConnection): Promise<boolean> {
  try {
    const rows = await side.all<{ quick_check: string }>('PRAGMA quick_check(1)');
    return rows.length === 1 && rows[0]!.quick_check === 'ok';
  } catch (error) {
    // The worker passes SQLite's message, not its code.
    if (/malformed|not a database|corrupt/i.test((error as Error).message)) return false;
    throw error;
  }
}
