import type { Migration } from '../../storage/migrations';

/**
 * A queue page filtered by flag, category and district probed the flags of every listing in
 * the category × district range (12,000 at a million listings) to find the few with that
 * flag. Each flag row now carries its listing's category and district, kept by the flag store
 * whenever the listing is written, so the flagged listings of a place are one index range.
 */
export const migration010: Migration = {
  version: 10,
  description: 'listing flags carry category and district',
  sql: `
    ALTER TABLE listing_flags ADD COLUMN category TEXT;
    ALTER TABLE listing_flags ADD COLUMN district TEXT;
    UPDATE listing_flags SET (category, district) = (SELECT l.category, l.district FROM listings l WHERE l.id = listing_flags.listing_id);
    CREATE INDEX listing_flags_by_place ON listing_flags (kind, category, district, listing_id);
  `,
};
