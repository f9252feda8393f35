import { randomUUID } from 'node:crypto';
import type { DeskError, DeskErrorCode } from '../../../shared/errors';
import type { OutboxEntry } from '../../../shared/ipc/views';
import type { ModerationAction } from '../../../shared/platform/entities';
import type { SqliteDb } from '../storage/migrations';

export interface DecisionDraft {
  listingId: string;
  action: ModerationAction;
  reasonCode: string | null;
  note: string;
  basedOnVersion: number;
}

interface OutboxRow {
  id: number; idempotency_key: string; listing_id: string; action: ModerationAction; reason_code: string | null;
  payload: string; state: OutboxEntry['state']; attempts: number; next_attempt_at: string; last_error: string | null;
  refusal: string | null; created_at: string; delivered_at: string | null;
}

export interface QueuedDecision extends OutboxEntry {
  draft: DecisionDraft;
  nextAttemptAt: string;
}

const toEntry = (r: OutboxRow): QueuedDecision => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  listingId: r.listing_id,
  action: r.action,
  reasonCode: r.reason_code,
  state: r.state,
  attempts: r.attempts,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
  refusal: r.refusal === null ? null : (JSON.parse(r.refusal) as DeskError),
  lastError: r.last_error as DeskErrorCode | null,
  draft: JSON.parse(r.payload) as DecisionDraft,
  nextAttemptAt: r.next_attempt_at,
});

/**
 * Staff decisions, durable before the UI hears "accepted". Each carries an idempotency key
 * minted here, once, so however many times it is sent the platform acts on it once.
 */
export class OutboxStore {
  constructor(private readonly db: SqliteDb) {
    // A crash mid-delivery leaves entries marked delivering; their keys make resending safe.
    db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'delivering'").run();
  }

  enqueue(draft: DecisionDraft, at: Date): QueuedDecision {
    const info = this.db
      .prepare(`
        INSERT INTO outbox (idempotency_key, listing_id, action, reason_code, payload, state, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`)
      .run(`desk-${randomUUID()}`, draft.listingId, draft.action, draft.reasonCode, JSON.stringify(draft), at.toISOString(), at.toISOString());
    return this.get(Number(info.lastInsertRowid))!;
  }

  get(id: number): QueuedDecision | undefined {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row && toEntry(row);
  }

  /** Undelivered entries in the order they were decided. */
  undelivered(): QueuedDecision[] {
    return (this.db.prepare("SELECT * FROM outbox WHERE state IN ('pending', 'delivering') ORDER BY id").all() as OutboxRow[]).map(toEntry);
  }

  undeliveredCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'delivering')").get() as { n: number }).n;
  }

  /** What the staff member should see: everything not delivered, plus refusals not yet dismissed and the latest deliveries. */
  visible(recentDelivered = 20): QueuedDecision[] {
    const rows = this.db
      .prepare(`
        SELECT * FROM outbox WHERE state IN ('pending', 'delivering') OR (state = 'refused' AND dismissed = 0)
        UNION ALL
        SELECT * FROM (SELECT * FROM outbox WHERE state = 'delivered' ORDER BY id DESC LIMIT ?)
        ORDER BY id`)
      .all(recentDelivered) as OutboxRow[];
    return rows.map(toEntry);
  }

  markDelivering(id: number): void {
    this.db.prepare("UPDATE outbox SET state = 'delivering', attempts = attempts + 1 WHERE id = ?").run(id);
  }

  markDelivered(id: number, at: Date, decisionId: string): void {
    this.db
      .prepare("UPDATE outbox SET state = 'delivered', delivered_at = ?, decision_id = ?, last_error = NULL WHERE id = ?")
      .run(at.toISOString(), decisionId, id);
  }

  /** The platform's id of a delivered decision. */
  decisionIdOf(id: number): string | null {
    return (this.db.prepare('SELECT decision_id FROM outbox WHERE id = ?').get(id) as { decision_id: string | null } | undefined)?.decision_id ?? null;
  }

  /** The most recent decision, delivered or not, that was not refused. */
  latest(): QueuedDecision | undefined {
    const row = this.db.prepare("SELECT * FROM outbox WHERE state <> 'refused' ORDER BY id DESC LIMIT 1").get() as OutboxRow | undefined;
    return row && toEntry(row);
  }

  /** Takes back a decision that has not started its way to the platform. */
  cancel(id: number): boolean {
    return this.db.prepare("DELETE FROM outbox WHERE id = ? AND state = 'pending'").run(id).changes > 0;
  }

  markRefused(id: number, refusal: DeskError): void {
    this.db.prepare("UPDATE outbox SET state = 'refused', refusal = ?, last_error = NULL WHERE id = ?").run(JSON.stringify(refusal), id);
  }

  /** Back to pending after a transient failure, not to be tried again before `retryAt`. */
  markRetry(id: number, error: DeskErrorCode, retryAt: Date): void {
    this.db.prepare("UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ? WHERE id = ?").run(error, retryAt.toISOString(), id);
  }

  /** Makes every pending entry due now (the platform came back, or the staff member asked). */
  dueNow(at: Date): void {
    this.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending'").run(at.toISOString());
  }

  dismiss(id: number): boolean {
    return this.db.prepare("UPDATE outbox SET dismissed = 1 WHERE id = ? AND state = 'refused'").run(id).changes > 0;
  }
}
