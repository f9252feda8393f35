import type { Change } from '../../../shared/platform/changes';
import type { FlagFeedback } from '../../../shared/platform/entities';
import type { SqliteDb } from '../storage/migrations';
import type { QueueCounts } from './queue-counts';

type ModerationChange = Extract<Change, { entityType: 'claim' | 'decision' | 'account_action' | 'appeal' | 'flag_feedback' }>;

export const isModerationChange = (change: Change): change is ModerationChange =>
  change.entityType === 'claim' || change.entityType === 'decision' || change.entityType === 'account_action' ||
  change.entityType === 'appeal' || change.entityType === 'flag_feedback';

/**
 * The replica's moderation records: each row keeps the columns queues use and the whole
 * contract record as JSON.
 */
export class ModerationRecords {
  private readonly upserts;
  private readonly deletes;
  private readonly feedbackListing;

  /** `counts`: the replica's, recounted whenever a dismissal comes or goes. */
  constructor(db: SqliteDb, private readonly counts: QueueCounts) {
    this.feedbackListing = db.prepare('SELECT listing_id FROM flag_feedback WHERE id = ?').pluck();
    this.upserts = {
      claim: db.prepare(`INSERT INTO claims (listing_id, staff_id, expires_at, record) VALUES (@listingId, @staffId, @expiresAt, @record)
        ON CONFLICT(listing_id) DO UPDATE SET staff_id = excluded.staff_id, expires_at = excluded.expires_at, record = excluded.record`),
      decision: db.prepare(`INSERT INTO decisions (id, listing_id, action, staff_id, decided_at, batch_id, undone_at, record)
        VALUES (@id, @listingId, @action, @staffId, @decidedAt, @batchId, @undoneAt, @record)
        ON CONFLICT(id) DO UPDATE SET undone_at = excluded.undone_at, record = excluded.record`),
      account_action: db.prepare(`INSERT INTO account_actions (id, user_id, action, at, record) VALUES (@id, @userId, @action, @at, @record)
        ON CONFLICT(id) DO UPDATE SET record = excluded.record`),
      appeal: db.prepare(`INSERT INTO appeals (id, listing_id, status, created_at, version, record)
        VALUES (@id, @listingId, @status, @createdAt, @version, @record)
        ON CONFLICT(id) DO UPDATE SET status = excluded.status, version = excluded.version, record = excluded.record
        WHERE excluded.version >= appeals.version`),
      flag_feedback: db.prepare(`INSERT INTO flag_feedback (id, listing_id, rule, record) VALUES (@id, @listingId, @rule, @record)
        ON CONFLICT(id) DO UPDATE SET record = excluded.record`),
    };
    this.deletes = {
      claim: db.prepare('DELETE FROM claims WHERE listing_id = ?'),
      decision: db.prepare('DELETE FROM decisions WHERE id = ?'),
      account_action: db.prepare('DELETE FROM account_actions WHERE id = ?'),
      appeal: db.prepare('DELETE FROM appeals WHERE id = ?'),
      flag_feedback: db.prepare('DELETE FROM flag_feedback WHERE id = ?'),
    };
  }

  apply(change: ModerationChange): void {
    if (change.op === 'delete' || change.record === null) {
      const dismissedOn = change.entityType === 'flag_feedback' ? (this.feedbackListing.get(change.id) as string | undefined) : undefined;
      this.deletes[change.entityType].run(change.id);
      // A dismissal withdrawn: the flag counts again.
      if (dismissedOn) this.counts.flagsChanged(dismissedOn);
      return;
    }
    const record = JSON.stringify(change.record);
    switch (change.entityType) {
      case 'claim':
        this.upserts.claim.run({ ...change.record, staffId: change.record.holder.staffId, record });
        return;
      case 'decision':
        this.upserts.decision.run({ ...change.record, record });
        return;
      case 'account_action':
        this.upserts.account_action.run({ ...change.record, record });
        return;
      case 'appeal':
        this.upserts.appeal.run({ ...change.record, record });
        return;
      case 'flag_feedback':
        this.applyFlagFeedback(change.record);
        return;
    }
  }

  /** A flag dismissed, from the feed or as the platform answered a dismissal made here. */
  applyFlagFeedback(feedback: FlagFeedback): void {
    this.upserts.flag_feedback.run({ ...feedback, record: JSON.stringify(feedback) });
    this.counts.flagsChanged(feedback.listingId);
  }

  /** Forget all of them (the feed was reset). */
  static clear(db: SqliteDb): void {
    db.exec('DELETE FROM claims; DELETE FROM decisions; DELETE FROM appeals; DELETE FROM account_actions; DELETE FROM flag_feedback;');
  }
}
