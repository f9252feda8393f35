import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, violations } from './import-rules';

const root = new URL('../..', import.meta.url).pathname;
const skipped = new Set(['node_modules', 'out', 'dist', '.git']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('import rules of ARCHITECTURE.md', () => {
  it('hold for every source file', () => {
    const files = ['electron', 'renderer', 'shared'].flatMap((d) => {
      try {
        return sourceFiles(join(root, d));
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(20);
    const broken = files.flatMap((f) => violations(relative(root, f), readFileSync(f, 'utf8')));
    expect(broken).toEqual([]);
  });

  it('catch the mistakes they exist for', () => {
    expect(violations('shared/platform/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(violations('shared/x.ts', "import path from 'path';")).toHaveLength(1);
    expect(violations('shared/x.ts', "import React from 'react';")).toHaveLength(1);
    expect(violations('shared/x.ts', "import { db } from '../electron/core/cache';")).toHaveLength(1);
    expect(violations('shared/x.ts', 'const w = window.innerWidth;')).toHaveLength(1);
    expect(violations('electron/core/vault.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(violations('electron/core/sync.ts', "import { startSandbox } from '../sandbox/server';")).toHaveLength(1);
    expect(violations('electron/sandbox/x.ts', "import { outbox } from '../core/outbox';")).toHaveLength(1);
    expect(violations('electron/preload/index.ts', "import { join } from 'node:path';")).toHaveLength(1);
    expect(violations('electron/preload/index.ts', "import { contextBridge } from 'electron';")).toEqual([]);
    expect(violations('renderer/app.tsx', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(violations('renderer/app.tsx', "const fs = require('fs');")).toHaveLength(1);
    expect(violations('renderer/app.tsx', "import type { Listing } from '../shared/platform/entities';")).toEqual([]);
    expect(violations('electron/bridge/x.ts', "import { startSandbox } from '../sandbox/server';")).toEqual([]);
    expect(violations('electron/bridge/x.ts', "import { handlers } from '../sandbox/http/handlers';")).toHaveLength(1);
    expect(violations('electron/main/x.ts', "import { App } from '../../renderer/app';")).toHaveLength(1);
    expect(violations('electron/main/x.ts', "import { createDeskCore } from '../core/desk-core';")).toHaveLength(1);
    expect(violations('electron/main/x.ts', "import type { DeskCore } from '../core/desk-core';")).toEqual([]);
  });

  it('read every import form', () => {
    const source = `import a from 'a';\nimport 'b';\nexport { c } from "c";\nconst d = await import('d');\nconst e = require('e');\nimport type { F } from 'f';`;
    expect(importsOf(source)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
