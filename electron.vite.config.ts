import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const at = (path: string) => resolve(root, path);

/**
 * Three builds: the main process (with the core and the sandbox as extra entries, each started
 * as a utility process), the preload (one CommonJS file, as a sandboxed preload must be), and
 * the renderer (served from app://desk, so relative asset URLs).
 */
export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // Dependencies (better-sqlite3, keytar, axios, zod, ws…) stay in node_modules.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: at('electron/main/index.ts'),
          core: at('electron/core/process.ts'),
          // The feed writer's and the feed reader's worker threads, started by the core
          // (worker-feed-writer.ts, feed-reader.ts).
          'cache-writer': at('electron/core/sync/feed-writer-worker.ts'),
          'feed-reader': at('electron/core/sync/feed-reader-worker.ts'),
          sandbox: at('electron/sandbox/cli.ts'),
        },
        output: {
          // ESM, like package.json's "type": "module": out/main/index.js, core.js, sandbox.js.
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          codeSplitting: {
            groups: [
              // The sandbox's seed generator gets a chunk of its own (chunks/seed-*.js), which
              // electron-builder leaves out of the package.
              { name: 'seed', test: /[\\/]electron[\\/]sandbox[\\/]seed[\\/]/ },
            ],
          },
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      // A sandboxed preload cannot require() anything but 'electron': bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('electron/preload/index.ts') },
        external: ['electron'],
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: at('renderer/index.html'),
      },
    },
  },
});
