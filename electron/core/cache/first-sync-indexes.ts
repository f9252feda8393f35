import type { SqliteDb } from '../storage/migrations';
import type { SqlStep } from '../storage/side-connection';

/**
 * Indexes a first sync leaves out while it fills an empty cache, and builds once at its end.
 * The feed brings listings in its own order, which is none of these indexes' orders, so each
 * listing was a write at a random place in each of them: at a million listings a commit of
 * ~1,000 listings dirtied ~1,000 pages of every such index, written to the log and again by
 * its checkpoint — 36 GB written for a 1.5 GB cache. Built at the end, each is one sorted pass.
 *
 * Only indexes that serve a filter or a report are here: the default view of every queue, the
 * detail pane (the seller's other listings, the decision history), the search and the sync's
 * own lookups keep theirs, so a moderator working during a first sync reads about as fast as
 * after it, and a filter by category and district, by flag kind, or a staff member's history
 * scans meanwhile. None may be named by an INDEXED BY, where a missing index is an error rather
 * than a slower plan: the test reads every queue with these absent. A later migration that
 * drops one of them must say IF EXISTS: in a cache whose first sync was cut short it is absent.
 */
export const INDEXES_BUILT_AFTER_FIRST_SYNC = [
  // 21,000 pages at a million listings: the largest of all.
  'listings_queue_filter',
  'listings_by_price_group',
  'decisions_by_staff',
  'listing_flags_by_kind',
  'listing_flags_by_place',
] as const;

/**
 * At the start of a sync into an empty cache, drops the indexes above and records how to build
 * them, in one transaction. Nothing if the cache holds listings: an index built over rows already
 * there costs a sort of them, which the first sync would not get back.
 */
export function deferIndexesForFirstSync(db: SqliteDb): void {
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM listings LIMIT 1').get()) return;
    const find = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck();
    const record = db.prepare('INSERT INTO first_sync_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO NOTHING');
    for (const name of INDEXES_BUILT_AFTER_FIRST_SYNC) {
      const sql = find.get(name) as string | undefined;
      if (!sql) continue;
      record.run(name, sql);
      db.exec(`DROP INDEX ${name}`);
    }
  })();
}

/**
 * What a first sync left to build, one transaction each: the index (safe to run again) and its
 * crossing off. Empty in any cache past its first sync. The side connection runs them in its
 * worker, as sorting a million rows takes seconds.
 */
export function deferredIndexBuilds(db: SqliteDb): SqlStep[][] {
  const rows = db.prepare('SELECT name, sql FROM first_sync_indexes ORDER BY name').all() as { name: string; sql: string }[];
  return rows.map(({ name, sql }) => [
    { sql: sql.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '), params: [] },
    { sql: 'DELETE FROM first_sync_indexes WHERE name = ?', params: [name] },
  ]);
}
