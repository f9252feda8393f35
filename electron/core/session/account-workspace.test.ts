import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Listing } from '../../../shared/platform/entities';
import type { SyncStatus } from '../../../shared/ipc/views';
import { startTestSandbox, TEST_STAFF_PASSWORD, temporaryFolder, type RunningSandbox } from '../../../test/fixtures/sandbox';
import { CoreEvents } from '../core-events';
import { createPlatformClient } from '../platform/client';
import type { CredentialVault } from '../vault/credential-vault';
import { AccountWorkspace } from './account-workspace';
import { SessionTokens } from './session-tokens';

const platformDir = temporaryFolder();
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox(platformDir.path, { listings: 3_000 });
});
afterAll(async () => {
  await sandbox.close();
  platformDir.remove();
});

async function workspaceOf(folder: string, events: CoreEvents): Promise<AccountWorkspace> {
  const login = await createPlatformClient({ baseUrl: sandbox.url }).call('login', { body: { username: 'mod.chen', password: TEST_STAFF_PASSWORD } });
  let refreshToken = login.refreshToken;
  const vault: CredentialVault = { save: async (_account, token) => void (refreshToken = token), read: async () => refreshToken, remove: async () => true };
  const tokens = new SessionTokens(vault, { platformUrl: sandbox.url, username: 'mod.chen' });
  tokens.set(login.accessToken);
  return new AccountWorkspace(folder, sandbox.url, tokens, events, { pollMs: 3_600_000, log: (line) => logged.push(line) });
}
const logged: string[] = [];

it("takes the platform's answers to decisions on the core's thread while its worker writes the first sync, losing none", async () => {
  const folder = temporaryFolder();
  const events = new CoreEvents();
  const ws = await workspaceOf(folder.path, events);
  // Decided on the platform before the sync starts; their answers land in the cache during it,
  // one at each progress report: the worker is then writing the next commit.
  const pending = sandbox.db.prepare("SELECT id, version FROM listings WHERE status = 'pending' AND escalated = 0 ORDER BY id LIMIT 6").all() as { id: string; version: number }[];
  const answers: Listing[] = [];
  for (const [at, listing] of pending.entries()) {
    const { listing: decided } = await ws.client.call('decide', {
      body: { idempotencyKey: `workspace-test-${at}`, listingId: listing.id, action: 'approve', basedOnVersion: listing.version },
    });
    answers.push(decided);
  }
  const applied: string[] = [];
  const progress: SyncStatus[] = [];
  events.on((name, payload) => {
    if (name !== 'sync:progress') return;
    const status = payload as SyncStatus;
    progress.push(status);
    const answer = status.phase === 'initial' && status.done > 0 ? answers.shift() : undefined;
    if (!answer) return;
    ws.replica.applyListing(answer);
    applied.push(answer.id);
  });
  await ws.sync.syncNow();
  expect(applied.length).toBeGreaterThanOrEqual(3);
  expect(progress.at(-1)).toMatchObject({ phase: 'idle', online: true });
  expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  for (const id of applied) expect(ws.replica.listing(id)).toMatchObject({ status: 'published' });
  expect(ws.replica.db.prepare('SELECT count(*) FROM listings').pluck().get()).toBe(sandbox.db.prepare('SELECT count(*) FROM listings').pluck().get());
  // The feed was written by the worker: it did not stop and leave it to the core's thread.
  expect(logged).toEqual([]);
  ws.close({ wipeCache: true, dropOutbox: true });
  folder.remove();
});
