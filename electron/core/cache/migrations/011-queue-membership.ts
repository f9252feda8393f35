import type { Migration } from '../../storage/migrations';

/**
 * Whether a listing is in the reported and flagged queues was an EXISTS probe per listing: at a
 * million listings, showing either tab (or counting it) tested 800,000 pending and published
 * listings against reports or flags, 5–10 s on the core's thread. Each listing now carries its
 * report count, first report time and count of undismissed flags, and each of the two queues
 * has partial indexes of its own: one in queue order, one by place.
 *
 * The cache's writers keep the counts (QueueCounts); this migration counts what is cached.
 */
export const migration011: Migration = {
  version: 11,
  description: 'listings carry report and flag counts; partial indexes for the reported and flagged queues',
  sql: `
    ALTER TABLE listings ADD COLUMN report_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE listings ADD COLUMN first_reported_at TEXT;
    ALTER TABLE listings ADD COLUMN open_flags INTEGER NOT NULL DEFAULT 0;

    UPDATE listings SET (report_count, first_reported_at) =
      (SELECT count(*), min(created_at) FROM reports r WHERE r.listing_id = listings.id)
    WHERE id IN (SELECT listing_id FROM reports);
    UPDATE listings SET open_flags =
      (SELECT count(*) FROM listing_flags f WHERE f.listing_id = listings.id
         AND NOT EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule))
    WHERE id IN (SELECT listing_id FROM listing_flags);

    -- The queues' own terms, word for word as the queue queries write them: SQLite uses a
    -- partial index only for a query whose WHERE contains its terms.
    -- Each queue twice: in queue order for the whole tab, and by place first for a tab filtered
    -- to a category or district (the place index over all listings would read each pending and
    -- published row of the place to test the counts, ~10,000 rows at a million listings).
    CREATE INDEX listings_reported ON listings (first_reported_at, id)
      WHERE report_count > 0 AND status IN ('pending', 'published') AND escalated = 0;
    CREATE INDEX listings_reported_by_place ON listings (category, district, first_reported_at, id)
      WHERE report_count > 0 AND status IN ('pending', 'published') AND escalated = 0;
    CREATE INDEX listings_flagged ON listings (created_at, id)
      WHERE open_flags > 0 AND status IN ('pending', 'published') AND escalated = 0;
    CREATE INDEX listings_flagged_by_place ON listings (category, district, created_at, id)
      WHERE open_flags > 0 AND status IN ('pending', 'published') AND escalated = 0;
  `,
};
