import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultyProxy } from '../../../test/fixtures/faulty-proxy';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { failureOf, signedInTokens } from '../../../test/fixtures/console-parts';
import { DeskFailure } from '../errors';
import { backoffDelay, createPlatformClient } from './client';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;
const noWait = async () => undefined;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { listings: 30, now: () => clock.now });
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

describe('platform client', () => {
  it('parses answers with the contract and raises typed refusals', async () => {
    const tokens = await signedInTokens(sandbox.url);
    const client = createPlatformClient({ baseUrl: sandbox.url, tokens });
    const me = await client.call('me');
    expect(me.staff.username).toBe('mod.chen');
    const missing = await failureOf(client.call('getListing', { params: { listingId: 'lst_nope' } }));
    expect(missing).toMatchObject({ code: 'not_found', extra: { status: 404, path: 'params.listingId' } });
  });

  it('renews an expired access token once and retries the call', async () => {
    const tokens = await signedInTokens(sandbox.url);
    const client = createPlatformClient({ baseUrl: sandbox.url, tokens });
    clock.now = new Date(clock.now.getTime() + 20 * 60_000);
    expect((await client.call('me')).staff.username).toBe('mod.chen');
    expect(tokens.renewals()).toBe(1);
    // A token that cannot be renewed ends in the renewal's own failure, not a loop.
    tokens.renew = async () => {
      throw new DeskFailure('token_invalid', 'revoked');
    };
    tokens.access = 'xta_revoked';
    expect((await failureOf(client.call('me'))).code).toBe('token_invalid');
  });

  it('gets an access token first when it has none, as after resuming offline', async () => {
    const tokens = await signedInTokens(sandbox.url);
    const client = createPlatformClient({ baseUrl: sandbox.url, tokens: { current: () => null, renew: tokens.renew } });
    const renewing = createPlatformClient({ baseUrl: sandbox.url, tokens: { current: () => (tokens.renewals() > 0 ? tokens.access : null), renew: tokens.renew } });
    expect((await failureOf(client.call('me'))).code).toBe('token_missing');
    expect((await renewing.call('me')).staff.username).toBe('mod.chen');
    expect(tokens.renewals()).toBeGreaterThanOrEqual(1);
  });

  it('retries 5xx, 429 and dropped connections with backoff, then succeeds', async () => {
    const delays: number[] = [];
    const proxy = await startFaultyProxy(sandbox.url, (_req, n) =>
      n === 1 ? { kind: 'answer', status: 503, body: { code: 'internal', message: 'overloaded' } }
      : n === 2 ? { kind: 'reset' }
      : n === 3 ? { kind: 'answer', status: 429, body: { code: 'rate_limited', message: 'slow down' }, headers: { 'retry-after': '2' } }
      : { kind: 'pass' },
    );
    try {
      const client = createPlatformClient({
        baseUrl: proxy.url,
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0.5,
      });
      const session = await client.call('login', { body: { username: 'mod.lin', password: TEST_STAFF_PASSWORD } });
      expect(session.staff.username).toBe('mod.lin');
      expect(proxy.requests()).toHaveLength(4);
      expect(delays).toEqual([188, 375, 2000]);
    } finally {
      await proxy.close();
    }
  });

  it('gives up after the bounded attempts with platform_unreachable', async () => {
    const client = createPlatformClient({ baseUrl: 'http://127.0.0.1:9', sleep: noWait, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const failure = await failureOf(client.call('login', { body: { username: 'x', password: 'y' } }));
    expect(failure.code).toBe('platform_unreachable');
  });

  it('rejects an answer that breaks the contract instead of passing it on', async () => {
    const proxy = await startFaultyProxy(sandbox.url, () => ({
      kind: 'rewrite',
      edit: (body) => ({ ...(body as object), staff: { id: 'stf_1', username: 'x', displayName: 'x', roles: ['superuser'] } }),
    }));
    try {
      const client = createPlatformClient({ baseUrl: proxy.url, sleep: noWait });
      const failure = await failureOf(client.call('login', { body: { username: 'mod.chen', password: TEST_STAFF_PASSWORD } }));
      expect(failure.code).toBe('platform_invalid_response');
      expect(failure.extra.path).toBe('answer.staff.roles.0');
      expect(proxy.requests()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('holds every later call to a Retry-After, and refuses at once a pause longer than it would wait', async () => {
    const limited = { kind: 'answer' as const, status: 429, body: { code: 'rate_limited', message: 'slow down' } };
    const proxy = await startFaultyProxy(sandbox.url, (_req, n) =>
      n === 1 ? { ...limited, headers: { 'retry-after': '1' } } : n === 3 ? { ...limited, headers: { 'retry-after': '600' } } : { kind: 'pass' },
    );
    try {
      const delays: number[] = [];
      const client = createPlatformClient({ baseUrl: proxy.url, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 8_000 }, sleep: async (ms) => void delays.push(ms) });
      const login = { body: { username: 'mod.lin', password: TEST_STAFF_PASSWORD } };
      expect((await failureOf(client.call('login', login))).code).toBe('rate_limited');
      // Its one attempt is spent, but the next call (any call) still waits out the second asked for.
      await client.call('login', login);
      expect(delays).toHaveLength(1);
      expect(delays[0]).toBeGreaterThan(900);
      expect(delays[0]).toBeLessThanOrEqual(1000);
      const long = await failureOf(client.call('login', login));
      expect(long).toMatchObject({ code: 'rate_limited', extra: { retryAfterMs: 600_000 } });
      expect(await failureOf(client.call('login', login))).toMatchObject({ code: 'rate_limited' });
      expect(proxy.requests()).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it('reports the platform degraded while it retries through errors, timeouts and resets, and healthy after a calm spell', async () => {
    let failing = true;
    const proxy = await startFaultyProxy(sandbox.url, (_req, n) =>
      !failing ? { kind: 'pass' } : n % 2 === 1 ? { kind: 'answer', status: 500, body: { code: 'internal', message: 'boom' } } : { kind: 'reset' },
    );
    try {
      const client = createPlatformClient({ baseUrl: proxy.url, sleep: noWait, calmMs: 200, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
      const login = { body: { username: 'mod.lin', password: TEST_STAFF_PASSWORD } };
      expect(client.health()).toBeNull();
      await failureOf(client.call('login', login));
      const degraded = client.health();
      expect(degraded).toMatchObject({ code: 'connection_reset' });
      failing = false;
      await client.call('login', login);
      // One success inside the calm spell is not a recovery, and the trouble keeps its start.
      expect(client.health()).toEqual(degraded);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await client.call('login', login);
      expect(client.health()).toBeNull();
    } finally {
      await proxy.close();
    }
    // Nobody there at all is offline, not degraded.
    const offline = createPlatformClient({ baseUrl: 'http://127.0.0.1:9', sleep: noWait, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await failureOf(offline.call('login', { body: { username: 'x', password: 'y' } }));
    expect(offline.health()).toBeNull();
  });

  it('spreads retries with jitter inside an exponential ceiling', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(policy, 0, () => 0)).toBe(50);
    expect(backoffDelay(policy, 0, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 1)).toBe(800);
    expect(backoffDelay(policy, 6, () => 1)).toBe(1000);
  });
});
