/**
 * `npm run chaos`: every row of issue [Q]'s table, one after another, at soak size (or CI size
 * with `--scale ci`; one row with `--only <id>`), then the table with what was measured.
 * Rows are found, not listed: any module here that exports a ChaosScenario is one, so a new row
 * needs no edit in this file. Exits non-zero when a row did not hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChaosResult, ChaosScale, ChaosScenario } from './scenario';

const here = dirname(fileURLToPath(import.meta.url));

function argument(name: string): string | null {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? null) : null;
}

const isScenario = (value: unknown): value is ChaosScenario =>
  typeof value === 'object' && value !== null && typeof (value as ChaosScenario).id === 'string' &&
  typeof (value as ChaosScenario).fault === 'string' && typeof (value as ChaosScenario).run === 'function';

async function discover(): Promise<ChaosScenario[]> {
  // Only modules that mention the type are imported: helpers beside them (a forked core's entry point, say) may act on import.
  const modules = readdirSync(here)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['run.ts', 'scenario.ts'].includes(f))
    .filter((f) => /:\s*ChaosScenario\b/.test(readFileSync(join(here, f), 'utf8')))
    .sort();
  const found = new Map<string, ChaosScenario>();
  for (const file of modules) {
    const exported = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exported)) if (isScenario(value)) found.set(value.id, value);
  }
  return [...found.values()];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<number> {
  const scale = (argument('scale') ?? 'soak') as ChaosScale;
  if (scale !== 'ci' && scale !== 'soak') throw new Error(`--scale is ci or soak, not ${scale}`);
  const only = argument('only');
  const all = await discover();
  const rows = only ? all.filter((s) => s.id === only) : all;
  if (rows.length === 0) throw new Error(only ? `no scenario with id ${only} (found: ${all.map((s) => s.id).join(', ') || 'none'})` : 'no scenarios found in test/chaos');

  const results: { scenario: ChaosScenario; result: ChaosResult; seconds: number }[] = [];
  for (const scenario of rows) {
    console.log(`▶ ${scenario.id} (${scale})`);
    const started = Date.now();
    let result: ChaosResult;
    try {
      result = await scenario.run(scale);
    } catch (error) {
      // One row blowing up is that row's failure, reported like any other; the rest still run.
      result = { ok: false, measured: '(the run threw)', problems: [(error as Error).stack ?? String(error)] };
    }
    const seconds = (Date.now() - started) / 1000;
    results.push({ scenario, result, seconds });
    console.log(`${result.ok ? '✔ held' : '✘ FAILED'} ${scenario.id} in ${seconds.toFixed(1)} s: ${result.measured}`);
    for (const problem of result.problems) console.log(`    - ${problem}`);
  }

  console.log('\n| fault | must hold | measured | result |\n|---|---|---|---|');
  for (const { scenario, result, seconds } of results) {
    console.log(`| ${cell(scenario.fault)} | ${cell(scenario.mustHold)} | ${cell(result.measured)} (${seconds.toFixed(0)} s) | ${result.ok ? 'held' : `FAILED: ${cell(result.problems[0] ?? '')}`} |`);
  }
  const failed = results.filter((r) => !r.result.ok).length;
  console.log(`\n${results.length - failed} rows held, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`chaos: ${(error as Error).message}`);
    process.exit(2);
  },
);
