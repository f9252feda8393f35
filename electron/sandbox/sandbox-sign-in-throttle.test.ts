import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../shared/errors';
import { startTestSandbox, temporaryFolder, TEST_STAFF_PASSWORD, type RunningSandbox } from '../../test/fixtures/sandbox';
import { MAX_FAILED_SIGN_INS, SIGN_IN_WINDOW_MS } from './services/sign-in-throttle';

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

const later = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};

/** Fetch directly: the throttle's answer is in a header, which the shared call helper does not keep. */
async function signIn(username: string, password: string) {
  const res = await fetch(`${sandbox.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as unknown;
  return { status: res.status, retryAfter: res.headers.get('retry-after'), code: res.status === 200 ? null : ApiErrorBody.parse(body).code };
}
const auditOf = (action: string, username: string) =>
  sandbox.db.prepare("SELECT detail FROM audit_events WHERE action = ? AND json_extract(detail, '$.username') = ?").all(action, username) as { detail: string }[];

describe('sign-in throttling', () => {
  it(`refuses a username after ${MAX_FAILED_SIGN_INS} failures in the window, even with the right password, until the oldest ages out`, async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await signIn('mod.chen', 'wrong-guess')).code).toBe('invalid_credentials');
      later(60_000); // failures at 0, 1, 2, 3 and 4 minutes
    }
    const throttled = await signIn('mod.chen', TEST_STAFF_PASSWORD);
    expect(throttled).toMatchObject({ status: 429, code: 'rate_limited' });
    // Now is 5 min after the first failure, which ages out at 15 min: 600 s to go.
    expect(throttled.retryAfter).toBe('600');
    const events = auditOf('auth.login_throttled', 'mod.chen');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.detail)).toEqual({ username: 'mod.chen', failures: MAX_FAILED_SIGN_INS, retryAfterSeconds: 600 });
    // A throttled attempt is not counted: it does not move the window on.
    later(SIGN_IN_WINDOW_MS - 5 * 60_000 - 1000);
    expect((await signIn('mod.chen', TEST_STAFF_PASSWORD)).retryAfter).toBe('1');
    later(1000);
    expect((await signIn('mod.chen', TEST_STAFF_PASSWORD)).status).toBe(200);
    expect(sandbox.db.prepare('SELECT count(*) AS n FROM login_failures WHERE username = ?').get('mod.chen')).toEqual({ n: 0 });
  });

  it('starts counting again after a success', async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) expect((await signIn('mod.lin', 'wrong-guess')).status).toBe(401);
    expect((await signIn('mod.lin', TEST_STAFF_PASSWORD)).status).toBe(200);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) expect((await signIn('mod.lin', 'wrong-guess')).status).toBe(401);
    expect((await signIn('mod.lin', TEST_STAFF_PASSWORD)).status).toBe(200);
  });

  it('throttles a username per username: an unknown one the same way, and nobody else with it', async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn('no.such.user', 'guess')).code).toBe('invalid_credentials');
    expect(await signIn('no.such.user', 'guess')).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: String(SIGN_IN_WINDOW_MS / 1000) });
    expect((await signIn('cs.zhao', TEST_STAFF_PASSWORD)).status).toBe(200);
    expect(auditOf('auth.login_failed', 'no.such.user')).toHaveLength(MAX_FAILED_SIGN_INS);
  });
});
