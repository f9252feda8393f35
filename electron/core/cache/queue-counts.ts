import type { SqliteDb } from '../storage/migrations';

/** A listing's open flags: its flags that no one dismissed. */
const OPEN_FLAGS = `(SELECT count(*) FROM listing_flags f WHERE f.listing_id = @id
  AND NOT EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule))`;

/**
 * The counts each listing carries for the reported and flagged queues (migration 011): its
 * reports, its first report's time and its open flags. Every writer of reports, flags or
 * dismissals recounts the listing it touched, from the source rows, so no order of writes
 * leaves a count wrong. Not triggers: a trigger on the listings or flags table cost ~40 µs per
 * written row (a statement journal and a sub-program per row), doubling a sync's listing writes.
 */
export class QueueCounts {
  private readonly statements;

  constructor(db: SqliteDb) {
    this.statements = {
      reports: db.prepare(`UPDATE listings SET (report_count, first_reported_at) =
        (SELECT count(*), min(created_at) FROM reports WHERE listing_id = @id) WHERE id = @id`),
      flags: db.prepare(`UPDATE listings SET open_flags = ${OPEN_FLAGS} WHERE id = @id`),
      allFlags: db.prepare(`UPDATE listings SET open_flags = ${OPEN_FLAGS.replaceAll('@id', 'listings.id')}
        WHERE open_flags > 0 OR id IN (SELECT listing_id FROM listing_flags)`),
    };
  }

  reportsChanged(listingId: string): void {
    this.statements.reports.run({ id: listingId });
  }

  flagsChanged(listingId: string): void {
    this.statements.flags.run({ id: listingId });
  }

  /** After a pass that rewrote flags across the cache. */
  allFlagsChanged(): void {
    this.statements.allFlags.run();
  }
}

/** The report columns of a listing row about to be inserted: its reports may have come first. */
export const reportColumnsOnInsert = {
  columns: 'report_count, first_reported_at',
  values: '(SELECT count(*) FROM reports WHERE listing_id = @id), (SELECT min(created_at) FROM reports WHERE listing_id = @id)',
};
