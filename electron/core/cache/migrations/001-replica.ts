import type { Migration } from '../../storage/migrations';

/**
 * The replica of what the signed-in role may see. Contact details are stored masked only; the
 * full number is never in this file (a reveal fetches it live and keeps it in memory).
 */
export const migration001: Migration = {
  version: 1,
  description: 'replica of listings, users and reports; sync cursor; quarantine',
  sql: `
    CREATE TABLE listings (
      id TEXT PRIMARY KEY, seller_id TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL,
      body TEXT NOT NULL, price_fen INTEGER, price_unit TEXT NOT NULL, city TEXT NOT NULL,
      district TEXT NOT NULL, contact_phone_masked TEXT NOT NULL, images TEXT NOT NULL,
      status TEXT NOT NULL, escalated INTEGER NOT NULL, display_until TEXT NOT NULL,
      version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX listings_queue ON listings (status, escalated, created_at);
    CREATE INDEX listings_queue_district ON listings (status, district);
    CREATE INDEX listings_by_seller ON listings (seller_id);
    CREATE TABLE users (
      id TEXT PRIMARY KEY, nickname TEXT NOT NULL, phone_masked TEXT NOT NULL, status TEXT NOT NULL,
      registered_at TEXT NOT NULL, last_login_at TEXT, risk_signals TEXT NOT NULL,
      version INTEGER NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE TABLE reports (
      id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, reporter_id TEXT NOT NULL, reason TEXT NOT NULL,
      note TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL
    );
    CREATE INDEX reports_by_listing ON reports (listing_id);
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1), cursor TEXT, last_synced_at TEXT
    );
    INSERT INTO sync_state (id) VALUES (1);
    CREATE TABLE quarantine (
      id INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT, entity_id TEXT, reason TEXT NOT NULL,
      path TEXT NOT NULL, raw TEXT NOT NULL, quarantined_at TEXT NOT NULL
    );
  `,
};
