import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Only the two index.ts files may import 'electron' at runtime: everything else takes Electron
 * objects as parameters or imports types, so it is tested in plain Node (where
 * require('electron') is just a path) and cannot grow a hidden dependency on the runtime.
 */
const here = new URL('.', import.meta.url).pathname;
const folders = { main: here, preload: join(here, '../preload') };
const runtimeElectronImport = /^\s*import\s+(?!type\b)[^;]*from\s*['"]electron(\/[^'"]*)?['"]|\brequire\(\s*['"]electron['"]\s*\)|\bimport\(\s*['"]electron['"]\s*\)/m;

const sources = (dir: string) => readdirSync(dir).filter((f) => /\.(ts|mts|cts)$/.test(f) && !f.endsWith('.test.ts'));

describe('runtime imports of electron', () => {
  for (const [name, dir] of Object.entries(folders)) {
    it(`happen only in ${name}/index.ts`, () => {
      const importing = sources(dir).filter((f) => runtimeElectronImport.test(readFileSync(join(dir, f), 'utf8')));
      expect(importing).toEqual(['index.ts']);
    });
  }

  it('the preload takes nothing from Node, the core or the sandbox', () => {
    for (const file of sources(folders.preload)) {
      const source = readFileSync(join(folders.preload, file), 'utf8');
      expect(source, file).not.toMatch(/from\s*['"](node:|fs|path|child_process)/);
      expect(source, file).not.toMatch(/from\s*['"][./]*\/(core|sandbox|bridge|main)\//);
    }
  });
});
