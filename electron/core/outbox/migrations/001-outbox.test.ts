import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { outbox001 } from './001-outbox';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('outbox migration 001', () => {
  it('creates the outbox with unique idempotency keys and a state check', () => {
    const db = openMigrated(join(folder.path, 'o.sqlite'), [outbox001], 'outbox');
    const insert = db.prepare(
      "INSERT INTO outbox (idempotency_key, listing_id, action, payload, state, next_attempt_at, created_at) VALUES (?, 'lst_1', 'approve', '{}', ?, 'now', 'now')",
    );
    insert.run('k1', 'pending');
    expect(() => insert.run('k1', 'pending')).toThrow(/UNIQUE/);
    expect(() => insert.run('k2', 'lost')).toThrow(/CHECK/);
    db.close();
  });
});
