import type { Migration } from '../../storage/migrations';

/**
 * The kind of goods each listing's price is compared within (phones with phones). NULL means
 * not worked out yet: rows cached before this migration are grouped by the replica when it
 * opens, since the groups come from the keyword lists, which SQL cannot read.
 */
export const migration004: Migration = {
  version: 4,
  description: 'price group per listing for the below-median flag; escalated and appeal queue sizes in snapshots',
  sql: `
    ALTER TABLE listings ADD COLUMN price_group TEXT;
    DROP INDEX listings_by_price;
    CREATE INDEX listings_by_price_group ON listings (category, price_unit, price_group, price_fen);
    -- Older snapshots have no figure for these two queues: NULL, not zero.
    ALTER TABLE queue_snapshots ADD COLUMN escalated INTEGER;
    ALTER TABLE queue_snapshots ADD COLUMN appeals INTEGER;
  `,
};
