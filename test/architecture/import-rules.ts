import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * ARCHITECTURE.md's import rules as data: which runtime folder may not reach which. A folder
 * is named by its path from the repository root; the longest matching prefix owns a file.
 */
export interface FolderRule {
  folder: string;
  /** Folders of ours this one must never import from. */
  forbiddenFolders: string[];
  /** Packages it must never import ('node:' stands for every Node built-in). */
  forbiddenPackages: string[];
  /** When set, the only packages it may import. */
  allowedPackages?: string[];
  /** Folders it may import types from but no running code (it must not load them). */
  typesOnlyFrom?: string[];
  /** Source patterns that betray a forbidden global. */
  forbiddenGlobals?: RegExp[];
}

const ours = ['electron/main', 'electron/preload', 'electron/core', 'electron/sandbox', 'electron/bridge', 'renderer', 'shared', 'resources', 'test'];
const except = (...allowed: string[]) => ours.filter((f) => !allowed.includes(f));

export const folderRules: FolderRule[] = [
  { folder: 'shared', forbiddenFolders: except('shared'), forbiddenPackages: ['node:', 'electron'], allowedPackages: ['zod'], forbiddenGlobals: [/\bwindow\./, /\bdocument\./, /\blocalStorage\b/] },
  // The core runs in its own process; the main process knows its types, never loads its code.
  { folder: 'electron/main', forbiddenFolders: ['renderer', 'electron/bridge', 'test'], forbiddenPackages: [], typesOnlyFrom: ['electron/core', 'electron/sandbox'] },
  { folder: 'electron/preload', forbiddenFolders: except('electron/preload', 'shared'), forbiddenPackages: ['node:'], allowedPackages: ['electron', 'zod'] },
  { folder: 'electron/core', forbiddenFolders: ['electron/main', 'electron/preload', 'electron/sandbox', 'electron/bridge', 'renderer', 'test'], forbiddenPackages: ['electron'] },
  { folder: 'electron/sandbox', forbiddenFolders: ['electron/main', 'electron/preload', 'electron/core', 'electron/bridge', 'renderer', 'test'], forbiddenPackages: ['electron'] },
  // The bridge may start a sandbox through its public entry, never reach into its internals.
  { folder: 'electron/bridge', forbiddenFolders: ['electron/main', 'electron/preload', 'renderer', 'test', 'electron/sandbox/'], forbiddenPackages: ['electron'] },
  { folder: 'renderer', forbiddenFolders: except('renderer', 'shared', 'resources'), forbiddenPackages: ['node:', 'electron'] },
];

/** Files a bridge may import from the sandbox: its entry points only. */
const sandboxEntryPoints = ['electron/sandbox/server.ts'];

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

const TYPE_IMPORT = /(?:^|\n)\s*(?:import|export)\s+type\s[^'"]*?from\s*['"]([^'"]+)['"]/g;

/** Specifiers that are only ever imported for their types (erased at build time). */
export function typeOnlyImportsOf(source: string): Set<string> {
  const typeOnly = [...source.matchAll(TYPE_IMPORT)].map((m) => m[1]!);
  const all = importsOf(source);
  return new Set(typeOnly.filter((spec) => all.filter((s) => s === spec).length === typeOnly.filter((s) => s === spec).length));
}

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!).filter(Boolean);
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('test/');
const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

export function ruleFor(file: string): FolderRule | undefined {
  return folderRules.filter((r) => file.startsWith(`${r.folder}/`)).sort((a, b) => b.folder.length - a.folder.length)[0];
}

/** Every rule a file breaks, as readable sentences. `file` is relative to the repository root. */
export function violations(file: string, source: string): string[] {
  const rule = ruleFor(file);
  if (!rule) return [];
  const found: string[] = [];
  const typeOnly = typeOnlyImportsOf(source);
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = normalize(join(dirname(file), spec));
      if (target.startsWith('..')) found.push(`${file} imports ${spec}, outside the repository`);
      const breaks = rule.forbiddenFolders.find((f) => (f.endsWith('/') ? target.startsWith(f) : target === f || target.startsWith(`${f}/`)));
      const allowedEntry = sandboxEntryPoints.some((e) => `${target}.ts` === e || target === e);
      // Tests may use fixtures and read the data files (keyword lists, calendars) that callers inject.
      const testSupport = isTestFile(file) && (target.startsWith('test/') || target.startsWith('resources/'));
      if (breaks && !(allowedEntry && rule.folder === 'electron/bridge') && !testSupport) {
        found.push(`${file} (${rule.folder}) imports ${relative('.', target)} from ${breaks.replace(/\/$/, '')}`);
      }
      const loads = rule.typesOnlyFrom?.find((f) => target === f || target.startsWith(`${f}/`));
      if (loads && !typeOnly.has(spec)) found.push(`${file} (${rule.folder}) loads code from ${loads}; only its types may be imported`);
      continue;
    }
    const name = packageName(spec);
    if (builtins.has(spec) || builtins.has(name)) {
      if (rule.forbiddenPackages.includes('node:')) found.push(`${file} (${rule.folder}) imports the Node built-in ${spec}`);
      continue;
    }
    if (rule.forbiddenPackages.includes(name)) found.push(`${file} (${rule.folder}) imports ${name}`);
    else if (rule.allowedPackages && !rule.allowedPackages.includes(name) && !(isTestFile(file) && name === 'vitest')) {
      found.push(`${file} (${rule.folder}) imports ${name}, not among ${rule.allowedPackages.join(', ')}`);
    }
  }
  for (const pattern of rule.forbiddenGlobals ?? []) {
    if (pattern.test(source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) found.push(`${file} (${rule.folder}) uses the global ${pattern.source}`);
  }
  return found;
}
