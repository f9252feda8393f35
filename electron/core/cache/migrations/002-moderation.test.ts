import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { migration001 } from './001-replica';
import { migration002 } from './002-moderation';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 002', () => {
  it('upgrades a version-1 cache in place, keeps its rows, and asks for a fresh sync', () => {
    const file = join(folder.path, 'c.sqlite');
    const v1 = openMigrated(file, [migration001], 'cache');
    v1.prepare(`INSERT INTO users (id, nickname, phone_masked, status, registered_at, risk_signals, version, updated_at)
                VALUES ('usr_1', '小陈', '135****7162', 'active', '2026-01-01T00:00:00.000Z', '[]', 3, '2026-01-01T00:00:00.000Z')`).run();
    v1.prepare("UPDATE sync_state SET cursor = 'old-cursor'").run();
    v1.close();
    const v2 = openMigrated(file, [migration001, migration002], 'cache');
    expect(v2.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.prepare('SELECT id, strikes, restricted_until, version FROM users').all()).toEqual([
      { id: 'usr_1', strikes: 0, restricted_until: null, version: 3 },
    ]);
    expect(v2.prepare('SELECT cursor FROM sync_state').get()).toEqual({ cursor: null });
    const tables = (v2.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['claims', 'decisions', 'appeals', 'account_actions', 'flag_feedback']));
    v2.close();
    expect(new Database(file).pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
