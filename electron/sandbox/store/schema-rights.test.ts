import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { openPlatformDatabase } from './database';
import { platformMigrations } from './schema';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('migration 3 (rights)', () => {
  it('brings a version-2 platform database up with the rights tables, keeping its rows', () => {
    const file = join(folder.path, 'v2.sqlite');
    const old = new Database(file);
    platformMigrations.slice(0, 2).forEach((sql) => old.exec(sql));
    old.pragma('user_version = 2');
    old.prepare(
      `INSERT INTO users (id, nickname, phone, status, registered_at, last_login_at, risk_signals, device_id, last_ip, version, updated_at)
       VALUES ('usr_0000001', '老用户', '13800000000', 'active', '2024-01-01T00:00:00.000Z', NULL, '[]', 'and_1', '113.108.1.1', 1, '2024-01-01T00:00:00.000Z')`,
    ).run();
    old.close();

    const db = openPlatformDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(platformMigrations.length);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      for (const table of ['rights_tickets', 'rights_attachments', 'sms_messages', 'transactions', 'login_logs', 'legal_holds', 'processors', 'processor_tasks', 'retention_sweeps', 'retention_log']) {
        expect(tables).toContain(table);
      }
      expect(db.prepare('SELECT nickname FROM users').all()).toEqual([{ nickname: '老用户' }]);
    } finally {
      db.close();
    }
  });
});
