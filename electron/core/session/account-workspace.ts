import type { OutboxEntry } from '../../../shared/ipc/views';
import { cacheMigrations } from '../cache/migrations';
import { queueKinds } from '../../../shared/ipc/moderation-views';
import { recordQueueSnapshot, type QueueSizes } from '../cache/moderation-reads';
import { summary } from '../cache/moderation-queue';
import { ClusterCache } from '../moderation/cluster-cache';
import { Replica } from '../cache/replica';
import type { CoreEvents } from '../core-events';
import { OutboxDelivery } from '../outbox/delivery';
import { outboxMigrations } from '../outbox/migrations';
import { OutboxStore, type QueuedDecision } from '../outbox/outbox-store';
import { createPlatformClient, type PlatformClient } from '../platform/client';
import { openMigrated, type SqliteDb } from '../storage/migrations';
import { SyncEngine } from '../sync/sync-engine';
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
  private lastSnapshotAt = 0;
  private readonly cacheDb: SqliteDb;
  private readonly outboxDb: SqliteDb;

  constructor(
    readonly folder: string,
    platformUrl: string,
    tokens: SessionTokens,
    private readonly events: CoreEvents,
    options: { pollMs: number; log: (line: string) => void },
  ) {
    this.client = createPlatformClient({ baseUrl: platformUrl, tokens });
    this.outboxDb = openMigrated(outboxFile(folder), outboxMigrations, 'outbox');
    try {
      this.cacheDb = openMigrated(cacheFile(folder), cacheMigrations, 'cache');
    } catch (error) {
      this.outboxDb.close();
      throw error;
    }
    this.replica = new Replica(this.cacheDb);
    this.replica.flags.groupUngroupedListings();
    this.clusters = new ClusterCache(this.cacheDb);
    this.outbox = new OutboxStore(this.outboxDb);
    this.sync = new SyncEngine(
      this.replica,
      () => this.client,
      {
        progress: (status) => events.emit('sync:progress', { ...status, pendingOutbox: this.outbox.undeliveredCount() }),
        cacheChanged: (entityTypes) => this.cacheChanged(entityTypes, { afterSync: true }),
        unexpected: (error) => options.log(`sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      },
      { pollMs: options.pollMs },
    );
    this.delivery = new OutboxDelivery(this.outbox, () => this.client, {
      delivered: (listing) => {
        this.replica.applyListing(listing);
        this.cacheChanged(['listing']);
      },
      changed: () => this.outboxChanged(),
      connectivity: (online) => {
        if (online && !this.sync.current().online) void this.sync.syncNow();
      },
    });
  }

  start(): void {
    void this.sync.syncNow();
    void this.delivery.kick();
  }

  /**
   * After the cache changed: clusters are recomputed on demand, and after a sync (at most every
   * ten minutes, since both scan the cache) the price flags and a queue-size snapshot for the
   * dashboard are brought up to date.
   */
  cacheChanged(entityTypes: string[], options: { afterSync?: boolean } = {}): void {
    this.clusters.invalidate();
    const now = Date.now();
    if (options.afterSync && now - this.lastSnapshotAt > SNAPSHOT_INTERVAL_MS) {
      this.lastSnapshotAt = now;
      this.replica.flags.refreshPriceFlags();
      const context = { now: new Date(now), staffId: '', undecided: this.outbox.undelivered().map((e) => e.listingId) };
      // Every queue is recorded; each dashboard shows only those its reader may open.
      recordQueueSnapshot(this.cacheDb, new Date(now), Object.fromEntries(queueKinds.map((q) => [q, summary(this.cacheDb, q, context).size])) as QueueSizes);
    }
    this.events.emit('cache:changed', { entityTypes });
  }

  /** The outbox row as the renderer sees it: without the internal draft and schedule. */
  publicEntry(entry: QueuedDecision): OutboxEntry {
    const { draft: _draft, nextAttemptAt: _next, ...visible } = entry;
    return visible;
  }

  outboxChanged(): void {
    this.events.emit('outbox:changed', { pending: this.outbox.undeliveredCount() });
  }

  /** Stops background work and closes the files; `wipeCache` deletes the replica too. */
  close(options: { wipeCache: boolean; dropOutbox: boolean }): void {
    this.sync.stop();
    this.delivery.stop();
    this.cacheDb.close();
    this.outboxDb.close();
    if (options.wipeCache) removeDatabase(cacheFile(this.folder));
    if (options.dropOutbox) removeDatabase(outboxFile(this.folder));
  }
}
