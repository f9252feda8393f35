import type { Migration } from '../../storage/migrations';

/**
 * The indexes a first sync left out until its end (first-sync-indexes.ts), each with the
 * statement that builds it. Kept in the cache, not in memory: a first sync cut short (a crash,
 * a sign-out) resumes as an ordinary catch-up, and that run builds them when it reaches the end.
 */
export const migration015: Migration = {
  version: 15,
  description: 'the indexes a first sync builds at its end',
  sql: `
    CREATE TABLE first_sync_indexes (name TEXT PRIMARY KEY, sql TEXT NOT NULL);
  `,
};
