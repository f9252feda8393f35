import type { EntityType } from '../../../shared/platform/changes';
import type { SyncStatus } from '../../../shared/ipc/views';
import type { Replica } from '../cache/replica';
import { DeskFailure } from '../errors';
import type { PlatformClient } from '../platform/client';
import { CommitPacing } from './commit-pacing';
import { runStepsByTurns, type SqlStep } from '../storage/side-connection';
import { InThreadFeedWriter, type FeedWriter, type PagesWritten } from './feed-writer';
import type { CheckedPage } from './feed-triage';
import { InThreadFeedReader, type FeedReader } from './feed-reader';

/**
 * Changes per feed page. A page is one transaction (and one text-index segment), so larger is
 * cheaper to write; but its JSON is decoded in one piece, ~10 ms per 500 changes here.
 */
export const PAGE_SIZE = 500;

/**
 * The most pages written per commit during a long sync. Each commit writes out every index page
 * its pages touched; four pages share most of those, and a first sync of 200,000 listings took
 * ~35 s instead of ~50–65 s. A crash loses at most the pages since the last commit (the
 * platform has them; the cursor committed with the last one says where to resume).
 */
export const PAGES_PER_COMMIT = 4;

/**
 * A commit's share of the core's thread, when the feed is written there: fewer and smaller pages
 * a commit once they take longer (see CommitPacing). A worker's commits have no such bound.
 */
const COMMIT_BUDGET_MS = 25;

/**
 * Pages when a worker writes the feed: the core's thread still decodes each page's JSON in one
 * piece, the longest of its tasks left during a sync; half as large, twice as many a commit.
 */
const WORKER_PAGE_SIZE = PAGE_SIZE / 2;
const WORKER_PAGES_PER_COMMIT = PAGES_PER_COMMIT * 2;

/** The smallest page the pacing asks for: below it the feed's requests cost more than they save. */
const LEAST_PAGE_SIZE = 100;

/**
 * Changes committed between two waits for the log's checkpoint. Never waiting let the log grow
 * to 2.4 GB in a 200,000-listing first sync (loop stalls up to 200 ms: commits slowed with it);
 * waiting after every commit kept it under 30 MB (stalls under 80 ms) but the sync waited on
 * each checkpoint's fsyncs; every sixteen pages of 500 keeps it near 100 MB. Measured one run
 * each: the sync's time varies ±20 % between runs here, more than these choices moved it.
 */
const CHANGES_PER_CHECKPOINT_WAIT = 8_000;

/**
 * Changes a run commits before its first wait. A catch-up of 10,000 edits made one wait, for a
 * checkpoint of everything before it: 100–200 ms of its ~2 s at a million listings. The log a
 * run this short leaves is moved by the checkpoint asked for at its end.
 */
const CHANGES_BEFORE_WAITING = 16_000;

/** Text-index merge steps after each page: enough to keep up with what a page adds. */
const TIDY_SLICES_PER_PAGE = 2;

/**
 * Pages a run writes before it merges between pages. A catch-up this short leaves its few
 * segments (one per page) to the merge after it shows as synced, instead of spending 25 ms a
 * page on them while staff wait for the changes; a longer run merges as it goes, so the
 * segments never pile up to FTS5's crisis merge (64 on a level), which runs inside a commit.
 */
const PAGES_BEFORE_TIDYING = 16;

/** What the engine knows; the workspace adds the outbox count and the cache's health. */
export type EngineStatus = Omit<SyncStatus, 'pendingOutbox' | 'cacheProblem'>;

export interface SyncEvents {
  progress(status: EngineStatus): void;
  /** After a run that changed the cache, once it shows as synced; the run ends when the upkeep it starts is done. */
  cacheChanged(entityTypes: EntityType[]): void | Promise<void>;
  /** After each commit: the moment to move the write-ahead log on; the next write waits for what it returns. */
  pageCommitted?(): void | Promise<void>;
  /**
   * Where the indexes a first sync left out are built, each list one transaction: the side
   * connection's worker. Without it, on the core's connection a transaction a turn.
   */
  buildIndexes?(transactions: SqlStep[][]): Promise<void>;
  /** A failure that is not the platform's: a bug or a broken cache file. Logged, never thrown into the void. */
  unexpected?(error: unknown): void;
}

/**
 * Keeps the replica in step with the platform's change feed: from nothing (initial) or from
 * the stored cursor (incremental), one committed page at a time.
 */
export class SyncEngine {
  private status: EngineStatus;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Changes committed in the current run, and when it last waited for a checkpoint. */
  private changesCommitted = 0;
  private changesAtLastWait = 0;
  private pacing: CommitPacing;
  private pacingOnCore = true;
  /** Pages, their changes, and the quarantined records they resolved, written since the last commit. */
  private pagesOpen = 0;
  private changesOpen = 0;
  private resolvedOpen = 0;
  private readonly writer: FeedWriter;
  private readonly reader: FeedReader;

  constructor(
    private readonly replica: Replica,
    private readonly client: () => PlatformClient,
    private readonly events: SyncEvents,
    private readonly options: { pollMs: number; pageSize?: number; now?: () => Date; writer?: FeedWriter; reader?: FeedReader } = { pollMs: 5_000 },
  ) {
    this.writer = options.writer ?? new InThreadFeedWriter(replica);
    this.reader = options.reader ?? new InThreadFeedReader();
    this.pacing = this.pacingFor(this.writer.onCoreThread);
    const { lastSyncedAt } = replica.syncState();
    this.status = { phase: 'idle', done: 0, total: null, lastSyncedAt, online: true, quarantined: replica.quarantinedCount(), degraded: null };
  }

  current(): EngineStatus {
    return { ...this.status, degraded: this.degraded() };
  }

  /** The client's account of a platform answering with errors or too slowly; never while offline. */
  private degraded(): EngineStatus['degraded'] {
    return this.status.online ? (this.client().health?.() ?? null) : null;
  }

  /** Syncs now, unless a run is already going (then waits for that one). */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.running ??= this.run().finally(() => {
      this.running = null;
      if (!this.stopped) {
        this.timer = setTimeout(() => void this.syncNow(), this.options.pollMs);
        this.timer.unref?.();
      }
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private pacingFor(onCoreThread: boolean): CommitPacing {
    this.pacingOnCore = onCoreThread;
    if (!onCoreThread) {
      return new CommitPacing({ pageSize: this.options.pageSize ?? WORKER_PAGE_SIZE, leastPageSize: LEAST_PAGE_SIZE, mostPages: WORKER_PAGES_PER_COMMIT, budgetMs: Number.POSITIVE_INFINITY });
    }
    return new CommitPacing({ pageSize: this.options.pageSize ?? PAGE_SIZE, leastPageSize: LEAST_PAGE_SIZE, mostPages: PAGES_PER_COMMIT, budgetMs: COMMIT_BUDGET_MS });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private report(patch: Partial<SyncEngine['status']>): void {
    if (this.stopped) return;
    this.status = { ...this.status, ...patch };
    this.status.degraded = this.degraded();
    this.events.progress(this.current());
  }

  private async run(): Promise<void> {
    try {
      await this.runOnce();
    } finally {
      // Retries inside the client change nothing else in the status, so a change of health is reported here.
      if (this.degraded()?.since !== this.status.degraded?.since) this.report({});
    }
  }

  private async runOnce(): Promise<void> {
    try {
      await this.pull();
    } catch (error) {
      if (error instanceof DeskFailure && error.code === 'cursor_reset') {
        // The platform's feed was rebuilt: our cursor means nothing there any more.
        this.replica.reset();
        this.events.cacheChanged(['listing', 'user', 'report']);
        await this.pull().catch((again: unknown) => this.failed(again));
        return;
      }
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    // A run cut short by sign-out fails against closed files; that is the point, not a fault.
    if (this.stopped) return;
    if (error instanceof DeskFailure && error.transient) {
      // A platform that answers, only badly (5xx, 429), is degraded, not gone: the bar says "retrying",
      // not "offline". No answer at all in every try is offline, whatever came before.
      if (error.code !== 'platform_unreachable' && this.client().health?.()) this.report({ phase: 'idle', online: true });
      else this.report({ phase: 'offline', online: false });
      return;
    }
    this.report({ phase: 'idle' });
    if (!(error instanceof DeskFailure)) this.unexpected(error);
  }

  private unexpected(error: unknown): void {
    (this.events.unexpected ?? ((e) => console.error('sync failed', e)))(error);
  }

  /**
   * Writes a page, committing it with those written before it unless `keepOpen`: what the
   * writer reports (at a commit, the quarantined records resolved by all the pages it
   * committed), or null if a sign-out came in between: the uncommitted pages are dropped, and
   * the cursor stays before them. The pages and changes are counted when sent: with a worker
   * writing, the next pages are sent while a commit is still on its way.
   */
  private async commit(page: CheckedPage, options: { changes: number; keepOpen: boolean; tidyAfter: boolean }): Promise<PagesWritten | null> {
    this.pagesOpen += 1;
    this.changesOpen += options.changes;
    const changes = this.changesOpen;
    if (!options.keepOpen) this.pagesOpen = this.changesOpen = 0;
    let written;
    try {
      written = await this.writer.write(page, !options.keepOpen, () => this.stopped);
    } catch (error) {
      this.pagesOpen = this.changesOpen = this.resolvedOpen = 0;
      throw error;
    }
    if (written === null) {
      this.pagesOpen = this.changesOpen = this.resolvedOpen = 0;
      return null;
    }
    this.resolvedOpen += written.resolved;
    if (options.keepOpen) return written;
    const landed = { ...written, resolved: this.resolvedOpen };
    this.resolvedOpen = 0;
    this.pacing.committed(changes, written.commitMs);
    this.changesCommitted += changes;
    const checkpointed = this.events.pageCommitted?.();
    // Every so many changes the next write waits for the checkpoint: only a write transaction that
    // begins with every frame in the database file rewinds the log (see SideConnection.checkpoint).
    if (this.changesCommitted >= CHANGES_BEFORE_WAITING && this.changesCommitted - this.changesAtLastWait >= CHANGES_PER_CHECKPOINT_WAIT) {
      this.changesAtLastWait = this.changesCommitted;
      await checkpointed;
      if (this.stopped) return null;
    }
    return !options.tidyAfter || (await this.tidy(TIDY_SLICES_PER_PAGE)) ? landed : null;
  }

  /** Text-index upkeep, a slice at a time; false if a sign-out came in between. */
  private tidy(slices: number): Promise<boolean> {
    return this.writer.tidy(slices, () => this.stopped);
  }

  /**
   * What a first sync left out (first-sync-indexes.ts), built once the feed is read to its end
   * and before the cache shows as synced — also by the catch-up after a first sync cut short.
   */
  private async buildDeferredIndexes(): Promise<void> {
    const builds = this.replica.deferredIndexBuilds();
    if (builds.length === 0) return;
    try {
      await (this.events.buildIndexes?.(builds) ?? runStepsByTurns(this.replica.db, builds));
    } catch (error) {
      // The queues read the same without them, only slower; the next run that reaches the end tries again.
      if (!this.stopped) this.unexpected(error);
    }
  }

  /** Pulls the feed; whatever way it ends (a fetch that failed, a sign-out), the pages finished are committed. */
  private async pull(): Promise<void> {
    try {
      await this.pullPages();
    } finally {
      if (this.writer.pending) await this.commitFinishedPages();
    }
  }

  private async commitFinishedPages(): Promise<void> {
    this.pagesOpen = this.changesOpen = this.resolvedOpen = 0;
    try {
      await this.writer.commitWritten();
      void this.events.pageCommitted?.();
    } catch (error) {
      // A cache closed by a sign-out keeps what it committed; the pages come again next time.
      if (!this.stopped) throw error;
    }
  }

  private async pullPages(): Promise<void> {
    const { cursor } = this.replica.syncState();
    this.changesCommitted = 0;
    this.changesAtLastWait = 0;
    this.pagesOpen = this.changesOpen = this.resolvedOpen = 0;
    this.writer.beginRun();
    // A worker that stopped leaves the writes to the core's thread, and its pacing with them.
    if (this.writer.onCoreThread !== this.pacingOnCore) this.pacing = this.pacingFor(this.writer.onCoreThread);
    const phase = cursor === null ? 'initial' : 'incremental';
    if (cursor === null) this.replica.deferIndexesForFirstSync();
    let done = 0;
    let total: number | null = null;
    const touched = new Set<EntityType>();
    /** Whether the pages since the last commit quarantined anything: the count is read again once they are committed. */
    let quarantinedOpen = false;
    const fetchPage = (after: string | null, first: boolean) =>
      this.reader.read(this.client(), { cursor: after ?? undefined, limit: this.pacing.pageSize, withRemaining: first ? 'true' : 'false' });
    let next = fetchPage(cursor, true);
    /**
     * The commit on its way, when a worker writes: the core's thread fetches and checks the next
     * pages meanwhile, and waits for it before sending the next commit (one at a time, so the
     * checkpoint waits and the cursor still go commit by commit). False if a sign-out came in between.
     */
    let landing: Promise<boolean> | null = null;
    try {
      for (let pages = 0, first = true; ; first = false, pages += 1) {
        const page = await next;
        // Signed out while the page was on its way: the cache is closed, leave it be.
        if (this.stopped) return;
        if (page.hasMore) {
          // The next page is asked for before this one is written: the platform prepares it while
          // the cache commits, instead of each side waiting on the other. If this commit fails,
          // that answer is simply dropped (and its failure with it); the cursor stays where it was.
          next = fetchPage(page.nextCursor, false);
          next.catch(() => undefined);
        }
        if (first && page.remaining !== undefined) total = page.count + page.remaining;
        if (first && page.count > 0) this.report({ phase, done: 0, total, online: true });
        // The last page of a run, and every few pages, commit; the ones between wait for them.
        const keepOpen = page.hasMore && this.pagesOpen + 1 < this.pacing.pages;
        if (!keepOpen && landing && !(await landing)) return;
        done += page.count;
        const written = this.commit(
          { checked: page.checked, summary: page.summary, cursor: page.nextCursor, at: this.now() },
          { changes: page.count, keepOpen, tidyAfter: pages >= PAGES_BEFORE_TIDYING },
        );
        if (keepOpen) {
          const held = await written;
          if (held === null) return;
          quarantinedOpen ||= held.quarantined > 0;
          for (const type of held.entityTypes) touched.add(type);
        } else {
          const through = done;
          const quarantinedBefore = quarantinedOpen;
          quarantinedOpen = false;
          landing = written.then((landed) => {
            if (landed === null) return false;
            for (const type of landed.entityTypes) touched.add(type);
            const quarantinedTotal = quarantinedBefore || landed.quarantined > 0 || landed.resolved > 0 ? this.replica.quarantinedCount() : this.status.quarantined;
            // Progress counts what is committed: a restart after a crash resumes from there.
            if (through > 0) this.report({ phase, done: through, total, online: true, quarantined: quarantinedTotal });
            return true;
          });
          // Its failure is met where it is waited for (below, or before the next commit).
          landing.catch(() => undefined);
          if (this.writer.onCoreThread && !(await landing)) return;
        }
        if (!page.hasMore) break;
      }
      if (landing && !(await landing)) return;
    } finally {
      // A fetch that failed with a commit on its way: it lands (or fails) before the run says how it ended.
      await landing?.catch(() => undefined);
    }
    await this.buildDeferredIndexes();
    if (this.stopped) return;
    this.report({ phase: 'idle', done, total: done, online: true, lastSyncedAt: this.replica.syncState().lastSyncedAt });
    if (touched.size > 0) await this.events.cacheChanged([...touched]);
    // What the pages left unmerged is merged once the changes show, still a slice at a time: a
    // search reads the extra segments meanwhile, a little slower, but the catch-up is not held
    // up by upkeep (at a million listings merging the 20 segments of 10,000 edits took longer
    // than writing them). The next run waits for it.
    if (done > 0 && (await this.tidy(Number.POSITIVE_INFINITY))) {
      // The merges are written to the log too: moved into the file now, while nothing waits,
      // not by the next run (the first catch-up after a first sync waited seconds for it).
      void this.events.pageCommitted?.();
    }
  }
}
