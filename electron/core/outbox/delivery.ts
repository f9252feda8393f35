import type { Listing } from '../../../shared/platform/entities';
import { backoffDelay, defaultRetry, type PlatformClient } from '../platform/client';
import { asDeskError, DeskFailure } from '../errors';
import type { OutboxStore } from './outbox-store';

export interface DeliveryEvents {
  /** The platform accepted a decision; its answer carries the listing as it now is. */
  delivered(listing: Listing): void;
  changed(): void;
  connectivity(online: boolean): void;
  /** The outbox itself could not be written (a full disk): the pass stopped and is tried again later. */
  stalled(error: unknown): void;
}

/** Failures of the session, not of the decision: it waits for a good token instead of being refused. */
const waitsForSignIn = new Set(['token_missing', 'token_expired', 'token_invalid', 'keychain_unavailable', 'not_signed_in']);

const RETRY = { ...defaultRetry, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * Delivers the outbox in decision order. A transient failure stops the run (later decisions
 * wait behind the earlier one, so order holds) and schedules a retry with backoff; a refusal
 * is final and recorded with the platform's account of why.
 */
export class OutboxDelivery {
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly client: () => PlatformClient,
    private readonly events: DeliveryEvents,
    private readonly now: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
  ) {}

  /** Runs a delivery pass soon; concurrent requests share one pass. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    // A pass that cannot write to the outbox (disk full) must not become an unhandled rejection
    // from a timer: it is reported, and the next pass comes on schedule.
    this.running ??= this.deliverDue().catch((error: unknown) => {
      this.events.stalled(error);
    }).finally(() => {
      this.running = null;
      this.scheduleNext();
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const next = this.store.undelivered()[0];
    if (this.timer) clearTimeout(this.timer);
    if (!next) return;
    const delay = Math.max(0, Date.parse(next.nextAttemptAt) - this.now().getTime());
    this.timer = setTimeout(() => void this.kick(), delay);
    this.timer.unref?.();
  }

  private async deliverDue(): Promise<void> {
    for (const entry of this.store.undelivered()) {
      if (Date.parse(entry.nextAttemptAt) > this.now().getTime()) return;
      this.store.markDelivering(entry.id);
      this.events.changed();
      try {
        const { listing, decision } = await this.client().call('decide', {
          body: { idempotencyKey: entry.idempotencyKey, ...entry.draft },
        });
        // Stopped meanwhile (sign-out closed the outbox): the entry stays marked delivering and is
        // sent again at the next sign-in, where its idempotency key makes the platform answer as before.
        if (this.stopped) return;
        this.store.markDelivered(entry.id, this.now(), decision.id);
        this.events.connectivity(true);
        this.events.delivered(listing);
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof DeskFailure && (error.transient || waitsForSignIn.has(error.code))) {
          const delay = error.extra.retryAfterMs ?? backoffDelay(RETRY, entry.attempts, this.random);
          this.store.markRetry(entry.id, error.code, new Date(this.now().getTime() + delay));
          if (error.code === 'platform_unreachable') this.events.connectivity(false);
          this.events.changed();
          return;
        }
        this.store.markRefused(entry.id, asDeskError(error));
      }
      this.events.changed();
    }
  }
}
