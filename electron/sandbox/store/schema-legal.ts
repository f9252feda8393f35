/**
 * Migration 4: the lawful-disclosure register, and legal holds that are placed, renewed and
 * lifted through the API. The register is append-only, and the database itself refuses what would
 * break that: an entry's original request, its amendments and its files are never rewritten or
 * removed, so a bug in a handler cannot quietly do it either. The request, the scope and the
 * over-disclosure are JSON columns read and written whole with the entry.
 */
export const legalMigration = `
  CREATE TABLE disclosures (
    id TEXT PRIMARY KEY, register_number TEXT NOT NULL UNIQUE, idempotency_key TEXT UNIQUE, request_hash TEXT,
    status TEXT NOT NULL, request TEXT NOT NULL, original TEXT NOT NULL, scan_file_id TEXT NOT NULL,
    prepared_by TEXT NOT NULL, prepared_by_name TEXT NOT NULL, prepared_at TEXT NOT NULL,
    scope_disclosed TEXT, over_disclosure TEXT,
    approved_by TEXT, approved_by_name TEXT, approved_at TEXT, approval_note TEXT,
    delivery_method TEXT, disclosed_at TEXT, receipt_file_id TEXT,
    outcome TEXT, refusal_reason TEXT, user_notified_at TEXT,
    version INTEGER NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE disclosure_amendments (
    id TEXT PRIMARY KEY, disclosure_id TEXT NOT NULL REFERENCES disclosures(id), ordinal INTEGER NOT NULL,
    at TEXT NOT NULL, staff_id TEXT NOT NULL, staff_name TEXT NOT NULL, reason TEXT NOT NULL, changes TEXT NOT NULL,
    UNIQUE (disclosure_id, ordinal)
  );
  -- A scan, a produced file or a receipt: the bytes as received, with the hash the platform computed.
  CREATE TABLE register_files (
    id TEXT PRIMARY KEY, disclosure_id TEXT NOT NULL REFERENCES disclosures(id),
    role TEXT NOT NULL CHECK (role IN ('scan', 'production', 'receipt')), ordinal INTEGER NOT NULL,
    name TEXT NOT NULL, media_type TEXT NOT NULL, size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
    content BLOB NOT NULL, created_at TEXT NOT NULL
  );
  CREATE INDEX register_files_by_entry ON register_files(disclosure_id, role, ordinal);
  CREATE TRIGGER disclosures_original_fixed BEFORE UPDATE OF original ON disclosures WHEN NEW.original IS NOT OLD.original
    BEGIN SELECT RAISE(ABORT, 'the original request of a register entry never changes'); END;
  CREATE TRIGGER disclosures_kept BEFORE DELETE ON disclosures
    BEGIN SELECT RAISE(ABORT, 'register entries are never deleted'); END;
  CREATE TRIGGER disclosure_amendments_fixed BEFORE UPDATE ON disclosure_amendments
    BEGIN SELECT RAISE(ABORT, 'amendments are never rewritten'); END;
  CREATE TRIGGER disclosure_amendments_kept BEFORE DELETE ON disclosure_amendments
    BEGIN SELECT RAISE(ABORT, 'amendments are never deleted'); END;
  CREATE TRIGGER register_files_fixed BEFORE UPDATE ON register_files
    BEGIN SELECT RAISE(ABORT, 'register files are never rewritten'); END;
  CREATE TRIGGER register_files_kept BEFORE DELETE ON register_files
    BEGIN SELECT RAISE(ABORT, 'register files are never deleted'); END;

  -- Each renewal for a new term, oldest first: read and written whole with the hold.
  ALTER TABLE legal_holds ADD COLUMN renewals TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE legal_holds ADD COLUMN idempotency_key TEXT;
  ALTER TABLE legal_holds ADD COLUMN request_hash TEXT;
  CREATE UNIQUE INDEX legal_holds_by_key ON legal_holds(idempotency_key);
`;
