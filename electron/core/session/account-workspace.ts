import type { OutboxEntry, SyncStatus } from '../../../shared/ipc/views';
import { CacheHealth, intactBeside } from '../cache-health/cache-health';
import type { SimulatedDisk } from '../cache-health/simulated-disk';
import { storageFailure } from '../cache-health/storage-failure';
import type { DeskFailure } from '../errors';
import { cacheMigrations, tuneCacheConnection } from '../cache/migrations';
import { queueKinds } from '../../../shared/ipc/moderation-views';
import { recordQueueSnapshot, type QueueSizes } from '../cache/moderation-reads';
import { summaryBeside, type QueueContext } from '../cache/moderation-queue';
import type { QueueKind, QueueSummary } from '../../../shared/ipc/moderation-views';
import { ClusterCache } from '../moderation/cluster-cache';
import { QueueMemo } from '../cache/queue-memo';
import { Replica } from '../cache/replica';
import type { CoreEvents } from '../core-events';
import { OutboxDelivery } from '../outbox/delivery';
import { outboxMigrations } from '../outbox/migrations';
import { OutboxStore, type QueuedDecision } from '../outbox/outbox-store';
import { createPlatformClient, type PlatformClient } from '../platform/client';
import { openMigrated, type SqliteDb } from '../storage/migrations';
import { SideConnection } from '../storage/side-connection';
import { SyncEngine } from '../sync/sync-engine';
import type { FeedWriter } from '../sync/feed-writer';
import { feedWriterFor, WorkerFeedWriter } from '../sync/worker-feed-writer';
import { feedReaderFor, type FeedReader } from '../sync/feed-reader';
import { cacheFile, outboxFile, removeDatabase } from './account-files';
import type { SessionTokens } from './session-tokens';

const SNAPSHOT_INTERVAL_MS = 10 * 60_000;

/**
 * Everything a signed-in account works with: its client, cache replica, outbox, sync and
 * delivery. Created at sign-in, closed at sign-out.
 */
export class AccountWorkspace {
  readonly client: PlatformClient;
  readonly replica: Replica;
  readonly outbox: OutboxStore;
  readonly sync: SyncEngine;
  readonly delivery: OutboxDelivery;
  readonly clusters: ClusterCache;
  /** Where the queue pages served ended, and their totals, while the cache is unchanged. */
  readonly queueMemo = new QueueMemo();
  readonly health: CacheHealth;
  private lastSnapshotAt = 0;
  /** Bumped whenever the cache or the outbox changes: what the memoised queue sizes were counted at. */
  private generation = 0;
  private sizes: { key: string; value: Promise<QueueSummary[]> } | null = null;
  private started = false;
  private readonly cacheDb: SqliteDb;
  private readonly outboxDb: SqliteDb;
  private readonly log: (line: string) => void;
  /** Reads that scan the whole cache, and the log's checkpoints, off the core's thread. */
  readonly side: SideConnection;
  /** Where the feed is written: a worker of its own, so a commit never holds the core's thread. */
  private readonly feedWriter: FeedWriter;
  private readonly feedReader: FeedReader;

  constructor(
    readonly folder: string,
    platformUrl: string,
    tokens: SessionTokens,
    private readonly events: CoreEvents,
    options: { pollMs: number; log: (line: string) => void; simulatedDisk?: SimulatedDisk; platformTimeoutMs?: number },
  ) {
    this.log = options.log;
    this.client = createPlatformClient({ baseUrl: platformUrl, tokens, timeoutMs: options.platformTimeoutMs });
    this.outboxDb = openMigrated(outboxFile(folder), outboxMigrations, 'outbox');
    options.simulatedDisk?.attach('outbox', this.outboxDb);
    this.health = new CacheHealth({
      folder,
      cache: () => this.cacheDb,
      outbox: this.outboxDb,
      changed: (problem) => this.cacheProblemChanged(problem),
      log: options.log,
    });
    ({ db: this.cacheDb, replica: this.replica } = this.openCache(options.simulatedDisk));
    this.side = new SideConnection(this.cacheDb, options.log);
    this.feedWriter = feedWriterFor(this.replica, { autocheckpoint: !this.side.checkpointing, log: options.log });
    if (this.feedWriter instanceof WorkerFeedWriter) options.simulatedDisk?.attach('cache', this.feedWriter);
    // Read off the core's thread where the writes are: with both on it, its pages are small anyway.
    this.feedReader = feedReaderFor({ inWorker: !this.feedWriter.onCoreThread, log: options.log });
    if (!this.cacheDb.memory) void this.checkIntegrity();
    this.clusters = new ClusterCache(this.cacheDb);
    this.outbox = new OutboxStore(this.outboxDb);
    this.sync = new SyncEngine(
      this.replica,
      () => this.client,
      {
        progress: (status) => events.emit('sync:progress', { ...status, pendingOutbox: this.outbox.undeliveredCount(), cacheProblem: this.health.current() }),
        cacheChanged: (entityTypes) => this.cacheChanged(entityTypes, { afterSync: true }),
        pageCommitted: () => this.side.checkpoint(),
        buildIndexes: (transactions) => this.side.write(transactions),
        unexpected: (error) => {
          // A full disk or a damaged cache is a state the console shows, not a bug to log every poll.
          if (this.noticeStorageFailure(error)) return;
          options.log(`sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        },
      },
      { pollMs: options.pollMs, writer: this.feedWriter, reader: this.feedReader },
    );
    this.delivery = new OutboxDelivery(this.outbox, () => this.client, {
      delivered: (listing) => {
        try {
          this.replica.applyListing(listing);
        } catch (error) {
          // The platform has the decision; the feed brings the listing once the cache can take
          // it. Rethrowing would make delivery record a delivered decision as refused.
          if (!this.noticeStorageFailure(error)) throw error;
        }
        this.cacheChanged(['listing']);
      },
      changed: () => this.outboxChanged(),
      connectivity: (online) => {
        if (online && !this.sync.current().online) void this.sync.syncNow();
      },
      stalled: (error) => {
        if (!this.noticeStorageFailure(error)) options.log(`delivery stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
  }

  start(): void {
    this.started = true;
    // A damaged cache is not synced into; the rebuild starts a fresh one. Delivery goes on: the outbox is its own file.
    if (this.health.current() === 'cache_unreadable') this.sync.stop();
    void this.sync.syncNow();
    void this.delivery.kick();
  }

  /**
   * After the cache changed: clusters are recomputed on demand, and after a sync (at most every
   * ten minutes, since both scan the cache) the price flags and a queue-size snapshot for the
   * dashboard are brought up to date — their scans on the side connection, so the core keeps
   * answering; the sync run ends when they are done.
   */
  cacheChanged(entityTypes: string[], options: { afterSync?: boolean } = {}): Promise<void> {
    this.generation += 1;
    this.clusters.invalidate();
    this.events.emit('cache:changed', { entityTypes });
    const now = Date.now();
    if (!options.afterSync || now - this.lastSnapshotAt <= SNAPSHOT_INTERVAL_MS) return Promise.resolve();
    this.lastSnapshotAt = now;
    return this.refreshDerived(new Date(now)).catch((error: unknown) => {
      // Signed out meanwhile, or a full disk the health check reports: the next sync tries again.
      if (this.cacheDb.open && !this.noticeStorageFailure(error)) this.log(`after-sync upkeep failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  /**
   * The tabs' queue sizes, counted on the side connection once per change of the cache or the
   * outbox (and per minute, for the overdue counts), and shared by every page asked meanwhile:
   * at a million listings a count of the five queues takes seconds, and scrolling asks a page
   * every few hundred rows.
   */
  queueSummaries(visible: readonly QueueKind[], context: QueueContext): Promise<QueueSummary[]> {
    const key = [this.generation, visible.join(), context.undecided.join(), Math.floor(context.now.getTime() / 60_000), context.staffId].join('|');
    if (this.sizes?.key !== key) {
      const value = Promise.all(visible.map((queue) => summaryBeside(this.side, queue, context)));
      this.sizes = { key, value };
      // A failed count is not kept: the next page asks again.
      value.catch(() => {
        if (this.sizes?.value === value) this.sizes = null;
      });
    }
    return this.sizes.value;
  }

  private async refreshDerived(now: Date): Promise<void> {
    await this.replica.flags.refreshPriceFlagsBeside(this.side, undefined, (range) => this.feedWriter.replacePriceFlags(range));
    const context = { now, staffId: '', undecided: this.outbox.undelivered().map((e) => e.listingId) };
    // Every queue is recorded; each dashboard shows only those its reader may open.
    const sizes = Object.fromEntries(await Promise.all(queueKinds.map(async (q) => [q, (await summaryBeside(this.side, q, context)).size])));
    if (this.cacheDb.open) this.replica.writing(() => recordQueueSnapshot(this.cacheDb, now, sizes as QueueSizes));
    this.events.emit('cache:changed', { entityTypes: ['listing'] });
  }

  /**
   * Opens the cache. One that cannot be opened (a damaged header, a file that is not a
   * database) is left on disk for the rebuild to set aside, and an empty in-memory stand-in
   * takes its place so the outbox and the session keep working; the core's gate keeps channels
   * that read the cache from answering with it. Damaged pages further in are found by the
   * quick_check that follows on the side connection (checkIntegrity).
   */
  private openCache(simulatedDisk: SimulatedDisk | undefined): { db: SqliteDb; replica: Replica } {
    let db: SqliteDb | undefined;
    try {
      db = openMigrated(cacheFile(this.folder), cacheMigrations, 'cache');
      tuneCacheConnection(db);
      simulatedDisk?.attach('cache', db);
      const replica = new Replica(db);
      replica.flags.groupUngroupedListings();
      return { db, replica };
    } catch (error) {
      if (db?.open) db.close();
      const failure = storageFailure(error);
      if (failure?.code !== 'cache_unreadable') {
        this.outboxDb.close();
        throw error;
      }
      this.health.unreadableAtOpen(failure.message);
      const standIn = openMigrated(':memory:', cacheMigrations, 'cache stand-in');
      return { db: standIn, replica: new Replica(standIn) };
    }
  }

  /** Damaged pages found after open are the same state as damage found by a query: sync stops, reads answer cache_unreadable. */
  private async checkIntegrity(): Promise<void> {
    try {
      if (!(await intactBeside(this.side))) this.health.unreadableAtOpen('quick_check found damaged pages');
    } catch (error) {
      if (this.cacheDb.open) this.log(`cache: the quick_check could not run (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** Records a full disk or a damaged cache wherever it surfaced; returns the failure to answer with, or null if it was not one. */
  noticeStorageFailure(error: unknown): DeskFailure | null {
    const failure = storageFailure(error);
    if (failure) this.health.noticed(failure);
    return failure;
  }

  /** The sync status as the renderer sees it: the engine's, the outbox count and the cache's health. */
  syncStatus(): SyncStatus {
    return { ...this.sync.current(), pendingOutbox: this.outbox.undeliveredCount(), cacheProblem: this.health.current() };
  }

  private cacheProblemChanged(problem: string | null): void {
    if (!this.started) return;
    if (problem === 'cache_unreadable') this.sync.stop();
    this.events.emit('sync:progress', this.syncStatus());
  }

  /** The outbox row as the renderer sees it: without the internal draft and schedule. */
  publicEntry(entry: QueuedDecision): OutboxEntry {
    const { draft: _draft, nextAttemptAt: _next, ...visible } = entry;
    return visible;
  }

  outboxChanged(): void {
    this.generation += 1;
    this.events.emit('outbox:changed', { pending: this.outbox.undeliveredCount() });
  }

  /** Stops background work and closes the files; `wipeCache` deletes the replica too. */
  close(options: { wipeCache: boolean; dropOutbox: boolean }): void {
    this.sync.stop();
    this.feedWriter.close();
    this.feedReader.close();
    this.delivery.stop();
    this.side.close();
    this.cacheDb.close();
    this.outboxDb.close();
    if (options.wipeCache) removeDatabase(cacheFile(this.folder));
    if (options.dropOutbox) removeDatabase(outboxFile(this.folder));
  }
}
