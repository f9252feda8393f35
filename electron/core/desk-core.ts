import type { EventName, EventPayload, InvokeResult } from '../../shared/ipc/contract';
import { ipcChannels } from '../../shared/ipc/contract';
import { admit } from '../../shared/ipc/admission';
import type { DemoAccount } from '../../shared/ipc/views';
import { CoreEvents } from './core-events';
import { asDeskError } from './errors';
import { defaultCalendarDir, loadWorkingCalendar } from './rights/holiday-calendar';
import { createHandlers, type HandlerTable } from './handlers';
import { createCoreLog } from './core-log';
import { allowedWhileLocked } from '../../shared/ipc/governance-views';
import { createMediaFetcher } from './platform/media';
import { SessionManager } from './session/session-manager';
import { keychainVault, type CredentialVault } from './vault/credential-vault';
import type { SimulatedDisk } from './cache-health/simulated-disk';
import { needsReadableCache } from './cache-health/cache-gate';

export interface DeskCoreOptions {
  /** The console's own state: per-account caches and outboxes, and who signed in last. */
  dataDir: string;
  /** The platform used when sign-in names none (the embedded demo platform, usually). */
  defaultPlatformUrl: string;
  demoAccounts?: DemoAccount[] | null;
  vault?: CredentialVault;
  pollMs?: number;
  /** Where log lines are echoed (stderr by default); they are redacted and kept in desk.log first. */
  log?: (line: string) => void;
  /** The State Council holiday schedules (resources/calendar); found beside the code when not given. */
  calendarDir?: string;
  /** TEST ONLY: caps the growth of the database files so tests can fill the "disk" (see SimulatedDisk). */
  simulatedDisk?: SimulatedDisk;
  /** How long the platform client waits for an answer before retrying (15 s by default); chaos tests shorten it. */
  platformTimeoutMs?: number;
}

export interface DeskCore {
  dispatch(channel: string, input: unknown): Promise<InvokeResult>;
  on(listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void;
  close(): Promise<void>;
}

/**
 * The engine behind every window: wires vault, session, cache, sync and outbox, and answers
 * invocations through one admission check and one handler table.
 */
export async function createDeskCore(options: DeskCoreOptions): Promise<DeskCore> {
  const events = new CoreEvents();
  const log = createCoreLog(options.dataDir, options.log ?? ((line: string) => console.error(line)));
  const session = new SessionManager({
    dataDir: options.dataDir,
    defaultPlatformUrl: options.defaultPlatformUrl,
    demoAccounts: options.demoAccounts ?? null,
    vault: options.vault ?? keychainVault(),
    events,
    pollMs: options.pollMs ?? 5_000,
    log,
    simulatedDisk: options.simulatedDisk,
    platformTimeoutMs: options.platformTimeoutMs,
  });
  if (options.simulatedDisk) log('core: WARNING: simulated disk limits are active (a test option; never set in production)');
  const fetchers = new Map<string, ReturnType<typeof createMediaFetcher>>();
  const handlers: HandlerTable = createHandlers({
    session,
    calendar: loadWorkingCalendar(options.calendarDir ?? defaultCalendarDir(), log),
    dataDir: options.dataDir,
    log,
    fetchImage: (platformUrl, path) => {
      if (!fetchers.has(platformUrl)) fetchers.set(platformUrl, createMediaFetcher(platformUrl));
      return fetchers.get(platformUrl)!(path);
    },
  });
  await session.resume().catch((error: unknown) => log(`core: could not resume the last session: ${(error as Error).message}`));

  return {
    async dispatch(channelName, rawInput) {
      // The lock is the core's own state, so it holds for the bridge too, which has no main router.
      if (session.status().locked && !allowedWhileLocked(channelName)) {
        return { ok: false, error: { code: 'console_locked', message: 'the console is locked; unlock it with your password' } };
      }
      const admission = admit(channelName, rawInput, session.status());
      if (!admission.ok) return { ok: false, error: admission.error };
      const workspace = session.status().state === 'signed_in' ? session.workspace() : null;
      if (workspace?.health.current() === 'cache_unreadable' && needsReadableCache(admission.channel)) {
        return { ok: false, error: { code: 'cache_unreadable', message: 'the local cache is damaged; rebuild it from the platform (cache:rebuild)' } };
      }
      try {
        const handler = handlers[admission.channel] as (input: unknown) => unknown;
        const output = await handler(admission.input);
        // Our own answers are checked too: a handler that drifts from the contract is a bug to see.
        return { ok: true, output: ipcChannels[admission.channel].output.parse(output) };
      } catch (error) {
        // A full disk or a damaged file is named as such (and shown in the sync status), never 'internal'.
        const deskError = asDeskError(workspace?.noticeStorageFailure(error) ?? error);
        if (deskError.code === 'internal') log(`core: ${channelName} failed: ${(error as Error).stack ?? String(error)}`);
        return { ok: false, error: deskError };
      }
    },
    on: (listener) => events.on(listener),
    close: () => session.close(),
  };
}
