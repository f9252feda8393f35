import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIT_RETENTION_YEARS } from '../../../shared/audit-actions';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { openPlatformDatabase } from './database';
import { platformMigrations } from './schema';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** The trigger compares with SQLite's real clock, so ages are measured from the real now. */
function yearsAgo(years: number, plusDays: number): string {
  const at = new Date();
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return new Date(at.getTime() + plusDays * 86_400_000).toISOString();
}

describe('migration 5 (governance)', () => {
  const file = join(folder.path, 'v4.sqlite');
  const old = new Database(file);
  platformMigrations.slice(0, 4).forEach((sql) => old.exec(sql));
  old.pragma('user_version = 4');
  old.prepare("INSERT INTO staff (id, username, display_name, roles, password_hash, created_at) VALUES ('stf_9', 'old.staff', '老员工', '[\"moderator\"]', 'x', ?)").run(yearsAgo(1, 0));
  const insert = old.prepare("INSERT INTO audit_events (seq, at, staff_id, action, subject, detail, prev_hash, hash) VALUES (?, ?, 'stf_9', 'auth.login', NULL, '{}', 'p', 'h')");
  insert.run(1, yearsAgo(AUDIT_RETENTION_YEARS, -1)); // a day past the retention period
  insert.run(2, yearsAgo(AUDIT_RETENTION_YEARS, 1)); // a day short of it
  insert.run(3, new Date().toISOString());
  insert.run(4, 'not a time');
  old.close();
  const db = openPlatformDatabase(file);
  afterAll(() => db.close());

  it('gives existing staff version 1 and counts no failed sign-ins yet', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(platformMigrations.length);
    expect(db.prepare("SELECT version FROM staff WHERE id = 'stf_9'").get()).toEqual({ version: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM login_failures').get()).toEqual({ n: 0 });
  });

  it('refuses to rewrite any audit event, however old', () => {
    expect(() => db.prepare("UPDATE audit_events SET action = 'auth.logout' WHERE seq = 3").run()).toThrow(/never rewritten/);
    expect(() => db.prepare("UPDATE audit_events SET detail = '{\"x\":1}' WHERE seq = 1").run()).toThrow(/never rewritten/);
  });

  it(`deletes only events older than ${AUDIT_RETENTION_YEARS} years, and keeps one whose time it cannot read`, () => {
    for (const seq of [2, 3, 4]) {
      expect(() => db.prepare('DELETE FROM audit_events WHERE seq = ?').run(seq), `seq ${seq}`).toThrow(/kept at least 3 years/);
    }
    expect(db.prepare('DELETE FROM audit_events WHERE seq = 1').run().changes).toBe(1);
    expect(db.prepare('SELECT seq FROM audit_events ORDER BY seq').all()).toEqual([{ seq: 2 }, { seq: 3 }, { seq: 4 }]);
  });
});
