/**
 * Migration 5: governance. Staff accounts get a version, so a role change based on an old view of
 * them is refused; failed sign-ins are counted per username, so guessing a password is throttled;
 * and the audit trail is protected by the database itself: no event is ever rewritten, and none
 * younger than the retention period (AUDIT_RETENTION_YEARS in shared/audit-actions.ts, 3 years)
 * is removed, so neither a bug in a handler nor a sweep can thin it out.
 *
 * The period is written out here rather than interpolated: a migration is history and must not
 * change when the constant does. Its test fails if the two part, and the fix is a new migration.
 * SQLite's 'now' is the real clock, not the sandbox's injectable one: the guarantee belongs to the
 * database, which knows no other time. An `at` SQLite cannot read counts as young (kept).
 */
export const governanceMigration = `
  ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE login_failures (username TEXT NOT NULL, at TEXT NOT NULL);
  CREATE INDEX login_failures_by_username ON login_failures(username, at);
  CREATE INDEX audit_by_time ON audit_events(at);
  CREATE TRIGGER audit_events_never_rewritten BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are never rewritten'); END;
  CREATE TRIGGER audit_events_kept_three_years BEFORE DELETE ON audit_events
    WHEN coalesce(julianday(OLD.at) > julianday('now', '-3 years'), 1)
    BEGIN SELECT RAISE(ABORT, 'audit events are kept at least 3 years'); END;
`;
