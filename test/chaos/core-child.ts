import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { coreExecArgv } from '../../electron/main/core-process';
import type { ChannelName, ChannelOutput, EventName, EventPayload, InvokeResult } from '../../shared/ipc/contract';
import { bundleFeedWriterInto } from '../fixtures/feed-writer-bundle';

const entry = new URL('../../electron/core/process.ts', import.meta.url).pathname;
// Inside node_modules so the bundle finds better-sqlite3 and keytar, and resources/ three folders up.
const bundleDir = new URL('../../node_modules/.cache/xuntong-chaos/', import.meta.url).pathname;

let bundled: Promise<string> | null = null;

/**
 * The core as one ES module, the way the app ships it (out/main/core.js, dependencies left in
 * node_modules). Forking tsx instead costs ~4 s of compiling per start on a 2-core machine,
 * which a row that restarts the core twenty times cannot afford. Built once per test process,
 * named by its content so concurrent test processes share one file instead of racing on it.
 */
function coreBundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(bundleDir, { recursive: true });
    const { outputFiles } = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error',
    });
    const code = outputFiles[0]!.contents;
    await bundleFeedWriterInto(bundleDir);
    const outfile = join(bundleDir, `core-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(outfile)) {
      const partial = `${outfile}.${process.pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, outfile);
    }
    // Bundles of older sources: a core already started has loaded its module, so removing them is safe.
    for (const name of readdirSync(bundleDir)) {
      const file = join(bundleDir, name);
      if (file !== outfile && name.startsWith('core-') && Date.now() - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true });
    }
    return outfile;
  })();
  return bundled;
}

type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface CoreChild {
  readonly pid: number;
  invoke(channel: ChannelName | string, input?: unknown): Promise<InvokeResult>;
  /** The channel's output, or a thrown error naming the channel and the core's error. */
  output<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  /** Every event the core pushes from now on; returns the unsubscribe. */
  onEvent(listener: Listener): () => void;
  /** A real SIGKILL: no handler runs, nothing is flushed; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the way a host ends a core politely; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** The core's recent stderr, for failure messages. */
  stderrTail(): string;
}

export interface CoreChildOptions {
  dataDir: string;
  platformUrl: string;
  readyTimeoutMs?: number;
  /**
   * Hears events from the first one on: a resumed core starts syncing before it says ready,
   * so a listener added after start would miss the run's first progress.
   */
  onEvent?: Listener;
}

/**
 * The core as the app runs it, a process of its own, forked from its bundle and driven by the host's
 * messages. Chaos rows need a separate process so that a kill is a real kill: SQLite files,
 * sockets and the keychain see exactly what they would see when the OS ends the app.
 */
export async function forkCore(options: CoreChildOptions): Promise<CoreChild> {
  const child: ChildProcess = fork(await coreBundle(), ['--data', options.dataDir, '--platform', options.platformUrl], {
    // No demo accounts: the tests sign in with the platform's own passwords, as staff would.
    env: { ...process.env, XUNTONG_DEMO_ACCOUNTS: '' },
    execArgv: [...coreExecArgv],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const pending = new Map<number, (result: InvokeResult) => void>();
  const listeners = new Set<Listener>(options.onEvent ? [options.onEvent] : []);
  let nextId = 1;
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  child.on('message', (raw) => {
    const message = raw as { type: string; id?: number; result?: InvokeResult; name?: EventName; payload?: unknown };
    if (message.type === 'ready') readyResolve();
    if (message.type === 'result' && message.id !== undefined) {
      pending.get(message.id)?.(message.result!);
      pending.delete(message.id);
    }
    if (message.type === 'event') for (const listener of listeners) listener(message.name!, message.payload as never);
  });
  // A core that dies answers nothing more: fail its open invocations instead of hanging the test.
  void exited.then(() => {
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: 'the core process exited' } } as InvokeResult);
    pending.clear();
  });

  const timeoutMs = options.readyTimeoutMs ?? 30_000;
  const started = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref()),
  ]);
  if (started !== 'ready') {
    child.kill('SIGKILL');
    throw new Error(`the core did not start (${started}): ${stderr}`);
  }

  const invoke = (channel: string, input: unknown = {}) =>
    new Promise<InvokeResult>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve({ ok: false, error: { code: 'internal', message: 'the core process exited' } } as InvokeResult);
        return;
      }
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ type: 'invoke', id, channel, input });
    });

  return {
    pid: child.pid!,
    invoke,
    async output(channel, input = {}) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.output as never;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    stderrTail: () => stderr,
  };
}

/**
 * Signed in, whether by resuming the last session from the keychain (as a restarted app does)
 * or, when that is not possible, with the password. Says which, so a row can count them.
 */
export async function ensureSignedIn(core: CoreChild, username: string, password: string): Promise<'resumed' | 'password'> {
  const status = await core.output('session:status');
  if (status.state === 'signed_in' && status.staff?.username === username) return 'resumed';
  await core.output('session:signIn', { username, password });
  return 'password';
}
