import type { SqliteDb } from '../storage/migrations';

/**
 * Keeps the trigram index of listing titles and bodies (listings_fts, external content) in step
 * with the listings table, written beside each listing write rather than by triggers (migration
 * 009). FTS5 flushes its pending terms at every statement savepoint, and a trigger runs inside
 * one per outer statement: maintained by triggers, each listing became its own tiny segment to
 * merge later, ~100 µs a listing; written as top-level statements in the same transaction, the
 * terms batch until commit, ~30 µs.
 */
export class ListingTextIndex {
  private readonly statements;

  constructor(db: SqliteDb) {
    this.statements = {
      current: db.prepare('SELECT rowid, title, body, version FROM listings WHERE id = ?'),
      add: db.prepare('INSERT INTO listings_fts (rowid, title, body) VALUES (?, ?, ?)'),
      remove: db.prepare("INSERT INTO listings_fts (listings_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)"),
      clear: db.prepare("INSERT INTO listings_fts (listings_fts) VALUES ('delete-all')"),
      merge: db.prepare(`INSERT INTO listings_fts (listings_fts, rank) VALUES ('merge', ${MERGE_PAGES})`),
      totalChanges: db.prepare('SELECT total_changes() AS n').pluck(),
    };
  }

  /** The row as the index knows it, read before a write replaces it. */
  current(id: string): IndexedListing | undefined {
    return this.statements.current.get(id) as IndexedListing | undefined;
  }

  /** After a listing row was written: index a new row, or re-index one whose text changed. */
  written(before: IndexedListing | undefined, rowid: number | bigint, title: string, body: string): void {
    if (before) {
      if (before.title === title && before.body === body) return;
      this.statements.remove.run(before.rowid, before.title, before.body);
    }
    this.statements.add.run(rowid, title, body);
  }

  /** Before a listing row is deleted: its terms must leave the index with the text they were indexed with. */
  removed(before: IndexedListing | undefined): void {
    if (before) this.statements.remove.run(before.rowid, before.title, before.body);
  }

  /**
   * Merges the index's segments in steps of MERGE_PAGES pages until `budgetMs` has passed or
   * nothing is left to merge; true if there may be more. Each commit leaves a new segment, and
   * a search reads every one, so they are merged between the sync's pages, a step at a time.
   */
  tidy(budgetMs: number): boolean {
    const started = performance.now();
    for (;;) {
      const before = this.statements.totalChanges.get() as number;
      this.statements.merge.run();
      // FTS5's documented signal: a merge step that wrote fewer than two rows found nothing to merge.
      if ((this.statements.totalChanges.get() as number) - before < 2) return false;
      if (performance.now() - started >= budgetMs) return true;
    }
  }

  /** Every listing is about to go (the feed was reset). */
  clear(): void {
    this.statements.clear.run();
  }
}

/** Pages of merge work a step does: a few milliseconds here. */
const MERGE_PAGES = 16;

export interface IndexedListing {
  rowid: number;
  title: string;
  body: string;
  version: number;
}
