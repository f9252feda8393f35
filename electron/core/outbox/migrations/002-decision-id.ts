import type { Migration } from '../../storage/migrations';

/** The platform's id of a delivered decision, so it can be undone within its window. */
export const outbox002: Migration = {
  version: 2,
  description: 'platform decision id of delivered entries',
  sql: `ALTER TABLE outbox ADD COLUMN decision_id TEXT;`,
};
