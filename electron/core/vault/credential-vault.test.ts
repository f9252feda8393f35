import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keychainVault } from './credential-vault';

// Runs against the real Secret Service: `npm test` starts a private D-Bus session with an
// unlocked gnome-keyring around the test run (see test/run.mjs).
const vault = keychainVault(`cn.xuntong.desk.test.${randomUUID()}`);
const account = { platformUrl: 'http://127.0.0.1:4780/', username: 'mod.chen' };

describe('credential vault on the OS keychain', () => {
  it('stores, reads, rotates and deletes a refresh token per platform and account', async () => {
    expect(await vault.read(account)).toBeNull();
    await vault.save(account, 'xtr_first');
    expect(await vault.read(account)).toBe('xtr_first');
    await vault.save(account, 'xtr_rotated');
    expect(await vault.read(account)).toBe('xtr_rotated');
    expect(await vault.read({ ...account, username: 'mod.lin' })).toBeNull();
    expect(await vault.read({ ...account, platformUrl: 'https://platform.example' })).toBeNull();
    expect(await vault.remove(account)).toBe(true);
    expect(await vault.read(account)).toBeNull();
    expect(await vault.remove(account)).toBe(false);
  });

  it('fails with keychain_unavailable, not a crash, without a session bus', () => {
    const script = `
      import { keychainVault } from './electron/core/vault/credential-vault.ts';
      keychainVault('cn.xuntong.desk.test').read({ platformUrl: 'http://127.0.0.1:1', username: 'x' })
        .then(() => console.log('READ'), (e) => console.log('CODE ' + e.code));`;
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    const child = spawnSync(new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname, ['--eval', script], {
      cwd: new URL('../../..', import.meta.url).pathname,
      env,
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('CODE keychain_unavailable');
  });
});
