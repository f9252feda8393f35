import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge } from '../../electron/bridge/bridge-server';
import { createDeskCore, type DeskCore } from '../../electron/core/desk-core';
import { LOG_FILE } from '../../electron/core/core-log';
import { keychainVault } from '../../electron/core/vault/credential-vault';
import { startRecordingProxy } from '../fixtures/recording-proxy';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../fixtures/sandbox';
import { waitFor } from '../fixtures/wait';

/**
 * A whole working session of a moderator, with the console behind the loopback bridge (as the
 * renderer reaches it), a real platform and the real keychain, followed by a search for its
 * secrets everywhere the console writes or talks: the access and refresh tokens the platform
 * issued, the password, and the phone number revealed. Each must be found nowhere, except the
 * one answer that carried the revealed number to the screen.
 */
const platformDir = temporaryFolder();
const deskDir = temporaryFolder('desk-secrets-');
const rendererDir = temporaryFolder();
const service = `cn.xuntong.desk.test.${randomUUID()}`;
const token = randomUUID();
let sandbox: RunningSandbox;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let core: DeskCore;
let bridge: Awaited<ReturnType<typeof startBridge>>;

/** Every frame that crossed the bridge, both ways, as text. */
const frames: { direction: 'sent' | 'received'; text: string }[] = [];
let nextId = 1;
let ws: WebSocket;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 80 });
  proxy = await startRecordingProxy(sandbox.url);
  core = await createDeskCore({ dataDir: deskDir.path, defaultPlatformUrl: proxy.url, vault: keychainVault(service), pollMs: 300, log: () => undefined });
  writeFileSync(join(rendererDir.path, 'index.html'), '<!doctype html><title>desk</title>');
  bridge = await startBridge({ core, rendererDir: rendererDir.path, token });
  ws = await new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/desk?token=${token}`, { headers: { origin: `http://127.0.0.1:${bridge.port}` } });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
  ws.on('message', (data) => frames.push({ direction: 'received', text: data.toString() }));
});
afterAll(async () => {
  ws?.close();
  await bridge?.close();
  await core?.close();
  await proxy?.close();
  await sandbox?.close();
  for (const folder of [platformDir, deskDir, rendererDir]) folder.remove();
});

/** One call through the bridge, as the renderer makes it; returns the id so its answer can be found. */
function invoke(channel: string, input: unknown): Promise<{ id: number; result: { ok: boolean; output?: unknown; error?: { code: string } } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: never };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve({ id, result: message.result! });
      }
    };
    ws.on('message', onMessage);
    const text = JSON.stringify({ type: 'invoke', id, channel, input });
    frames.push({ direction: 'sent', text });
    ws.send(text);
  });
}

async function output<T>(channel: string, input: unknown = {}): Promise<T> {
  const { result } = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.output as T;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where each secret turns up in the console's data folder, byte for byte (SQLite pages, WAL and all). */
function foundOnDisk(secrets: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(deskDir.path)) {
    const bytes = readFileSync(file);
    for (const [what, secret] of Object.entries(secrets)) if (bytes.includes(Buffer.from(secret, 'utf8'))) hits.push(`${what} in ${file.slice(deskDir.path.length)}`);
  }
  return hits;
}

/** Every token the platform handed out or was shown, from the wire (the platform keeps only their hashes). */
function issuedTokens(): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [i, x] of proxy.exchanges().entries()) {
    if (x.authorization?.startsWith('Bearer ')) tokens[`bearer#${i}`] = x.authorization.slice('Bearer '.length);
    if (/\/v1\/auth\/(login|refresh)/.test(x.path) && x.status === 200) {
      const session = JSON.parse(x.responseBody) as { accessToken: string; refreshToken: string };
      tokens[`access#${i}`] = session.accessToken;
      tokens[`refresh#${i}`] = session.refreshToken;
    }
  }
  return tokens;
}

describe('a moderator’s session leaves no secret behind', () => {
  let revealed = '';
  let revealAnswerId = 0;
  let sellerId = '';

  it('signs in, syncs, opens a listing, reveals and copies the seller’s phone, locks and unlocks', async () => {
    await output('session:signIn', { username: 'mod.chen', password: TEST_STAFF_PASSWORD });
    await waitFor(async () => (await output<{ lastSyncedAt: string | null }>('sync:status')).lastSyncedAt, 'first sync');
    const queue = await output<{ rows: { id: string }[] }>('moderation:queue', {});
    // A seller whose number appears in no listing's text, so any copy of it on disk came from the reveal.
    const candidates = sandbox.db
      .prepare("SELECT l.id AS listingId, u.id AS userId, u.phone FROM listings l JOIN users u ON u.id = l.seller_id")
      .all() as { listingId: string; userId: string; phone: string }[];
    const mentioned = (phone: string) => sandbox.db.prepare("SELECT 1 FROM listings WHERE instr(title || ' ' || body, ?) > 0").get(phone) !== undefined;
    const pick = candidates.find((c) => queue.rows.some((r) => r.id === c.listingId) && !mentioned(c.phone));
    expect(pick, 'a listing in the queue whose seller’s number is in no listing’s text').toBeDefined();
    sellerId = pick!.userId;

    expect(await output('moderation:open', { listingId: pick!.listingId })).toMatchObject({ claimed: true });
    const detail = await output<{ seller: { id: string; phoneMasked: string } }>('moderation:listing', { listingId: pick!.listingId });
    expect(detail.seller.id).toBe(sellerId);
    expect(detail.seller.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);

    const reveal = await invoke('pii:reveal', { subjectType: 'user', subjectId: sellerId, field: 'phone', reason: 'verify_identity', note: '核实卖家身份' });
    expect(reveal.result.ok).toBe(true);
    revealed = (reveal.result.output as { value: string }).value;
    revealAnswerId = reveal.id;
    expect(revealed).toBe(pick!.phone);
    expect(await output('pii:copied', { subjectType: 'user', subjectId: sellerId, field: 'phone' })).toMatchObject({ auditSeq: expect.any(Number) });

    // A lock and an unlock mint a second token family; it must leave no more trace than the first.
    await output('session:lock', {});
    await output('session:unlock', { password: TEST_STAFF_PASSWORD });
    await output('sync:now', {});
    await waitFor(async () => (await output<{ phase: string }>('sync:status')).phase === 'idle', 'a sync after unlocking');
    await output('moderation:release', { listingId: pick!.listingId });

    const entries = await keytar.findCredentials(service);
    expect(entries).toHaveLength(1);
    const refreshTokens = Object.entries(issuedTokens()).filter(([k]) => k.startsWith('refresh#')).map(([, v]) => v);
    expect(refreshTokens.length).toBeGreaterThanOrEqual(2);
    // The keychain holds the newest refresh token, and only that.
    expect(refreshTokens).toContain(entries[0]!.password);
  });

  it('has written no token, password or revealed number to its data folder while signed in', () => {
    expect(revealed).toMatch(/^1[3-9]\d{9}$/);
    const files = filesUnder(deskDir.path).map((f) => f.slice(deskDir.path.length));
    // The search covers the cache with its WAL, the outbox, the state and the log, not an empty folder.
    expect(files.some((f) => f.endsWith('cache.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('cache.sqlite-wal'))).toBe(true);
    expect(files).toContain(`/${LOG_FILE}`);
    expect(readFileSync(join(deskDir.path, LOG_FILE), 'utf8')).toContain('mod.chen signed in');
    expect(foundOnDisk({ ...issuedTokens(), password: TEST_STAFF_PASSWORD, revealed })).toEqual([]);
  });

  it('signs out, and then neither the folder nor the keychain nor the bridge traffic holds a secret', async () => {
    expect(await output('session:signOut', {})).toMatchObject({ signedOut: true });
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(revealed).toMatch(/^1[3-9]\d{9}$/);
    const tokens = issuedTokens();
    expect(Object.keys(tokens).length).toBeGreaterThan(4);
    expect(foundOnDisk({ ...tokens, password: TEST_STAFF_PASSWORD, revealed })).toEqual([]);

    // Across the bridge: no token ever, and the number only in the one answer that showed it.
    const revealAnswer = frames.filter((f) => f.direction === 'received' && f.text.includes(`"id":${revealAnswerId},`));
    expect(revealAnswer).toHaveLength(1);
    const traffic = frames.filter((f) => !revealAnswer.includes(f));
    expect(traffic.length).toBeGreaterThan(20);
    for (const [what, secret] of Object.entries({ ...tokens, revealed })) {
      expect(traffic.filter((f) => f.text.includes(secret)).map((f) => `${what} ${f.direction} ${f.text.slice(0, 80)}`)).toEqual([]);
    }
  });
});
