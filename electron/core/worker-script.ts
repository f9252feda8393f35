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

/**
 * What to put in postMessage's transfer list for `bytes`: its ArrayBuffer moves to the other
 * thread instead of being copied (and reads as empty here after). Copying a feed page's bytes
 * to the reader and its records to the writer, a few hundred kilobytes each way, thousands of
 * times in a first sync, also left the core's heap garbage to collect. A view into a larger or
 * shared buffer (Node's pool of small Buffers) is not moved: the rest of that buffer is not ours.
 */
export function transferOf(bytes: unknown): ArrayBuffer[] {
  if (!(bytes instanceof Uint8Array) || !(bytes.buffer instanceof ArrayBuffer)) return [];
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}
