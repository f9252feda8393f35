import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InvokeResult } from '../../shared/ipc/contract';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../test/fixtures/sandbox';
import { waitFor } from '../../test/fixtures/wait';
import { createDeskCore, type DeskCore } from './desk-core';
import { DeskFailure } from './errors';
import { keychainVault, type CredentialVault } from './vault/credential-vault';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;
const vault = keychainVault(`cn.xuntong.desk.test.${randomUUID()}`);
const traffic: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 150 });
});
afterAll(async () => {
  await sandbox.close();
  platformDir.remove();
});

async function startCore(dataDir: string, coreVault: CredentialVault = vault): Promise<DeskCore> {
  const core = await createDeskCore({ dataDir, defaultPlatformUrl: sandbox.url, demoAccounts: sandbox.staff, vault: coreVault, pollMs: 200, log: () => undefined });
  core.on((name, payload) => traffic.push(JSON.stringify({ name, payload })));
  return core;
}

async function invoke(core: DeskCore, channel: ChannelName | string, input: unknown = {}): Promise<InvokeResult> {
  const result = await core.dispatch(channel, input);
  traffic.push(JSON.stringify(result));
  return result;
}

async function output<T = Record<string, unknown>>(core: DeskCore, channel: ChannelName, input: unknown = {}): Promise<T> {
  const result = await invoke(core, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.output as T;
}

const signInAs = (core: DeskCore, username: string) => output(core, 'session:signIn', { username, password: TEST_STAFF_PASSWORD });
const account = (username: string) => ({ platformUrl: sandbox.url, username });
const synced = (core: DeskCore) => waitFor(async () => (await output<{ phase: string; lastSyncedAt: string | null }>(core, 'sync:status')).lastSyncedAt, 'first sync');

describe('the core behind IPC', () => {
  it('refuses unknown channels, bad input and callers who are not signed in, with codes', async () => {
    const data = temporaryFolder();
    const core = await startCore(data.path);
    expect(await invoke(core, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await invoke(core, 'moderation:queue', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await invoke(core, 'session:signIn', { username: '', password: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'input.username' } });
    expect(await invoke(core, 'session:signIn', { username: 'a', password: 'b', admin: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke(core, 'session:signIn', { username: 'mod.chen', password: 'wrong' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    const status = await output<{ state: string; demo: { accounts: unknown[] } | null }>(core, 'session:status');
    expect(status.state).toBe('signed_out');
    expect(status.demo?.accounts.length).toBeGreaterThanOrEqual(5);
    await core.close();
    data.remove();
  });

  it('lets each role reach only its channels', async () => {
    const data = temporaryFolder();
    const core = await startCore(data.path);
    await signInAs(core, 'cs.zhao');
    expect(await invoke(core, 'moderation:queue', {})).toMatchObject({ ok: false, error: { code: 'forbidden_role' } });
    expect(await invoke(core, 'moderation:decide', { listingId: 'lst_00000001', action: 'approve', reasonCode: null, basedOnVersion: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden_role' },
    });
    expect((await invoke(core, 'sync:status')).ok).toBe(true);
    await output(core, 'session:signOut', {});
    await core.close();
    data.remove();
  });

  it('signs in, syncs, queues a decision durably, delivers it once, and signs out clean', async () => {
    const data = temporaryFolder();
    const core = await startCore(data.path);
    const session = await signInAs(core, 'mod.chen');
    expect(session).toMatchObject({ state: 'signed_in', staff: { displayName: '陈晓峰' } });
    expect(await vault.read(account('mod.chen'))).toMatch(/^xtr_/);
    await synced(core);
    const queue = await output<{ rows: { id: string; version: number }[]; total: number }>(core, 'moderation:queue', { limit: 5 });
    const pendingOnPlatform = (sandbox.db.prepare("SELECT count(*) AS n FROM listings WHERE status = 'pending' AND escalated = 0").get() as { n: number }).n;
    expect(queue.total).toBe(pendingOnPlatform);
    const target = queue.rows[0]!;
    const detail = await output<{ listing: { contactPhoneMasked: string }; seller: unknown }>(core, 'moderation:listing', { listingId: target.id });
    expect(detail.listing.contactPhoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const entry = await output<{ state: string; listingId: string }>(core, 'moderation:decide', {
      listingId: target.id, action: 'reject', reasonCode: 'fraud_deposit', note: '', basedOnVersion: target.version,
    });
    expect(entry).toMatchObject({ state: 'pending', listingId: target.id });
    const after = await output<{ rows: { id: string }[]; total: number }>(core, 'moderation:queue', { limit: 5 });
    expect(after.rows.map((r) => r.id)).not.toContain(target.id);
    await waitFor(async () => (await output<{ pendingOutbox: number }>(core, 'sync:status')).pendingOutbox === 0, 'delivery');
    expect((sandbox.db.prepare('SELECT count(*) AS n FROM decisions WHERE listing_id = ?').get(target.id) as { n: number }).n).toBe(1);
    await waitFor(async () => (await output<{ listing: { status: string } }>(core, 'moderation:listing', { listingId: target.id })).listing.status === 'rejected', 'cache update');

    const refreshToken = (await vault.read(account('mod.chen')))!;
    expect(await output(core, 'session:signOut', {})).toEqual({ signedOut: true, undelivered: 0, kept: false });
    expect(await vault.read(account('mod.chen'))).toBeNull();
    const accounts = readdirSync(join(data.path, 'accounts'));
    expect(readdirSync(join(data.path, 'accounts', accounts[0]!))).toEqual([]);
    // Nothing secret crossed the boundary: no token in any answer or event.
    expect(traffic.join('\n')).not.toContain(refreshToken);
    expect(traffic.join('\n')).not.toMatch(/xt[ar]_[\w-]{20,}/);
    await core.close();
    data.remove();
  });

  it('never drops an undelivered decision at sign-out, and delivers it at the next sign-in', async () => {
    const data = temporaryFolder();
    const core = await startCore(data.path);
    await signInAs(core, 'mod.lin');
    await synced(core);
    const target = (await output<{ rows: { id: string; version: number }[] }>(core, 'moderation:queue', { limit: 1 })).rows[0]!;
    const port = sandbox.port;
    await sandbox.close();
    await output(core, 'moderation:decide', { listingId: target.id, action: 'approve', reasonCode: null, basedOnVersion: target.version });
    expect(await output(core, 'session:signOut', {})).toEqual({ signedOut: false, undelivered: 1, kept: false });
    expect(await output(core, 'session:signOut', { undelivered: 'deliver_first' })).toEqual({ signedOut: false, undelivered: 1, kept: false });
    expect(await output(core, 'session:signOut', { undelivered: 'keep_for_next_sign_in' })).toEqual({ signedOut: true, undelivered: 1, kept: true });
    const folder = join(data.path, 'accounts', readdirSync(join(data.path, 'accounts'))[0]!);
    expect(existsSync(join(folder, 'outbox.sqlite'))).toBe(true);
    expect(existsSync(join(folder, 'cache.sqlite'))).toBe(false);
    expect(await vault.read(account('mod.lin'))).toBeNull();

    sandbox = await startTestSandbox(platformDir.path, { listings: 150, port });
    await signInAs(core, 'mod.lin');
    await waitFor(
      () => (sandbox.db.prepare('SELECT count(*) AS n FROM decisions WHERE listing_id = ?').get(target.id) as { n: number }).n === 1,
      'kept decision delivered',
    );
    await output(core, 'session:signOut', {});
    await core.close();
    data.remove();
  });

  it('resumes the last session at launch from the keychain alone', async () => {
    const data = temporaryFolder();
    let core = await startCore(data.path);
    await signInAs(core, 'senior.wang');
    await core.close();
    core = await startCore(data.path);
    expect(await output(core, 'session:status')).toMatchObject({ state: 'signed_in', staff: { username: 'senior.wang' } });
    await output(core, 'session:signOut', {});
    await core.close();
    data.remove();
  });

  it('fails sign-in with keychain_unavailable, and creates no session, when there is no keychain', async () => {
    const data = temporaryFolder();
    const unavailable = new DeskFailure('keychain_unavailable', 'the OS keychain is unavailable: Cannot autolaunch D-Bus without X11 $DISPLAY');
    const broken: CredentialVault = { save: () => Promise.reject(unavailable), read: () => Promise.reject(unavailable), remove: () => Promise.reject(unavailable) };
    const core = await startCore(data.path, broken);
    const before = (sandbox.db.prepare("SELECT count(*) AS n FROM tokens").get() as { n: number }).n;
    expect(await invoke(core, 'session:signIn', { username: 'mod.chen', password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } });
    expect((sandbox.db.prepare("SELECT count(*) AS n FROM tokens").get() as { n: number }).n).toBe(before);
    expect(await output(core, 'session:status')).toMatchObject({ state: 'signed_out' });
    await core.close();
    data.remove();
  });
});
