import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { openPlatformDatabase } from './database';
import { platformMigrations } from './schema';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const at = '2026-11-01T00:00:00.000Z';

describe('migration 4 (the disclosure register, hold renewals)', () => {
  it('brings a version-3 database up, giving its holds no renewals, and keeps the register append-only', () => {
    const file = join(folder.path, 'v3.sqlite');
    const old = new Database(file);
    platformMigrations.slice(0, 3).forEach((sql) => old.exec(sql));
    old.pragma('user_version = 3');
    old.prepare(
      `INSERT INTO legal_holds (id, user_id, source, reference, reason, scope, placed_by, placed_at, version)
       VALUES ('hold_old', 'usr_0000001', 'investigation', 'INV-1', '调查', '["all"]', 'stf_0006', ?, 1)`,
    ).run(at);
    old.close();

    const db = openPlatformDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(platformMigrations.length);
      expect(db.prepare("SELECT renewals, idempotency_key FROM legal_holds WHERE id = 'hold_old'").get()).toEqual({ renewals: '[]', idempotency_key: null });
      db.prepare(
        `INSERT INTO disclosures (id, register_number, status, request, original, scan_file_id, prepared_by, prepared_by_name, prepared_at, version, updated_at)
         VALUES ('ld_1', 'LD-2026-0001', 'awaiting_approval', '{"a":1}', '{"a":1}', 'rf_1', 'stf_0006', '刘志远', ?, 1, ?)`,
      ).run(at, at);
      db.prepare(
        `INSERT INTO register_files (id, disclosure_id, role, ordinal, name, media_type, size_bytes, sha256, content, created_at)
         VALUES ('rf_1', 'ld_1', 'scan', 0, 'scan.svg', 'image/svg+xml', 3, 'x', X'616263', ?)`,
      ).run(at);
      db.prepare("UPDATE disclosures SET request = '{\"a\":2}', version = 2 WHERE id = 'ld_1'").run();
      expect(() => db.prepare("UPDATE disclosures SET original = '{\"a\":2}' WHERE id = 'ld_1'").run()).toThrow(/never changes/);
      expect(() => db.prepare("DELETE FROM disclosures WHERE id = 'ld_1'").run()).toThrow(/never deleted/);
      expect(() => db.prepare("UPDATE register_files SET content = X'00' WHERE id = 'rf_1'").run()).toThrow(/never rewritten/);
      expect(() => db.prepare("DELETE FROM register_files WHERE id = 'rf_1'").run()).toThrow(/never deleted/);
      expect(db.prepare("SELECT original, request FROM disclosures WHERE id = 'ld_1'").get()).toEqual({ original: '{"a":1}', request: '{"a":2}' });
    } finally {
      db.close();
    }
  });
});
