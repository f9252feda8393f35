import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { queueKinds } from '../../shared/ipc/moderation-views';
import { parseQueueQuery, queueRows as readQueue } from '../../electron/core/cache/moderation-queue';
import { CoreEvents } from '../../electron/core/core-events';
import { createPlatformClient } from '../../electron/core/platform/client';
import { AccountWorkspace } from '../../electron/core/session/account-workspace';
import { SessionTokens } from '../../electron/core/session/session-tokens';
import type { CredentialVault } from '../../electron/core/vault/credential-vault';
import { logStalls } from './stall-log';

/**
 * The core's sync in a process of its own, as the app runs it: the real AccountWorkspace (cache,
 * replica, sync engine, the after-sync price flags and queue snapshot) with an in-memory vault
 * instead of the OS keychain. Its own process so that the event-loop delay and the RSS measured
 * are the core's, not the benchmark runner's or the sandbox's.
 */
export interface SyncRequest { type: 'sync'; folder?: string; platformUrl?: string; username?: string; password?: string }
export interface SyncReport {
  type: 'synced';
  /** Until the sync showed as synced: the changes are in the cache and the status bar says so. */
  seconds: number;
  /** Until the run ended, the upkeep it starts included (text-index merges, price flags, queue snapshot). */
  runSeconds: number;
  changes: number;
  /** The event loop's delay at 1 ms resolution: each value is a stall to within a millisecond. */
  loopMaxMs: number;
  loopP99Ms: number;
  /**
   * The same at the 10 ms default, as the earlier runs read it: Node records the timer's whole
   * interval (10.1 ms in an idle process), so each value is a stall plus up to 10 ms.
   */
  coarseLoopMaxMs: number;
  rssMb: number;
  /** Of the RSS, what the kernel counts as anonymous memory (malloc, V8, SQLite's caches) and as mapped files (code); null without /proc. */
  rssAnonMb: number | null;
  rssFileMb: number | null;
  heapUsedMb: number;
  queueRows: number;
  /** CPU time of the whole process over the run, its worker threads included: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Bytes the process wrote to storage over the run (/proc/self/io write_bytes; the cache, its log and checkpoints). */
  writtenMb: number;
}

/** A `kB` field of /proc/self/status, in MB; null where /proc is not there. */
function statusMb(field: string): number | null {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** What the kernel counted this process writing to storage; 0 where /proc is not there. */
function bytesWritten(): number {
  try {
    return Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

if (process.env.BENCH_STALL_LOG) logStalls(process.env.BENCH_STALL_LOG);

let workspace: AccountWorkspace | null = null;
const events = new CoreEvents();

async function open(request: Required<Omit<SyncRequest, 'type'>>): Promise<AccountWorkspace> {
  const login = await createPlatformClient({ baseUrl: request.platformUrl }).call('login', {
    body: { username: request.username, password: request.password },
  });
  let refreshToken = login.refreshToken;
  const vault: CredentialVault = {
    save: async (_account, token) => void (refreshToken = token),
    read: async () => refreshToken,
    remove: async () => true,
  };
  const tokens = new SessionTokens(vault, { platformUrl: request.platformUrl, username: request.username });
  tokens.set(login.accessToken);
  // A poll interval longer than any run: each sync here is one the benchmark asked for.
  return new AccountWorkspace(request.folder, request.platformUrl, tokens, events, { pollMs: 3_600_000, log: (line) => process.stderr.write(`core: ${line}\n`) });
}

async function sync(request: SyncRequest): Promise<SyncReport> {
  if (!workspace) workspace = await open(request as Required<Omit<SyncRequest, 'type'>>);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const coarseLoop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  coarseLoop.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const writtenBefore = bytesWritten();
  let syncedAt: number | null = null;
  const stopListening = events.on((name, payload) => {
    if (name === 'sync:progress' && (payload as { phase: string }).phase === 'idle') syncedAt ??= performance.now();
  });
  let changes = 0;
  const finished = new Promise<void>((resolve) => {
    // syncNow resolves when the run ends, after the after-sync work the workspace hangs on cacheChanged.
    void workspace!.sync.syncNow().then(resolve);
  });
  await finished;
  stopListening();
  const ended = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const writtenMb = (bytesWritten() - writtenBefore) / 2 ** 20;
  changes = workspace.sync.current().done;
  loop.disable();
  coarseLoop.disable();
  // The reading a moderator does next: the first page of each queue, from the cache.
  let queueRows = 0;
  const db = workspace.replica.db;
  for (const queue of queueKinds) {
    queueRows += readQueue(db, parseQueueQuery({ queue }), { now: new Date(), staffId: '', undecided: [] }).length;
  }
  const memory = process.memoryUsage();
  // BENCH_SMAPS=FILE: the process's mappings as the RSS was read, for finding what holds it (Linux).
  if (process.env.BENCH_SMAPS) writeFileSync(process.env.BENCH_SMAPS, readFileSync('/proc/self/smaps'));
  return {
    type: 'synced',
    seconds: ((syncedAt ?? ended) - started) / 1000,
    runSeconds: (ended - started) / 1000,
    changes,
    loopMaxMs: loop.max / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    coarseLoopMaxMs: coarseLoop.max / 1e6,
    rssMb: memory.rss / 2 ** 20,
    rssAnonMb: statusMb('RssAnon'),
    rssFileMb: statusMb('RssFile'),
    heapUsedMb: memory.heapUsed / 2 ** 20,
    queueRows,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    writtenMb,
  };
}

process.on('message', (message: SyncRequest) => {
  if (message.type !== 'sync') return;
  sync(message).then(
    (report) => process.send!(report),
    (error: unknown) => process.send!({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.send!({ type: 'ready' });
// A polite end, so --cpu-prof gets to write its profile.
process.on('SIGTERM', () => {
  workspace?.close({ wipeCache: false, dropOutbox: false });
  process.exit(0);
});
