import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../../test/fixtures/folders';
import { openMigrated } from '../../storage/migrations';
import { outbox001 } from './001-outbox';
import { outbox002 } from './002-decision-id';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('outbox migration 002', () => {
  it('keeps undelivered entries and adds the decision id column', () => {
    const file = join(folder.path, 'o.sqlite');
    const v1 = openMigrated(file, [outbox001], 'outbox');
    v1.prepare("INSERT INTO outbox (idempotency_key, listing_id, action, payload, state, next_attempt_at, created_at) VALUES ('k', 'lst_1', 'approve', '{}', 'pending', 'now', 'now')").run();
    v1.close();
    const v2 = openMigrated(file, [outbox001, outbox002], 'outbox');
    expect(v2.prepare('SELECT idempotency_key, state, decision_id FROM outbox').all()).toEqual([{ idempotency_key: 'k', state: 'pending', decision_id: null }]);
    v2.close();
  });
});
