import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { coreExecArgv } from '../../electron/main/core-process';
import type { SyncReport, SyncRequest } from './sync-child';
import { bundleFeedWriterInto } from '../fixtures/feed-writer-bundle';

const entry = new URL('./sync-child.ts', import.meta.url).pathname;
// Inside node_modules so the bundle finds better-sqlite3, and resources/ where the core expects them.
const bundleDir = new URL('../../node_modules/.cache/xuntong-bench/', import.meta.url).pathname;

let bundled: Promise<string> | null = null;

/** The child bundled once per run, as the app bundles the core: forking tsx costs seconds of compiling. */
function childBundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(bundleDir, { recursive: true });
    const { outputFiles } = await build({
      entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error',
    });
    const code = outputFiles[0]!.contents;
    await bundleFeedWriterInto(bundleDir);
    // Named by content: runs of the same sources share one file instead of leaving one each.
    const outfile = join(bundleDir, `sync-child-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(outfile)) writeFileSync(outfile, code);
    return outfile;
  })();
  return bundled;
}

/** A core process that syncs one account on request and reports what it measured. */
export interface SyncProcess {
  sync(request: Omit<SyncRequest, 'type'>): Promise<SyncReport>;
  close(): Promise<void>;
}

export async function forkSyncProcess(): Promise<SyncProcess> {
  const child: ChildProcess = fork(await childBundle(), [], {
    // The app's flags for the core; BENCH_CORE_FLAGS="--flag …" adds Node or V8 flags, for
    // trying one out; BENCH_CPU_PROF=DIR profiles the core's process, for finding what limits a row.
    execArgv: [
      ...coreExecArgv,
      ...(process.env.BENCH_CORE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void exited.then(() => reject(new Error('the sync process exited before it was ready')));
  });
  return {
    sync: (request) =>
      new Promise<SyncReport>((resolve, reject) => {
        child.once('message', (raw) => {
          const message = raw as SyncReport | { type: 'failed'; message: string };
          if (message.type === 'synced') resolve(message);
          else reject(new Error(`the sync failed: ${message.message}`));
        });
        void exited.then(() => reject(new Error('the sync process exited during a sync')));
        child.send({ type: 'sync', ...request });
      }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
