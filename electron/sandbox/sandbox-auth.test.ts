import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformContract, type EndpointName } from '../../shared/platform/contract';
import { roles, roleScopes } from '../../shared/platform/roles';
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

const usernameOf = (role: string) => sandbox.staff.find((s) => s.role === role)!.username;

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

describe('scopes per role', () => {
  it('refuses every scoped endpoint to each role without the scope, and only those', async () => {
    const scoped = (Object.entries(platformContract) as [EndpointName, (typeof platformContract)[EndpointName]][]).filter(
      ([, e]) => e.access.kind === 'scope',
    );
    let refusals = 0;
    for (const role of roles) {
      const session = await signIn(sandbox.url, usernameOf(role));
      for (const [name, endpoint] of scoped) {
        if (endpoint.access.kind !== 'scope') continue;
        const params = { listingId: 'lst_00000001', batchId: 'batch-00000001', userId: 'usr_0000001', appealId: 'apl_1', decisionId: 'dec_1', ticketId: 'rt_1', taskId: 'ptk_1', disclosureId: 'ld_1', fileId: 'rf_1', holdId: 'hold_1' };
        const answer = await call(sandbox.url, name, { params: params as never }, session.accessToken);
        const allowed = roleScopes[role].includes(endpoint.access.scope);
        if (allowed) expect(answer.status, `${role} ${name}`).not.toBe(403);
        else {
          refused(answer, 403, 'forbidden_scope');
          refusals += 1;
        }
      }
    }
    expect(refusals).toBeGreaterThan(10);
  });
});
