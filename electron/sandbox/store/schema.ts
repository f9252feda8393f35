import { governanceMigration } from './schema-governance';
import { legalMigration } from './schema-legal';
import { rightsMigration } from './schema-rights';

/**
 * The sandbox platform's own database. It is the platform's truth, not the console's cache, so
 * it keeps full phone numbers (the console only ever receives masked ones, or one on a reveal).
 * Each entry is one schema version; `user_version` records how far a file has come.
 */
export const platformMigrations: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE staff (
    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
    roles TEXT NOT NULL, password_hash TEXT NOT NULL, last_sign_in_at TEXT, created_at TEXT NOT NULL
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    staff_id TEXT NOT NULL REFERENCES staff(id), family TEXT NOT NULL,
    expires_at TEXT NOT NULL, revoked_at TEXT, created_at TEXT NOT NULL
  );
  CREATE INDEX tokens_by_family ON tokens(family);
  CREATE TABLE users (
    id TEXT PRIMARY KEY, nickname TEXT NOT NULL, phone TEXT NOT NULL, status TEXT NOT NULL,
    registered_at TEXT NOT NULL, last_login_at TEXT, risk_signals TEXT NOT NULL,
    device_id TEXT NOT NULL, last_ip TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE listings (
    id TEXT PRIMARY KEY, seller_id TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,
    body TEXT NOT NULL, price_fen INTEGER, price_unit TEXT NOT NULL, city TEXT NOT NULL,
    district TEXT NOT NULL, contact_phone TEXT NOT NULL, image_count INTEGER NOT NULL,
    status TEXT NOT NULL, escalated INTEGER NOT NULL DEFAULT 0, display_until TEXT NOT NULL,
    version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX listings_by_seller ON listings(seller_id);
  CREATE TABLE reports (
    id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, reporter_id TEXT NOT NULL, reason TEXT NOT NULL,
    note TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX reports_by_listing ON reports(listing_id);
  CREATE TABLE claims (
    listing_id TEXT PRIMARY KEY, staff_id TEXT NOT NULL REFERENCES staff(id),
    claimed_at TEXT NOT NULL, expires_at TEXT NOT NULL
  );
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, listing_id TEXT NOT NULL,
    action TEXT NOT NULL, reason_code TEXT, note TEXT NOT NULL, staff_id TEXT NOT NULL,
    based_on_version INTEGER NOT NULL, decided_at TEXT NOT NULL
  );
  CREATE INDEX decisions_by_listing ON decisions(listing_id);
  -- A replayed request gets the first answer back; request_hash catches a key reused for another request.
  CREATE TABLE idempotency (
    key TEXT PRIMARY KEY, staff_id TEXT NOT NULL, request_hash TEXT NOT NULL,
    status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL
  );
  -- Compacted change feed: one row per entity at the sequence number of its latest change.
  CREATE TABLE feed (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,
    op TEXT NOT NULL, UNIQUE (entity_type, entity_id)
  );
  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, staff_id TEXT, action TEXT NOT NULL,
    subject TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
  );
  CREATE INDEX audit_by_action ON audit_events(action);
  `,
  `
  ALTER TABLE users ADD COLUMN strikes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN restricted_until TEXT;
  ALTER TABLE decisions ADD COLUMN notice TEXT NOT NULL DEFAULT '';
  ALTER TABLE decisions ADD COLUMN batch_id TEXT;
  ALTER TABLE decisions ADD COLUMN undone_at TEXT;
  ALTER TABLE decisions ADD COLUMN undone_by TEXT;
  -- What the listing was before, so a decision can be undone exactly.
  ALTER TABLE decisions ADD COLUMN prev_status TEXT;
  ALTER TABLE decisions ADD COLUMN prev_escalated INTEGER;
  CREATE INDEX decisions_by_batch ON decisions(batch_id);
  CREATE INDEX users_by_device ON users(device_id);
  CREATE INDEX users_by_ip ON users(last_ip);
  CREATE INDEX users_by_phone ON users(phone);
  CREATE TABLE account_actions (
    id TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL, action TEXT NOT NULL,
    reason_code TEXT NOT NULL, notice TEXT NOT NULL, duration_days INTEGER, staff_id TEXT NOT NULL, at TEXT NOT NULL
  );
  CREATE INDEX account_actions_by_user ON account_actions(user_id);
  CREATE TABLE appeals (
    id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, decision_id TEXT NOT NULL, user_id TEXT NOT NULL,
    statement TEXT NOT NULL, evidence TEXT NOT NULL, status TEXT NOT NULL, outcome_notice TEXT,
    decided_by TEXT, decided_at TEXT, created_at TEXT NOT NULL, version INTEGER NOT NULL
  );
  CREATE TABLE flag_feedback (
    id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, rule TEXT NOT NULL, verdict TEXT NOT NULL,
    staff_id TEXT NOT NULL, at TEXT NOT NULL, UNIQUE (listing_id, rule, staff_id)
  );
  -- A batch answers with its first result for as long as its id is asked again.
  CREATE TABLE batches (
    id TEXT PRIMARY KEY, staff_id TEXT NOT NULL, request_hash TEXT NOT NULL, dry_run INTEGER NOT NULL,
    response TEXT NOT NULL, applied_at TEXT, undone_at TEXT, created_at TEXT NOT NULL
  );
  `,
  rightsMigration,
  legalMigration,
  governanceMigration,
];
