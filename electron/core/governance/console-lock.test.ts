import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { createDeskCore, type DeskCore } from '../desk-core';
import { keychainVault } from '../vault/credential-vault';
import { LOG_FILE } from '../core-log';

const platformDir = temporaryFolder();
const deskDir = temporaryFolder();
let sandbox: RunningSandbox;
const vault = keychainVault(`cn.xuntong.desk.test.${randomUUID()}`);
const echoed: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 30 });
});
afterAll(async () => {
  await sandbox.close();
  platformDir.remove();
  deskDir.remove();
});

const start = () => createDeskCore({ dataDir: deskDir.path, defaultPlatformUrl: sandbox.url, vault, pollMs: 200, log: (line) => echoed.push(line) });

describe('the console lock across a restart', () => {
  it('stays locked when the console is quit and started again, so quitting is no way around the password', async () => {
    let core: DeskCore = await start();
    expect(await core.dispatch('session:signIn', { username: 'cs.he', password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: true });
    expect(await core.dispatch('session:lock', {})).toMatchObject({ ok: true, output: { locked: true } });
    await core.close();

    core = await start();
    expect(await core.dispatch('session:status', {})).toMatchObject({ ok: true, output: { state: 'signed_in', locked: true, staff: { username: 'cs.he' } } });
    expect(await core.dispatch('rights:tickets', {})).toMatchObject({ ok: false, error: { code: 'console_locked' } });
    expect(await core.dispatch('session:unlock', { password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: true, output: { locked: false } });
    await core.close();

    core = await start();
    expect(await core.dispatch('session:status', {})).toMatchObject({ ok: true, output: { state: 'signed_in', locked: false } });
    expect(await core.dispatch('session:signOut', {})).toMatchObject({ ok: true, output: { signedOut: true } });
    await core.close();
  });

  it('answers a throttled unlock at once, and stays locked', async () => {
    const core = await start();
    await core.dispatch('session:signIn', { username: 'legal.huang', password: TEST_STAFF_PASSWORD });
    await core.dispatch('session:lock', {});
    for (let i = 0; i < 5; i += 1) {
      expect(await core.dispatch('session:unlock', { password: `guess-${i}` })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    }
    const started = Date.now();
    expect(await core.dispatch('session:unlock', { password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await core.dispatch('session:status', {})).toMatchObject({ ok: true, output: { locked: true } });
    expect(await core.dispatch('session:signOut', {})).toMatchObject({ ok: true, output: { signedOut: true } });
    await core.close();
  });

  it('logs through the redactor into desk.log when the lock cannot be reported', async () => {
    const core = await start();
    await core.dispatch('session:signIn', { username: 'cs.he', password: TEST_STAFF_PASSWORD });
    await sandbox.close();
    // Locking works with the platform gone; the report that failed is logged, redacted.
    expect(await core.dispatch('session:lock', {})).toMatchObject({ ok: true, output: { locked: true } });
    const log = readFileSync(join(deskDir.path, LOG_FILE), 'utf8');
    expect(log).toMatch(/could not record console\.lock/);
    expect(echoed.some((line) => line.includes('could not record console.lock'))).toBe(true);
    await core.close();
    sandbox = await startTestSandbox(platformDir.path, { listings: 30 });
  });
});
