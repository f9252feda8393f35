import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
export const E2E_PASSWORD = 'e2e-pass-2026';

export interface Started {
  child: ChildProcess;
  lines: string[];
  stop(): Promise<void>;
}

/** Starts one of our Node programs and resolves once it prints every line matching `ready`. */
function startProgram(script: string, args: string[], ready: RegExp[]): Promise<Started & { matches: RegExpExecArray[] }> {
  const child = spawn(tsx, [join(root, script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const matches: RegExpExecArray[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = ready[matches.length]?.exec(line);
      if (match) matches.push(match);
      if (matches.length === ready.length) resolve({ child, lines, stop, matches });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited ${code} before it was ready:\n${stderr}`)));
  });
}

export function temporaryDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A sandbox platform of its own process, so a test can stop and restart it. */
export async function startPlatform(dataDir: string, port = 0, listings = 200) {
  const started = await startProgram(
    'electron/sandbox/cli.ts',
    ['--port', String(port), '--data', dataDir, '--listings', String(listings), '--staff-password', E2E_PASSWORD, '--seed', '11', '--anchor', '2026-11-20'],
    [/^sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/],
  );
  return { ...started, url: started.matches[0]![1]!, port: Number(started.matches[0]![2]) };
}

/** The console in a browser: the bridge with its core, against `platformUrl` or its own sandbox. */
export async function startDesk(dataDir: string, options: { platformUrl?: string; listings?: number } = {}) {
  const args = ['--data', dataDir, '--poll-ms', '300', '--staff-password', E2E_PASSWORD, '--listings', String(options.listings ?? 200)];
  if (options.platformUrl) args.push('--platform', options.platformUrl);
  const started = await startProgram('electron/bridge/cli.ts', args, [/^platform at (\S+)$/, /^desk web at (\S+)$/]);
  return { ...started, platformUrl: started.matches[0]![1]!, url: started.matches[1]![1]! };
}
