#!/usr/bin/env node
// Runs @doyensec/electronegativity over the app's shipped sources and prints its findings as
// JSON on stdout. Used by electronegativity.test.ts (which gates on them); also handy by hand:
//   node test/architecture/electronegativity-scan.mjs
//
// Why the sources and not out/: the scanner reads one file at a time, so a bundle does not let
// it see more (window options built by a function stay invisible either way), while the
// sources need no build step and give paths the allowlist can name.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const toolsDir = process.env.XUNTONG_TOOLS_DIR || join(homedir(), '.cache/xuntong-tools');
const runnerPath = join(toolsDir, 'electronegativity/node_modules/@doyensec/electronegativity/dist/runner.js');

/** What ships or runs beside the renderer; tests and their fakes are not the app. */
const scannedFolders = ['electron', 'renderer', 'shared'];
const isTestFile = (name) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(name);

/**
 * Checks left out, and why: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release
 * list from GitHub, which these machines cannot reach, so it only ever costs ~10 s and reports
 * nothing; test/architecture/electron-checklist.test.ts checks the Electron version instead.
 */
const excludedChecks = ['availablesecurityfixesglobalcheck'];

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'xuntong-eng-'));
  for (const folder of scannedFolders) {
    cpSync(join(root, folder), join(dir, folder), {
      recursive: true,
      filter: (source) => !isTestFile(basename(source)) && basename(source) !== 'node_modules',
    });
  }
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

async function main() {
  let run;
  try {
    run = createRequire(import.meta.url)(runnerPath);
  } catch {
    console.log(JSON.stringify({ installed: false, runnerPath }));
    return;
  }
  const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
  const started = Date.now();
  const dir = stage();
  // The scanner chats on stdout (failed translation and release downloads); keep stdout for JSON.
  const log = console.log;
  console.log = (...args) => console.error(...args);
  try {
    const result = await run(
      { input: dir, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: excludedChecks, parserPlugins: [] },
      false,
    );
    console.error(`electronegativity: scanned in ${Date.now() - started} ms`);
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
    }));
    // A file it could not parse is a file it did not scan: reported so the gate can fail on it.
    const unparsed = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: e.file.slice(dir.length + 1), message: e.message }));
    console.log = log;
    console.log(JSON.stringify({ installed: true, electronVersion, checks: result.globalChecks + result.atomicChecks, findings, unparsed }));
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
