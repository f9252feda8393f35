import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { startSandbox } from '../server';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('the packaged demo platform database', () => {
  it('is written as one file and starts an empty data folder with the full seeded world', async () => {
    const file = join(folder.path, 'seed/platform.sqlite');
    const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
    const written = spawnSync(tsx, [new URL('../write-seed-database.ts', import.meta.url).pathname, file], { encoding: 'utf8' });
    expect(written.status, written.stderr).toBe(0);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const sandbox = await startSandbox({ dataDir: join(folder.path, 'data'), port: 0, seedDatabase: file, staffPassword: 'x-pass-1' });
    try {
      const count = (table: string) => (sandbox.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('listings')).toBe(3000);
      const rights = count('rights_tickets') + count('legal_holds') + count('processors') + count('disclosures');
      expect(count('feed')).toBe(count('listings') + count('users') + count('reports') + count('decisions') + count('appeals') + rights);
      expect([count('rights_tickets'), count('legal_holds'), count('processors'), count('disclosures')]).toEqual([8, 4, 5, 13]);
      expect(count('transactions')).toBeGreaterThan(50);
      expect(count('login_logs')).toBeGreaterThan(count('users') * 2);
      expect(count('appeals')).toBeGreaterThan(10);
      expect(count('staff')).toBeGreaterThanOrEqual(5);
      const login = await fetch(`${sandbox.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'mod.chen', password: 'x-pass-1' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});
