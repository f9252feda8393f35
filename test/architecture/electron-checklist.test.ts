import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspDirectives } from '../../electron/main/content-security-policy';
import { externalLinkAllowlist } from '../../electron/main/navigation-guard';
import { brokenReason, testReferencesIn } from './test-references';

/**
 * The items of Electron's security checklist that a unit test can see from the sources and
 * the packaging configuration (resources/security/electron-checklist.md maps every item to its
 * test). The behaviour of each hardening module is tested beside it in electron/main; these
 * tests check that index.ts wires them all in and that nothing elsewhere undoes them.
 */
const root = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/**
 * The source without its comments, so a comment explaining why there is no <webview> is not
 * mistaken for one. Naive but safe for these checks: `//` counts only after whitespace or at
 * the start of a line, so the `//` of a URL in a string stays.
 */
const code = (path: string) =>
  read(path)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');

/** Shipped sources of a folder: tests and their fakes are not the app. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/.test(entry.name) && !/\.(test|spec)\./.test(entry.name) ? [path] : [];
  });
}
const appSources = ['electron', 'renderer', 'shared'].flatMap(sources);
const filesMatching = (pattern: RegExp, files = appSources) => files.filter((f) => pattern.test(code(f)));
const mainEntry = code('electron/main/index.ts');

describe('Electron security checklist', () => {
  it('creates windows only from mainWindowOptions', () => {
    const constructions = appSources.flatMap((f) => [...code(f).matchAll(/new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(([^)]*)/g)].map((m) => `${f}: ${m[0]}`));
    expect(constructions).toEqual(['electron/main/index.ts: new BrowserWindow(mainWindowOptions(paths.preload']);
  });

  it('sandboxes every renderer and denies every permission before any window exists', () => {
    // enableSandbox must run before the app is ready: at module level, not inside start().
    const start = mainEntry.indexOf('async function start(');
    expect(mainEntry.indexOf('app.enableSandbox();')).toBeGreaterThan(-1);
    expect(mainEntry.indexOf('app.enableSandbox();')).toBeLessThan(mainEntry.indexOf('app.whenReady()'));
    const body = mainEntry.slice(start);
    expect(body.indexOf('denyAllPermissions(session.defaultSession);')).toBeGreaterThan(-1);
    expect(body.indexOf('denyAllPermissions(session.defaultSession);')).toBeLessThan(body.indexOf('createWindow();'));
    // Only the default session exists, so its permission handler is the only one needed.
    expect(filesMatching(/fromPartition|fromPath|\bpartition\s*:/)).toEqual([]);
  });

  it('guards every webContents the app creates', () => {
    expect(mainEntry).toMatch(/app\.on\('web-contents-created',\s*\(_event, contents\)\s*=>\s*\{[^}]*guardWebContents\(contents,\s*\{\s*isTrusted,/);
  });

  it("calls shell.openExternal only through the navigation guard's allowlist", () => {
    expect(filesMatching(/openExternal/)).toEqual(['electron/main/index.ts', 'electron/main/navigation-guard.ts']);
    const calls = mainEntry.split('\n').filter((line) => line.includes('openExternal'));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^\s*guardWebContents\(contents, \{ isTrusted, openExternal: \(url\) => shell\.openExternal\(url\) \}\);$/);
    // In the guard, the only call sits behind the allowlist check.
    const guard = code('electron/main/navigation-guard.ts');
    expect(guard.match(/openExternal\(url\)/g)).toHaveLength(1);
    expect(guard).toMatch(/if \(isAllowlistedExternal\(url, allowlist\)\) void openExternal\(url\)/);
    for (const entry of externalLinkAllowlist) {
      const url = new URL(entry);
      expect(url.protocol, entry).toBe('https:');
      expect(url.username + url.password, entry).toBe('');
      expect(url.pathname.endsWith('/'), `${entry} must end at a folder, so it cannot match a longer name`).toBe(true);
    }
  });

  it('loads the renderer only from the app protocol, never file:// or remote', () => {
    expect(mainEntry).toMatch(/window\.loadURL\(devOrigin \? `\$\{devOrigin\}\/` : appEntryUrl\)/);
    expect(mainEntry.match(/\.loadURL\(/g)).toHaveLength(1);
    expect(mainEntry).toMatch(/protocol\.registerSchemesAsPrivileged\(appSchemePrivileges\);/);
    expect(mainEntry).toMatch(/protocol\.handle\(appScheme, createAppProtocolHandler\(paths\.renderer\)\);/);
    expect(filesMatching(/\.loadFile\(|file:\/\//, sources('electron/main'))).toEqual([]);
    expect(filesMatching(/registerFileProtocol|interceptFileProtocol|interceptHttpProtocol|registerHttpProtocol/)).toEqual([]);
  });

  it('routes all IPC through the router that checks the sender', () => {
    expect(filesMatching(/ipcMain\.(on|once|handle|handleOnce|addListener)\(/)).toEqual(['electron/main/ipc-router.ts']);
    expect(mainEntry).toMatch(/router\.register\(ipcMain\);/);
    // The preload only invokes and listens: no fire-and-forget or synchronous channels.
    expect(filesMatching(/\b(send|sendSync|sendToHost|postMessage)\(/, sources('electron/preload'))).toEqual([]);
  });

  it('never uses webviews, remote, insecure content, experimental or Blink features, or disabled web security', () => {
    const forbidden: [string, RegExp][] = [
      ['<webview>', /<webview\b/i],
      ['webviewTag on', /webviewTag\s*:\s*true/],
      ['allowpopups', /allowpopups/i],
      ['enableBlinkFeatures', /enableBlinkFeatures|enableblinkfeatures/],
      ['experimentalFeatures on', /experimentalFeatures\s*:\s*true/],
      ['allowRunningInsecureContent on', /allowRunningInsecureContent\s*:\s*true/],
      ['webSecurity off', /webSecurity\s*:\s*false|disablewebsecurity/i],
      ['nodeIntegration on', /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true|nodeintegration/],
      ['contextIsolation off', /contextIsolation\s*:\s*false/],
      ['sandbox off', /\bsandbox\s*:\s*false|no-sandbox|disable-sandbox/],
      ['the remote module', /@electron\/remote|enableRemoteModule|\bremote\.(require|getGlobal|getCurrentWindow)/],
      ['security warnings off', /ELECTRON_DISABLE_SECURITY_WARNINGS/],
      ['certificate errors ignored', /certificate-error|setCertificateVerifyProc|ignore-certificate-errors/],
      ['eval-like code', /\beval\(|new Function\(/],
    ];
    const found = appSources.flatMap((f) => forbidden.filter(([, pattern]) => pattern.test(code(f))).map(([what]) => `${f}: ${what}`));
    expect(found).toEqual([]);
  });

  it('keeps the meta CSP in step with the header policy', () => {
    const meta = read('renderer/index.html').match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const header = cspDirectives(contentSecurityPolicy);
    const page = cspDirectives(meta![1]);
    for (const [name, values] of page) expect(values, name).toEqual(header.get(name));
    // Only frame-ancestors may be missing from the meta tag: a meta policy cannot carry it.
    expect([...header.keys()].filter((name) => !page.has(name))).toEqual(['frame-ancestors']);
  });
});

describe('packaging and versions', () => {
  const builder = read('electron-builder.yml');

  /** The `electronFuses:` block as key → value; the block is flat `key: true|false` lines. */
  function fuses(): Record<string, string> {
    const lines = builder.split('\n');
    const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
    expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThan(-1);
    const block: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      if (/^\s*(#.*)?$/.test(line)) continue;
      const m = line.match(/^\s+(\w+):\s*(\S+)\s*(#.*)?$/);
      if (!m) break;
      block[m[1]!] = m[2]!;
    }
    return block;
  }

  it('sets exactly the required fuses in electron-builder.yml', () => {
    expect(builder.match(/^electronFuses:/gm)).toHaveLength(1);
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('names only fuses electron-builder knows', () => {
    const scheme = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses()).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('ships from an asar archive and keeps the security folder out of the package', () => {
    // ASAR integrity and only-load-from-ASAR mean nothing if the app is not in an archive.
    expect(builder).not.toMatch(/^asar:\s*false/m);
    expect(builder).toMatch(/- "!security\/\*\*"/);
  });

  it('pins an Electron that is supported, or a reviewed exception that has not expired', () => {
    const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron!;
    expect(pinned, 'an exact version, so CI and packaging agree').toMatch(/^\d+\.\d+\.\d+$/);
    const lockfile = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    expect(lockfile.packages['node_modules/electron']?.version).toBe(pinned);

    const support = JSON.parse(read('resources/security/electron-support.json')) as {
      latest: string;
      supportedMajors: number[];
      exception?: { major: number; reason: string; acceptedBy: string; expires: string };
    };
    const latestMajor = Number(support.latest.split('.')[0]);
    expect(support.supportedMajors).toEqual([latestMajor - 2, latestMajor - 1, latestMajor]);
    const major = Number(pinned.split('.')[0]);
    if (support.supportedMajors.includes(major)) return;
    const exception = support.exception;
    expect(exception?.major, `Electron ${major} is out of support and no exception covers it`).toBe(major);
    expect(exception!.reason.length).toBeGreaterThan(80);
    expect(exception!.acceptedBy).not.toBe('');
    const today = new Date().toISOString().slice(0, 10);
    expect(today <= exception!.expires, `the exception for Electron ${major} expired on ${exception!.expires}: upgrade, or review it again`).toBe(true);
  });
});

describe('resources/security/electron-checklist.md', () => {
  const checklist = read('resources/security/electron-checklist.md');

  it('covers all twenty items of the checklist, each once', () => {
    const rows = [...checklist.matchAll(/^\|\s*(\d+)\s*\|/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('names only tests that exist', () => {
    const refs = testReferencesIn(checklist);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.map((r) => brokenReason(root, r)).filter(Boolean)).toEqual([]);
  });

  it('names only files that exist', () => {
    const files = [...checklist.matchAll(/`((?:electron|renderer|shared|resources|test|\.ci)\/[\w./-]+|electron-builder\.yml|package\.json)`/g)].map((m) => m[1]!);
    expect(files.filter((f) => !existsSync(join(root, f))).map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});
