import type { ForkOptions, UtilityProcess } from 'electron';
import { z } from 'zod';
import { eventNames, InvokeResult, type ChannelName, type EventName } from '../../shared/ipc/contract';
import type { DemoAccount } from '../../shared/ipc/views';

/**
 * The core (vault, cache, sync, outbox, handlers) runs in an Electron utility process, off the
 * main thread. This file speaks its protocol over an abstract port, so it is tested without
 * Electron: main → core `{type:'invoke', id, channel, input}`; core → main
 * `{type:'result', id, result}`, `{type:'event', name, payload}`, once `{type:'ready'}`.
 */
export interface CorePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type CoreEventListener = (name: EventName, payload: unknown) => void;

const CoreMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);

const failure = (message: string): InvokeResult => ({ ok: false, error: { code: 'internal', message } });
const isEventName = (name: string): name is EventName => (eventNames as string[]).includes(name);

export const defaultInvokeTimeoutMs = 60_000;

interface Pending {
  resolve: (result: InvokeResult) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** One running core: correlates invocation ids with results and passes events on. */
export class CoreConnection {
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<CoreEventListener>();
  private readonly exitListeners = new Set<(code: number) => void>();
  private ended = false;

  constructor(
    private readonly port: CorePort,
    private readonly options: { timeoutMs?: number; log?: (line: string) => void } = {},
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    port.on('message', (message) => this.receive(message));
    port.on('exit', (code) => this.exited(code));
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Always resolves: a result from the core, or an 'internal' failure (timeout, exit). */
  invoke(channel: ChannelName, input: unknown): Promise<InvokeResult> {
    if (this.ended) return Promise.resolve(failure('the console core is not running'));
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? defaultInvokeTimeoutMs;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, failure(`the console core did not answer ${channel} in time`)), timeoutMs);
      this.pending.set(id, { resolve, timer });
      // Messages sent before the core listens could be lost, so calls wait for its 'ready'.
      void this.ready.then(() => {
        if (this.pending.has(id) && !this.ended) this.port.postMessage({ type: 'invoke', id, channel, input });
      });
    });
  }

  onEvent(listener: CoreEventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onExit(listener: (code: number) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Ends the process on purpose; calls still waiting fail. */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.failPending('the console core was stopped');
    this.port.kill();
  }

  private receive(raw: unknown): void {
    const message = CoreMessage.safeParse(raw);
    if (!message.success) {
      this.options.log?.('main: ignored a malformed message from the core');
      return;
    }
    const m = message.data;
    if (m.type === 'ready') this.markReady();
    else if (m.type === 'result') {
      const result = InvokeResult.safeParse(m.result);
      this.settle(m.id, result.success ? result.data : failure('the console core answered with something unreadable'));
    } else if (isEventName(m.name)) {
      for (const listener of this.eventListeners) listener(m.name, m.payload);
    }
  }

  private settle(id: number, result: InvokeResult): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(result);
  }

  private failPending(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, failure(message));
  }

  private exited(code: number): void {
    const expected = this.ended;
    this.ended = true;
    this.failPending('the console core stopped unexpectedly; please retry');
    if (!expected) for (const listener of this.exitListeners) listener(code);
  }
}

export interface CoreSupervisorOptions {
  spawn: () => CorePort;
  onEvent: CoreEventListener;
  /** Each time a core (the first, or its replacement) says it is ready. */
  onReady?: () => void;
  /** An unexpected exit; `restarting` says whether a replacement is being started. */
  onExit?: (code: number, restarting: boolean) => void;
  maxRestarts?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Keeps a core running: a core that dies unexpectedly is started again once (its waiting
 * calls fail with 'internal'); after that the console reports the core as stopped rather than
 * crash-looping a process that holds the keychain and the database.
 */
export class CoreSupervisor {
  private connection: CoreConnection | null = null;
  private restarts = 0;
  private stopped = false;

  constructor(private readonly options: CoreSupervisorOptions) {}

  get running(): boolean {
    return this.connection !== null && !this.connection.isEnded;
  }

  start(): void {
    if (this.connection || this.stopped) return;
    this.launch();
  }

  invoke(channel: ChannelName, input: unknown): Promise<InvokeResult> {
    if (!this.connection) return Promise.resolve(failure('the console core is not running; restart 讯通工作台'));
    return this.connection.invoke(channel, input);
  }

  stop(): void {
    this.stopped = true;
    this.connection?.close();
    this.connection = null;
  }

  private launch(): void {
    const connection = new CoreConnection(this.options.spawn(), { timeoutMs: this.options.timeoutMs, log: this.options.log });
    this.connection = connection;
    connection.onEvent(this.options.onEvent);
    void connection.ready.then(() => {
      if (this.connection === connection) this.options.onReady?.();
    });
    connection.onExit((code) => {
      if (this.connection !== connection || this.stopped) return;
      const restarting = this.restarts < (this.options.maxRestarts ?? 1);
      this.options.log?.(`main: the core exited with code ${code}${restarting ? '; starting it again' : ''}`);
      this.connection = null;
      this.options.onExit?.(code, restarting);
      if (restarting) {
        this.restarts += 1;
        this.launch();
      }
    });
  }
}

export interface CoreLaunch {
  dataDir: string;
  platformUrl: string;
  /** The embedded demo platform's accounts; null for a real platform. */
  demoAccounts: DemoAccount[] | null;
}

/** The core's command line, as electron/core/process.ts parses it. */
export function coreArgs({ dataDir, platformUrl }: CoreLaunch): string[] {
  return ['--data', dataDir, '--platform', platformUrl];
}

/**
 * Demo passwords travel in the core's environment, not its command line: any local user can
 * read a command line with `ps`, while a process's environment is its owner's alone.
 */
export function coreEnv({ demoAccounts }: CoreLaunch, base: NodeJS.ProcessEnv): Record<string, string> {
  const env = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  delete env.XUNTONG_DEMO_ACCOUNTS;
  if (demoAccounts) env.XUNTONG_DEMO_ACCOUNTS = JSON.stringify(demoAccounts);
  return env;
}

/**
 * Node's flags for the core. One V8 helper thread instead of four: the helpers collect garbage
 * for all the core's isolates (its event loop and the feed's reader, writer and side
 * connection), and during a first sync four at once took the CPU the event loop was waiting
 * for: on two cores it stalled 54–58 ms at a time with four, 29–47 ms with one (1M sync,
 * test/bench/RESULTS.md).
 *
 * Semi-spaces of at most 4 MB instead of 16: each isolate's young generation grew to its most
 * over a first sync and stayed there, resident, once the sync went quiet — four isolates' worth.
 * At 4 MB the core held 347 MB after a 1M sync where it held 373–415 MB, and the collections of
 * its event loop's young objects are shorter (the loop's longest stall 24 ms in that run).
 * The bench and the chaos rows fork the core with the same flags.
 */
export const coreExecArgv: readonly string[] = ['--v8-pool-size=1', '--max-semi-space-size=4'];

export type UtilityProcessFork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/** Starts the core with Electron's `utilityProcess.fork` (handed in, so this file stays testable). */
export function forkCore(fork: UtilityProcessFork, modulePath: string, launch: CoreLaunch): CorePort {
  return fork(modulePath, coreArgs(launch), { serviceName: 'Xuntong Desk core', stdio: 'inherit', env: coreEnv(launch, process.env), execArgv: [...coreExecArgv] });
}
