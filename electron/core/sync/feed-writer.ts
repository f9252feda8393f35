import type { EntityType } from '../../../shared/platform/changes';
import type { Replica } from '../cache/replica';
import type { PriceFlagRange } from '../cache/listing-flags';
import { nextTurn } from '../next-turn';
import { checkPage, pageToCommit, type CheckedPage, type FeedPage } from './feed-triage';

/** How long one slice of a page may hold the core's thread: well under the 50 ms a stall would be felt at. */
export const SLICE_MS = 12;

/**
 * What a write of the feed reports: quarantined records it resolved, its commit's time (0 if it
 * did not commit), and of the page it checked, the kinds of record it holds and how many
 * records went to quarantine.
 */
export interface PagesWritten {
  resolved: number;
  commitMs: number;
  entityTypes: EntityType[];
  quarantined: number;
}

/**
 * Where the feed's pages are written into the cache: on the core's thread in slices
 * (InThreadFeedWriter), or in a worker of its own (WorkerFeedWriter). Pages are written in
 * order; those written since the last commit are committed together, each with its cursor.
 */
export interface FeedWriter {
  /** Whether the writes hold the core's thread: the sync then keeps each commit short. */
  readonly onCoreThread: boolean;
  /**
   * Writes a page after those written since the last commit and, with `commit`, commits them
   * all: one the feed reader checked, or one as fetched, whose records are checked here first
   * (those that do not parse go to quarantine, with why). Null if `stopped()` turned true
   * meanwhile: the uncommitted pages are dropped. A failure drops them too, and rejects.
   */
  write(page: FeedPage | CheckedPage, commit: boolean, stopped: () => boolean): Promise<PagesWritten | null>;
  /** Whether pages are written and not committed. */
  readonly pending: boolean;
  /** At the start of a run: whatever an earlier run left uncommitted is dropped, not committed with this run's pages. */
  beginRun(): void;
  /** Commits the pages written so far (a run cut short keeps those it finished). */
  commitWritten(): Promise<void>;
  /** Up to `slices` steps of the text index's upkeep, or until none is left; false if stopped meanwhile. */
  tidy(slices: number, stopped: () => boolean): Promise<boolean>;
  /** A range of the price pass after a sync (see ListingFlagStore.refreshPriceFlagsBeside). */
  replacePriceFlags(range: PriceFlagRange): Promise<void>;
  /** Stops, dropping pages not committed; waits for a worker's connection to close. */
  close(): void;
}

/**
 * The feed written on the core's thread, in slices of about SLICE_MS with the console's
 * requests answered between them (see Replica.beginPage): where no worker can run (an
 * in-memory cache) or none started.
 */
export class InThreadFeedWriter implements FeedWriter {
  readonly onCoreThread = true;

  constructor(private readonly replica: Replica) {}

  get pending(): boolean {
    return this.replica.pagesPending;
  }

  async write(page: FeedPage | CheckedPage, commit: boolean, stopped: () => boolean): Promise<PagesWritten | null> {
    const checked = 'checked' in page ? page : await checkPage(page);
    if (stopped()) return null;
    const write = this.replica.beginPage(pageToCommit(checked));
    try {
      while (!write.applySlice(SLICE_MS)) {
        await nextTurn();
        if (stopped()) {
          write.abandon();
          return null;
        }
      }
      const started = performance.now();
      const { resolved } = write.finish({ keepOpen: !commit });
      return { resolved, commitMs: commit ? performance.now() - started : 0, ...checked.summary };
    } catch (error) {
      write.abandon();
      throw error;
    }
  }

  /** Nothing to drop: a run that ends commits or rolls back what it wrote (see SyncEngine.pull). */
  beginRun(): void {}

  commitWritten(): Promise<void> {
    this.replica.commitPages();
    return Promise.resolve();
  }

  async tidy(slices: number, stopped: () => boolean): Promise<boolean> {
    for (let i = 0; i < slices; i += 1) {
      await nextTurn();
      if (stopped()) return false;
      if (!this.replica.tidyTextIndex(SLICE_MS)) return true;
    }
    return true;
  }

  replacePriceFlags(range: PriceFlagRange): Promise<void> {
    this.replica.flags.replacePriceFlags(range);
    return Promise.resolve();
  }

  close(): void {}
}
