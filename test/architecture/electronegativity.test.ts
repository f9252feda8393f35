import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Allowlist, describeGate, gate, type Finding } from './electronegativity-gate';
import { brokenReason, testReferencesIn } from './test-references';

const root = new URL('../..', import.meta.url).pathname;
const allowlistPath = join(root, 'resources/security/electronegativity-allowlist.json');
const readAllowlist = () => Allowlist.parse(JSON.parse(readFileSync(allowlistPath, 'utf8')));

const finding = (id: string, file: string, severity = 'HIGH'): Finding => ({
  id,
  severity,
  confidence: 'FIRM',
  file,
  line: 1,
  column: 0,
  manualReview: false,
  description: 'x',
});

const entry = (check: string, file: string, occurrences = 1) => ({
  check,
  file,
  occurrences,
  reason: 'r'.repeat(80),
  evidence: 'e',
  reviewedBy: 'someone',
  reviewedOn: '2026-11-29',
});

describe('the electronegativity gate', () => {
  it('fails HIGH and MEDIUM findings nobody explained, and lets LOW and INFORMATIONAL through', () => {
    const result = gate(
      [finding('SANDBOX_JS_CHECK', 'electron/main/a.ts', 'MEDIUM'), finding('CSP_GLOBAL_CHECK', 'renderer/index.html', 'LOW'), finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', 'INFORMATIONAL')],
      { entries: [] },
    );
    expect(result.unexplained.map((f) => f.id)).toEqual(['SANDBOX_JS_CHECK']);
    expect(describeGate(result)).toEqual(['unexplained MEDIUM SANDBOX_JS_CHECK at electron/main/a.ts:1:0 — x']);
  });

  it('matches by check and file: the same check in another file is a new finding', () => {
    const result = gate([finding('SANDBOX_JS_CHECK', 'electron/main/b.ts')], { entries: [entry('SANDBOX_JS_CHECK', 'electron/main/a.ts')] });
    expect(result.unexplained).toHaveLength(1);
    expect(result.stale.map((e) => e.file)).toEqual(['electron/main/a.ts']);
  });

  it('counts occurrences, so a second insecure window in a listed file still fails', () => {
    const twice = [finding('SANDBOX_JS_CHECK', 'electron/main/a.ts'), finding('SANDBOX_JS_CHECK', 'electron/main/a.ts')];
    const result = gate(twice, { entries: [entry('SANDBOX_JS_CHECK', 'electron/main/a.ts')] });
    expect(result.unexplained).toEqual([]);
    expect(result.miscounted).toMatchObject([{ found: 2 }]);
    expect(describeGate(result)).toEqual(['SANDBOX_JS_CHECK fires 2× in electron/main/a.ts, reviewed for 1×']);
  });

  it('passes when every gated finding is explained exactly', () => {
    const result = gate([finding('SANDBOX_JS_CHECK', 'electron/main/a.ts')], { entries: [entry('SANDBOX_JS_CHECK', 'electron/main/a.ts')] });
    expect(describeGate(result)).toEqual([]);
  });

  it('refuses an allowlist entry without a real reason, a review, or with a duplicate', () => {
    expect(Allowlist.safeParse({ entries: [{ ...entry('SANDBOX_JS_CHECK', 'electron/main/a.ts'), reason: 'false positive' }] }).success).toBe(false);
    expect(Allowlist.safeParse({ entries: [{ ...entry('SANDBOX_JS_CHECK', 'electron/main/a.ts'), reviewedOn: 'yesterday' }] }).success).toBe(false);
    expect(Allowlist.safeParse({ entries: [{ ...entry('SANDBOX_JS_CHECK', 'electron/main/a.ts'), reviewedBy: undefined }] }).success).toBe(false);
    expect(Allowlist.safeParse({ entries: [entry('SANDBOX_JS_CHECK', 'electron/main/a.ts'), entry('SANDBOX_JS_CHECK', 'electron/main/a.ts')] }).success).toBe(false);
    expect(Allowlist.safeParse({ entries: [entry('SANDBOX_JS_CHECK', '/abs/path.ts')] }).success).toBe(false);
  });
});

describe('resources/security/electronegativity-allowlist.json', () => {
  it('is well formed, and every entry names a file that exists and tests that exist', () => {
    const allowlist = readAllowlist();
    for (const e of allowlist.entries) {
      expect(() => readFileSync(join(root, e.file)), e.file).not.toThrow();
      const refs = testReferencesIn(e.evidence);
      expect(refs.length, `${e.check}: evidence names no test`).toBeGreaterThan(0);
      expect(refs.map((r) => brokenReason(root, r)).filter(Boolean), e.check).toEqual([]);
    }
  });

  it('is the only way to silence the scanner: no eng-disable comment in the scanned sources', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? (d.name === 'node_modules' ? [] : files(join(dir, d.name))) : /\.(ts|tsx|js|mjs|html)$/.test(d.name) ? [join(dir, d.name)] : [],
      );
    const silenced = ['electron', 'renderer', 'shared'].flatMap(files).filter((f) => /eng-disable/.test(readFileSync(join(root, f), 'utf8')));
    expect(silenced).toEqual([]);
  });
});

describe('electronegativity over the app', () => {
  it(
    'reports no HIGH or MEDIUM finding that the reviewed allowlist does not explain',
    async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'test/architecture/electronegativity-scan.mjs')], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
      const report = JSON.parse(stdout) as { installed: boolean; runnerPath?: string; checks: number; findings: Finding[]; unparsed: { file: string; message: string }[] };
      if (!report.installed) {
        throw new Error(
          `@doyensec/electronegativity is not installed (looked for ${report.runnerPath}). CI installs it in .ci/setup; by hand: ` +
            'mkdir -p ~/.cache/xuntong-tools/electronegativity && cp resources/security/electronegativity/package*.json ~/.cache/xuntong-tools/electronegativity/ && npm ci --prefix ~/.cache/xuntong-tools/electronegativity',
        );
      }
      // A scanner that loaded no checks, or could not parse a file, would pass for the wrong reason.
      expect(report.checks).toBeGreaterThan(30);
      expect(report.unparsed, 'files the scanner could not parse (so did not check)').toEqual([]);
      expect(describeGate(gate(report.findings, readAllowlist()))).toEqual([]);
    },
    120_000,
  );
});
