import type { ChannelName, ChannelOutput, InvokeResult } from '../../shared/ipc/contract';
import type { DeskError } from '../../shared/errors';
import type { SyncStatus } from '../../shared/ipc/views';
import { createDeskCore } from '../../electron/core/desk-core';
import type { CredentialVault } from '../../electron/core/vault/credential-vault';
import { TEST_STAFF_PASSWORD, temporaryFolder } from '../fixtures/sandbox';

/**
 * The refresh token in memory. The keychain is not what these rows put under fault, and keeping
 * it out lets `npm run chaos` run without a D-Bus session.
 */
function memoryVault(): CredentialVault {
  const tokens = new Map<string, string>();
  const key = (a: { platformUrl: string; username: string }) => `${a.platformUrl}#${a.username}`;
  return {
    save: async (account, token) => void tokens.set(key(account), token),
    read: async (account) => tokens.get(key(account)) ?? null,
    remove: async (account) => tokens.delete(key(account)),
  };
}

/**
 * A real core, in this process, that keeps what a reliability row needs to judge it: every sync
 * status it reported (events and answers), every error an IPC caller got, every log line.
 */
export async function startWatchedCore(platformUrl: string, options: { platformTimeoutMs?: number; pollMs?: number } = {}) {
  const folder = temporaryFolder('chaos-desk-');
  const logLines: string[] = [];
  const statuses: SyncStatus[] = [];
  const errors: { channel: string; error: DeskError }[] = [];
  const core = await createDeskCore({
    dataDir: folder.path,
    defaultPlatformUrl: platformUrl,
    vault: memoryVault(),
    pollMs: options.pollMs ?? 200,
    platformTimeoutMs: options.platformTimeoutMs,
    log: (line) => logLines.push(line),
  });
  core.on((name, payload) => {
    if (name === 'sync:progress') statuses.push(payload as SyncStatus);
  });
  const invoke = async (channel: ChannelName | string, input: unknown = {}): Promise<InvokeResult> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) errors.push({ channel, error: result.error });
    else if (channel === 'sync:status') statuses.push(result.output as SyncStatus);
    return result;
  };
  async function output<C extends ChannelName>(channel: C, input: unknown = {}): Promise<ChannelOutput<C>> {
    const result = await invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.output as ChannelOutput<C>;
  }
  return {
    dataDir: folder.path,
    invoke,
    output,
    signIn: (username: string) => output('session:signIn', { username, password: TEST_STAFF_PASSWORD }),
    statuses,
    errors,
    logLines,
    close: async () => {
      await core.close();
      folder.remove();
    },
  };
}
export type WatchedCore = Awaited<ReturnType<typeof startWatchedCore>>;
