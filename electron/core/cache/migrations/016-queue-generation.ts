import type { Migration } from '../../storage/migrations';

/**
 * Counts the commits that changed what the queues hold, whichever connection made them: the
 * feed's pages with changes in them, a price-flag pass that changed a flag. What a reader
 * derived from the queues (QueueMemo: where pages ended, the totals) holds until it moves.
 * Not SQLite's data_version: every poll of the feed commits its cursor and time, so that moves
 * every few seconds even when nothing came.
 */
export const migration016: Migration = {
  version: 16,
  description: 'a count of the commits that changed the queues',
  sql: `
    ALTER TABLE sync_state ADD COLUMN queue_generation INTEGER NOT NULL DEFAULT 0;
  `,
};
