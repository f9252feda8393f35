import type { Migration } from '../../storage/migrations';

/**
 * The console groups listings cached before price groups existed (migration 004) every time it
 * opens a cache, and finding them was a scan of every listing for a NULL group: 8.6 s on the
 * core's thread when opening a cold million-listing cache, to find none. Every writer since sets
 * the group, so this index is empty in any cache but an old one, and the search is one seek.
 */
export const migration014: Migration = {
  version: 14,
  description: 'an index of the listings not yet given a price group',
  sql: `
    -- Its WHERE is groupUngroupedListings' word for word: a partial index serves only a query containing its terms.
    CREATE INDEX listings_ungrouped ON listings (id) WHERE price_group IS NULL;
  `,
};
