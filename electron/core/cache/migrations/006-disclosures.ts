import type { Migration } from '../../storage/migrations';

/** The lawful-disclosure register for legal staff; it never reaches any other role's cache. */
export const migration006: Migration = {
  version: 6,
  description: 'lawful-disclosure register',
  sql: `
    CREATE TABLE disclosures (
      id TEXT PRIMARY KEY, register_number TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL,
      version INTEGER NOT NULL, record TEXT NOT NULL
    );
    CREATE INDEX disclosures_by_received ON disclosures (received_at);
    -- Holds gained renewals: fetch them again with the register.
    UPDATE sync_state SET cursor = NULL;
  `,
};
