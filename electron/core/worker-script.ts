import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the core's worker threads. From source (tests, the bench, the sandbox CLI) its
 * TypeScript is loaded through tsx; built, it is an entry of its own beside the core's bundle
 * (electron.vite.config.ts), which the bundler may have put one folder down (chunks/).
 * `from` is the calling module's import.meta.url; `source` its script, relative to it.
 */
export function startWorkerScript(from: string, script: { source: string; built: string }, workerData: unknown): Worker {
  if (from.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL(script.source, from).href;
    const source = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(source, { eval: true, workerData });
  }
  const built = [`./${script.built}`, `../${script.built}`].map((path) => new URL(path, from)).find((url) => existsSync(fileURLToPath(url)));
  if (!built) throw new Error(`${script.built} is not beside the core`);
  return new Worker(built, { workerData });
}
