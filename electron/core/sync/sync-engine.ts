import { Change, ChangePageEnvelope, type EntityType } from '../../../shared/platform/changes';
import type { SyncStatus } from '../../../shared/ipc/views';
import type { QuarantinedChange, Replica } from '../cache/replica';
import { DeskFailure } from '../errors';
import type { PlatformClient } from '../platform/client';

export interface SyncEvents {
  progress(status: Omit<SyncStatus, 'pendingOutbox'>): void;
  cacheChanged(entityTypes: EntityType[]): void;
  /** A failure that is not the platform's: a bug or a broken cache file. Logged, never thrown into the void. */
  unexpected?(error: unknown): void;
}

/** Splits a raw feed page into changes that parse and changes that go to quarantine, with why. */
export function triage(raw: readonly unknown[]): { valid: Change[]; quarantined: QuarantinedChange[] } {
  const valid: Change[] = [];
  const quarantined: QuarantinedChange[] = [];
  for (const item of raw) {
    const parsed = Change.safeParse(item);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0]!;
    const loose = (item ?? {}) as { entityType?: unknown; id?: unknown };
    quarantined.push({
      entityType: typeof loose.entityType === 'string' ? loose.entityType.slice(0, 40) : null,
      entityId: typeof loose.id === 'string' ? loose.id.slice(0, 64) : null,
      reason: issue.message,
      path: issue.path.map(String).join('.') || '(record)',
      raw: item,
    });
  }
  return { valid, quarantined };
}

/**
 * Keeps the replica in step with the platform's change feed: from nothing (initial) or from
 * the stored cursor (incremental), one committed page at a time.
 */
export class SyncEngine {
  private status: Omit<SyncStatus, 'pendingOutbox'>;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly replica: Replica,
    private readonly client: () => PlatformClient,
    private readonly events: SyncEvents,
    private readonly options: { pollMs: number; pageSize?: number; now?: () => Date } = { pollMs: 5_000 },
  ) {
    const { lastSyncedAt } = replica.syncState();
    this.status = { phase: 'idle', done: 0, total: null, lastSyncedAt, online: true, quarantined: replica.quarantinedCount() };
  }

  current(): Omit<SyncStatus, 'pendingOutbox'> {
    return { ...this.status };
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

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private report(patch: Partial<SyncEngine['status']>): void {
    if (this.stopped) return;
    this.status = { ...this.status, ...patch };
    this.events.progress(this.current());
  }

  private async run(): Promise<void> {
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
      this.report({ phase: 'offline', online: false });
      return;
    }
    this.report({ phase: 'idle' });
    if (!(error instanceof DeskFailure)) (this.events.unexpected ?? ((e) => console.error('sync failed', e)))(error);
  }

  private async pull(): Promise<void> {
    let { cursor } = this.replica.syncState();
    const phase = cursor === null ? 'initial' : 'incremental';
    let done = 0;
    let total: number | null = null;
    const touched = new Set<EntityType>();
    for (let first = true; ; first = false) {
      const page = await this.client().call(
        'listChanges',
        { query: { cursor: cursor ?? undefined, limit: this.options.pageSize ?? 1000, withRemaining: first ? 'true' : 'false' } },
        ChangePageEnvelope,
      );
      // Signed out while the page was on its way: the cache is closed, leave it be.
      if (this.stopped) return;
      const envelope = ChangePageEnvelope.parse(page);
      if (first && envelope.remaining !== undefined) total = envelope.changes.length + envelope.remaining;
      if (first && envelope.changes.length > 0) this.report({ phase, done: 0, total, online: true });
      const { valid, quarantined } = triage(envelope.changes);
      this.replica.commitPage(valid, quarantined, envelope.nextCursor, this.now());
      for (const change of valid) touched.add(change.entityType);
      cursor = envelope.nextCursor;
      done += envelope.changes.length;
      const quarantinedTotal = quarantined.length > 0 ? this.replica.quarantinedCount() : this.status.quarantined;
      if (envelope.changes.length > 0) this.report({ phase, done, total, online: true, quarantined: quarantinedTotal });
      if (!envelope.hasMore) break;
    }
    this.report({ phase: 'idle', done, total: done, online: true, lastSyncedAt: this.replica.syncState().lastSyncedAt });
    if (touched.size > 0) this.events.cacheChanged([...touched]);
  }
}
