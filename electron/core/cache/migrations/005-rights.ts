import type { Migration } from '../../storage/migrations';

/**
 * Rights tickets for customer service, and legal holds and processors for legal staff: each row
 * keeps the columns lists sort and filter on, and the whole contract record as JSON. What a role
 * may not read never reaches its feed, so these tables stay empty in a moderator's cache.
 */
export const migration005: Migration = {
  version: 5,
  description: 'rights tickets, legal holds, processors',
  sql: `
    CREATE TABLE rights_tickets (
      id TEXT PRIMARY KEY, number TEXT NOT NULL, type TEXT NOT NULL, state TEXT NOT NULL, user_id TEXT NOT NULL,
      received_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX rights_tickets_by_user ON rights_tickets (user_id, type, state);
    CREATE INDEX rights_tickets_by_state ON rights_tickets (state, received_at);
    CREATE TABLE legal_holds (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, version INTEGER NOT NULL, record TEXT NOT NULL);
    CREATE INDEX legal_holds_by_user ON legal_holds (user_id);
    CREATE TABLE processors (id TEXT PRIMARY KEY, version INTEGER NOT NULL, record TEXT NOT NULL);
    -- Older caches never asked the feed for these: start it again so they arrive.
    UPDATE sync_state SET cursor = NULL;
  `,
};
