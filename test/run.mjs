#!/usr/bin/env node
// `npm test`: everything that can run on these machines, then one closing line
// `N passed, N failed` counted from the runners' JSON reports (CI reads only that line).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'test/output');
rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/**
 * The OS keychain (Secret Service) needs a D-Bus session and an unlocked keyring. Tests get a
 * private bus and a throwaway keyring folder, so no earlier run's keyring is found.
 */
function withKeyring(command, args) {
  if (!onPath('dbus-run-session') || !onPath('gnome-keyring-daemon')) {
    console.warn('test: no dbus-run-session/gnome-keyring-daemon; keychain tests will report it');
    return [command, args, {}];
  }
  const keyringHome = mkdtempSync(join(tmpdir(), 'xuntong-keyring-'));
  const script = 'echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
  return ['dbus-run-session', ['--', 'sh', '-c', script, 'sh', command, ...args], { XDG_DATA_HOME: keyringHome }];
}

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}`);
  const [cmd, argv, env] = withKeyring(command, args);
  const result = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, ...extraEnv } });
  return result.status ?? 1;
}

// `npm start` rebuilds the native modules for Electron's ABI; the tests run on Node's.
const probe = spawnSync(process.execPath, ['-e', "require('better-sqlite3'); require('keytar')"], { cwd: root, encoding: 'utf8' });
if (probe.status !== 0 && /NODE_MODULE_VERSION/.test(probe.stderr)) {
  console.log('test: rebuilding native modules for Node');
  spawnSync('npm', ['rebuild', 'better-sqlite3', 'keytar'], { cwd: root, stdio: 'inherit' });
  rmSync(join(root, 'node_modules/.xuntong-electron-abi'), { force: true });
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
let passed = 0;
let failed = 0;

// 1. Types: one check that passes or fails as a whole.
console.log('\n=== typecheck');
const tsc = spawnSync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status === 0) passed += 1;
else failed += 1;

// 2. Unit and integration tests (node + dom projects).
const vitestReport = join(output, 'vitest.json');
const vitestStatus = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file that fails to load has no tests to count, but it is a failure all the same.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (!vitest || (vitestStatus !== 0 && vitest.numFailedTests === 0 && vitest.numFailedTestSuites === 0)) failed += 1;

// 3. End-to-end tests in Chromium, once there are any.
const e2eDir = join(root, 'test/e2e');
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  // The e2e tests load the built renderer through the bridge.
  console.log('\n=== build');
  const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) failed += 1;
  const playwrightReport = join(output, 'playwright.json');
  const status = run('playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const report = readJson(playwrightReport);
  if (report) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
  if (!report || (status !== 0 && report.stats.unexpected === 0)) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
