import type { Migration } from '../../storage/migrations';

/**
 * The outbox is a file of its own, beside the cache: the cache can be wiped or rebuilt from the
 * platform at any time, an undelivered decision cannot.
 */
export const outbox001: Migration = {
  version: 1,
  description: 'outbox of staff decisions awaiting delivery',
  sql: `
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      idempotency_key TEXT NOT NULL UNIQUE,
      listing_id TEXT NOT NULL,
      action TEXT NOT NULL,
      reason_code TEXT,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'delivering', 'delivered', 'refused')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      refusal TEXT,
      dismissed INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      delivered_at TEXT
    );
    CREATE INDEX outbox_by_state ON outbox (state, id);
  `,
};
