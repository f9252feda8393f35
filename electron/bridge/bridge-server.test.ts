import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../test/fixtures/sandbox';
import { createDeskCore, type DeskCore } from '../core/desk-core';
import { keychainVault } from '../core/vault/credential-vault';
import { isLoopback, rendererFile, startBridge } from './bridge-server';

const platformDir = temporaryFolder();
const deskDir = temporaryFolder();
const rendererDir = temporaryFolder();
const token = 'per-launch-token-for-tests-0123456789';
let sandbox: RunningSandbox;
let core: DeskCore;
let bridge: Awaited<ReturnType<typeof startBridge>>;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 30 });
  core = await createDeskCore({
    dataDir: deskDir.path,
    defaultPlatformUrl: sandbox.url,
    vault: keychainVault(`cn.xuntong.desk.test.${randomUUID()}`),
    log: () => undefined,
  });
  writeFileSync(join(rendererDir.path, 'index.html'), '<!doctype html><title>desk</title>');
  bridge = await startBridge({ core, rendererDir: rendererDir.path, token });
});
afterAll(async () => {
  await bridge.close();
  await core.close();
  await sandbox.close();
  for (const f of [platformDir, deskDir, rendererDir]) f.remove();
});

const origin = () => `http://127.0.0.1:${bridge.port}`;

function connect(query: string, headers: Record<string, string> = { origin: origin() }) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/desk${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function invoke(ws: WebSocket, id: number, channel: string, input: unknown) {
  return new Promise<{ ok: boolean; output?: unknown; error?: { code: string } }>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: { ok: boolean } };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, input }));
  });
}

describe('development bridge', () => {
  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const page = await fetch(`${origin()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https?:/);
    expect((await fetch(`${origin()}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect(rendererFile(rendererDir.path, '/../../etc/passwd')).toBeUndefined();
    expect(rendererFile(rendererDir.path, '/index.html')).toBe(join(rendererDir.path, 'index.html'));
  });

  it('listens on loopback only and refuses other addresses', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('192.168.1.20')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.8')).toBe(false);
  });

  it('refuses a wrong or missing token and a foreign origin', async () => {
    await expect(connect('?token=guess')).rejects.toThrow('refused 403');
    await expect(connect('')).rejects.toThrow('refused 403');
    await expect(connect(`?token=${token}`, { origin: 'https://evil.example' })).rejects.toThrow('refused 403');
  });

  it('serves the handler table and pushes the core events', async () => {
    const ws = await connect(`?token=${token}`);
    const events: string[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; name?: string };
      if (message.type === 'event') events.push(message.name!);
    });
    expect(await invoke(ws, 1, 'session:status', {})).toMatchObject({ ok: true, output: { state: 'signed_out' } });
    expect(await invoke(ws, 2, 'shell:exec', { cmd: 'id' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    ws.send('not json at all');
    ws.send(JSON.stringify({ type: 'invoke', id: 'x' }));
    expect(await invoke(ws, 3, 'session:signIn', { username: 'mod.chen', password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: true });
    await expect.poll(() => events).toContain('session:changed');
    expect(await invoke(ws, 4, 'session:signOut', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('keeps a locked console locked over the bridge too, which has no main router in front of the core', async () => {
    const ws = await connect(`?token=${token}`);
    expect(await invoke(ws, 10, 'session:signIn', { username: 'cs.zhao', password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: true });
    expect(await invoke(ws, 11, 'session:lock', {})).toMatchObject({ ok: true, output: { locked: true } });
    for (const [i, channel] of ['sync:status', 'rights:tickets', 'settings:get', 'session:signIn', 'session:lock'].entries()) {
      expect(await invoke(ws, 20 + i, channel, channel === 'session:signIn' ? { username: 'dpo.zhou', password: TEST_STAFF_PASSWORD } : {}), channel).toMatchObject({
        ok: false,
        error: { code: 'console_locked' },
      });
    }
    expect(await invoke(ws, 30, 'session:status', {})).toMatchObject({ ok: true, output: { state: 'signed_in', locked: true } });
    expect(await invoke(ws, 31, 'session:unlock', { password: 'not-the-password' })).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await invoke(ws, 32, 'sync:status', {})).toMatchObject({ ok: false, error: { code: 'console_locked' } });
    expect(await invoke(ws, 33, 'session:unlock', { password: TEST_STAFF_PASSWORD })).toMatchObject({ ok: true, output: { locked: false } });
    expect(await invoke(ws, 34, 'sync:status', {})).toMatchObject({ ok: true });
    expect(await invoke(ws, 35, 'session:signOut', {})).toMatchObject({ ok: true });
    ws.close();
  });
});
