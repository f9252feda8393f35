import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { cacheMigrations } from '.';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('cache migration 007', () => {
  it('keeps entries quarantined before it as open, and lets them be resolved', () => {
    const file = join(folder.path, 'c.sqlite');
    const old = openMigrated(file, cacheMigrations.slice(0, 6), 'cache');
    old.prepare("INSERT INTO quarantine (entity_type, entity_id, reason, path, raw, quarantined_at) VALUES ('listing', 'L-1', 'bad', 'version', '{}', '2026-11-20T00:00:00.000Z')").run();
    old.close();
    const db = openMigrated(file, cacheMigrations.slice(0, 7), 'cache');
    expect(db.prepare('SELECT entity_id, resolved_at FROM quarantine').all()).toEqual([{ entity_id: 'L-1', resolved_at: null }]);
    db.prepare("UPDATE quarantine SET resolved_at = '2026-11-21T00:00:00.000Z' WHERE entity_id = 'L-1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM quarantine WHERE resolved_at IS NULL').get()).toEqual({ n: 0 });
    db.close();
  });
});
