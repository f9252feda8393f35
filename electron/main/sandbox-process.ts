import type { ForkOptions } from 'electron';
import { Role } from '../../shared/platform/roles';
import type { DemoAccount } from '../../shared/ipc/views';

/**
 * With no platform configured, the console starts the sandbox platform as its embedded demo
 * default, in a utility process of its own, and reads its stdout: one
 * `staff <role> <username> <password>` line per demo account, then `sandbox listening on <url>`.
 */
export interface SandboxOutput {
  url: string;
  accounts: DemoAccount[];
}

const STAFF = /^staff (\S+) (\S+) (\S.*)$/;
const LISTENING = /^sandbox listening on (\S+)$/;

function loopbackHttpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback && url.port !== '' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The URL and demo accounts once the listening line has been printed; null until then. */
export function parseSandboxOutput(lines: readonly string[]): SandboxOutput | null {
  const accounts: DemoAccount[] = [];
  for (const rawLine of lines) {
    const line = rawLine.trim();
    const staff = STAFF.exec(line);
    if (staff) {
      const role = Role.safeParse(staff[1]);
      if (role.success) accounts.push({ role: role.data, username: staff[2]!, password: staff[3]! });
      continue;
    }
    const listening = LISTENING.exec(line);
    if (listening) {
      const url = loopbackHttpUrl(listening[1]!);
      return url ? { url, accounts } : null;
    }
  }
  return null;
}

/** Splits a byte stream into lines, keeping a partial line until its end arrives. */
export class LineSplitter {
  private rest = '';

  push(chunk: string | Uint8Array): string[] {
    this.rest += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = this.rest.split(/\r?\n/);
    this.rest = lines.pop() ?? '';
    return lines;
  }
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `XUNTONG_PLATFORM_URL`, when set, names a real platform; a malformed one is an error, not
 * ignored. The link carries staff tokens and personal data, so it must be https; plain http is
 * accepted only on loopback (a sandbox on this machine), where nothing crosses a network.
 */
export function configuredPlatformUrl(env: Record<string, string | undefined>): string | null {
  const text = env.XUNTONG_PLATFORM_URL?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`XUNTONG_PLATFORM_URL is not a URL: "${text}"`);
  }
  const loopbackHttp = url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) throw new Error(`XUNTONG_PLATFORM_URL must be https (http only on loopback): "${text}"`);
  if (url.username || url.password) throw new Error('XUNTONG_PLATFORM_URL must not carry credentials');
  return text.replace(/\/+$/, '');
}

export function sandboxArgs(dataDir: string, seedDatabase: string): string[] {
  return ['--port', '0', '--data', dataDir, '--seed-database', seedDatabase];
}

export interface SandboxChild {
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type SandboxFork = (modulePath: string, args?: string[], options?: ForkOptions) => SandboxChild;

export interface RunningSandbox extends SandboxOutput {
  stop(): void;
}

export interface SandboxStart {
  fork: SandboxFork;
  modulePath: string;
  dataDir: string;
  /** The ready database an empty data folder starts from. */
  seedDatabase: string;
  /** First start seeds a database; give it time. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Starts the embedded platform and resolves once it serves, or rejects with what it said. */
export function startEmbeddedSandbox({ fork, modulePath, dataDir, seedDatabase, timeoutMs = 180_000, log = () => undefined }: SandboxStart): Promise<RunningSandbox> {
  const child = fork(modulePath, sandboxArgs(dataDir, seedDatabase), { serviceName: 'Xuntong Desk demo platform', stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const stderrTail: string[] = [];
    const out = new LineSplitter();
    const err = new LineSplitter();
    let settled = false;
    let stopped = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      child.kill();
    };
    const timer = setTimeout(() => {
      stop();
      finish(() => reject(new Error(`the embedded demo platform did not start within ${Math.round(timeoutMs / 1000)} s`)));
    }, timeoutMs);

    // Both pipes are drained for the child's whole life, or it would block once one fills.
    child.stdout?.on('data', (chunk: string | Uint8Array) => {
      for (const line of out.push(chunk)) {
        // Demo passwords stay out of the log.
        if (!line.startsWith('staff ')) log(`sandbox: ${line}`);
        if (settled) continue;
        lines.push(line);
        const ready = parseSandboxOutput(lines);
        if (ready) finish(() => resolve({ ...ready, stop }));
      }
    });
    child.stderr?.on('data', (chunk: string | Uint8Array) => {
      for (const line of err.push(chunk)) {
        log(`sandbox: ${line}`);
        stderrTail.push(line);
        if (stderrTail.length > 5) stderrTail.shift();
      }
    });
    child.on('exit', (code) => {
      stopped = true;
      const said = stderrTail.length ? `: ${stderrTail.join(' / ')}` : '';
      finish(() => reject(new Error(`the embedded demo platform stopped (code ${code}) before it served${said}`)));
    });
  });
}
