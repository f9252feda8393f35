import type { Migration } from '../../storage/migrations';

/**
 * A quarantined feed record stays as history, but once a good version of the same entity has
 * landed it is no longer a problem: `resolved_at` says when, and the sync bar counts only the
 * open ones. The partial index keeps the per-page "does this change resolve something?" check
 * cheap while nothing (or little) is open.
 */
export const migration007: Migration = {
  version: 7,
  description: 'quarantine entries resolved by a later good record',
  sql: `
    ALTER TABLE quarantine ADD COLUMN resolved_at TEXT;
    CREATE INDEX quarantine_open ON quarantine (entity_type, entity_id) WHERE resolved_at IS NULL;
  `,
};
