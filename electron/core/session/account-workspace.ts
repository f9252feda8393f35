import { cacheMigrations } from '../cache/migrations';
import { Replica } from '../cache/replica';
import type { CoreEvents } from '../core-events';
import { OutboxDelivery } from '../outbox/delivery';
import { outboxMigrations } from '../outbox/migrations';
import { OutboxStore } from '../outbox/outbox-store';
import { createPlatformClient, type PlatformClient } from '../platform/client';
import { openMigrated, type SqliteDb } from '../storage/migrations';
import { SyncEngine } from '../sync/sync-engine';
import { cacheFile, outboxFile, removeDatabase } from './account-files';
import type { SessionTokens } from './session-tokens';

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
  private readonly cacheDb: SqliteDb;
  private readonly outboxDb: SqliteDb;

  constructor(
    readonly folder: string,
    platformUrl: string,
    tokens: SessionTokens,
    private readonly events: CoreEvents,
    options: { pollMs: number },
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
    this.outbox = new OutboxStore(this.outboxDb);
    this.sync = new SyncEngine(
      this.replica,
      () => this.client,
      {
        progress: (status) => events.emit('sync:progress', { ...status, pendingOutbox: this.outbox.undeliveredCount() }),
        cacheChanged: (entityTypes) => events.emit('cache:changed', { entityTypes }),
      },
      { pollMs: options.pollMs },
    );
    this.delivery = new OutboxDelivery(this.outbox, () => this.client, {
      delivered: (listing) => {
        this.replica.applyListing(listing);
        events.emit('cache:changed', { entityTypes: ['listing'] });
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
