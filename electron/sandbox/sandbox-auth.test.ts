import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, ok, refused, signIn } from '../../test/fixtures/platform-http';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD } from '../../test/fixtures/sandbox';
import type { RunningSandbox } from './server';

const folder = temporaryFolder();
const clock = { now: new Date('2026-11-20T09:00:00Z') };
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox(folder.path, { now: () => clock.now });
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

describe('sign-in', () => {
  it('returns tokens and the staff profile with roles, and remembers the previous sign-in', async () => {
    const first = await signIn(sandbox.url, 'mod.chen');
    expect(first.staff).toMatchObject({ username: 'mod.chen', displayName: '陈晓峰', roles: ['moderator'] });
    expect(first.accessToken).not.toBe(first.refreshToken);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const second = await signIn(sandbox.url, 'mod.chen');
    expect(second.lastSignInAt).toBe(new Date(clock.now.getTime() - 60_000).toISOString());
    const me = ok(await call(sandbox.url, 'me', {}, second.accessToken));
    expect(me.scopes).toEqual(expect.arrayContaining(['moderation:decide', 'changes:read']));
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    refused(await call(sandbox.url, 'login', { body: { username: 'mod.chen', password: 'nope' } }), 401, 'invalid_credentials');
    refused(await call(sandbox.url, 'login', { body: { username: 'nobody', password: TEST_STAFF_PASSWORD } }), 401, 'invalid_credentials');
  });

  it('tells a missing token from an unknown one and from an expired one', async () => {
    refused(await call(sandbox.url, 'me', {}), 401, 'token_missing');
    refused(await call(sandbox.url, 'me', {}, 'xta_not-a-real-token'), 401, 'token_invalid');
    const session = await signIn(sandbox.url, 'mod.lin');
    clock.now = new Date(clock.now.getTime() + 16 * 60_000);
    refused(await call(sandbox.url, 'me', {}, session.accessToken), 401, 'token_expired');
  });
});

describe('refresh-token rotation', () => {
  it('issues new tokens and retires the old refresh token', async () => {
    const session = await signIn(sandbox.url, 'cs.zhao');
    const rotated = ok(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }));
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    ok(await call(sandbox.url, 'me', {}, rotated.accessToken));
    // The old access token of the family is revoked with its refresh token.
    refused(await call(sandbox.url, 'me', {}, session.accessToken), 401, 'token_invalid');
    refused(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }), 401, 'token_invalid');
  });

  it('ends the whole session when a retired refresh token is replayed', async () => {
    const session = await signIn(sandbox.url, 'cs.he');
    const rotated = ok(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }));
    refused(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }), 401, 'token_invalid');
    refused(await call(sandbox.url, 'refresh', { body: { refreshToken: rotated.refreshToken } }), 401, 'token_invalid');
    refused(await call(sandbox.url, 'me', {}, rotated.accessToken), 401, 'token_invalid');
  });

  it('refuses an expired refresh token', async () => {
    const session = await signIn(sandbox.url, 'legal.liu');
    clock.now = new Date(clock.now.getTime() + 31 * 24 * 3600_000);
    refused(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }), 401, 'token_expired');
  });
});

describe('sign-out', () => {
  it('revokes both tokens', async () => {
    const session = await signIn(sandbox.url, 'legal.huang');
    expect(ok(await call(sandbox.url, 'logout', {}, session.accessToken))).toEqual({ loggedOut: true });
    refused(await call(sandbox.url, 'me', {}, session.accessToken), 401, 'token_invalid');
    refused(await call(sandbox.url, 'refresh', { body: { refreshToken: session.refreshToken } }), 401, 'token_invalid');
  });
});
