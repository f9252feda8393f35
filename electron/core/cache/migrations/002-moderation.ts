import type { Migration } from '../../storage/migrations';

/**
 * Moderation records the feed now carries: claims, decisions, appeals, account actions and
 * flag feedback, plus the account's strikes. Columns hold what queues filter and sort by; the
 * whole record is kept as JSON and parsed with the contract's schema when read. The cursor is
 * cleared so the next sync fetches the new record types from the start (rows already cached
 * are upserted again by version, not duplicated).
 */
export const migration002: Migration = {
  version: 2,
  description: 'claims, decisions, appeals, account actions and flag feedback; account strikes',
  sql: `
    ALTER TABLE users ADD COLUMN strikes INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE users ADD COLUMN restricted_until TEXT;
    CREATE TABLE claims (
      listing_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, expires_at TEXT NOT NULL, record TEXT NOT NULL
    );
    CREATE TABLE decisions (
      id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, action TEXT NOT NULL, staff_id TEXT NOT NULL,
      decided_at TEXT NOT NULL, batch_id TEXT, undone_at TEXT, record TEXT NOT NULL
    );
    CREATE INDEX decisions_by_listing ON decisions (listing_id, decided_at);
    CREATE INDEX decisions_by_staff ON decisions (staff_id, decided_at);
    CREATE TABLE appeals (
      id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
      version INTEGER NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX appeals_open ON appeals (status, created_at);
    CREATE TABLE account_actions (
      id TEXT PRIMARY KEY, user_id TEXT NOT NULL, action TEXT NOT NULL, at TEXT NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX account_actions_by_user ON account_actions (user_id, at);
    CREATE TABLE flag_feedback (
      id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, rule TEXT NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX flag_feedback_by_listing ON flag_feedback (listing_id);
    UPDATE sync_state SET cursor = NULL;
  `,
};
