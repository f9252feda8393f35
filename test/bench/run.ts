import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext, BenchResult, Benchmark } from './benchmark';
import { closeSyncedCore } from './synced-core';

/**
 * `npm run bench [-- --quick] [--only <id>] [--repeats N] [--keep-data]`: runs every
 * test/bench/*.bench.ts one after another and prints one table. A missed target is a finding,
 * not a failure (exit 0); a benchmark that crashes is (exit 1).
 */
const usage = 'usage: npm run bench -- [--quick] [--only <id>[,<id>…]] [--repeats N] [--work DIR] [--keep-data] [--reuse-cache] [--listings N]';

/** Benchmarks that build shared data come first; the rest follow in the issue's order, then any new ones by name. */
const ORDER = ['initial-sync', 'event-loop', 'memory', 'incremental-sync', 'queue-page', 'search', 'decide-next', 'scroll', 'clustering'];

const benchDir = new URL('.', import.meta.url).pathname;

function isBenchmark(value: unknown): value is Benchmark {
  const b = value as Partial<Benchmark> | null;
  return typeof b === 'object' && b !== null && typeof b.id === 'string' && typeof b.run === 'function' && typeof b.title === 'string';
}

async function discover(): Promise<Benchmark[]> {
  const found: Benchmark[] = [];
  for (const file of readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    const module = (await import(join(benchDir, file))) as Record<string, unknown>;
    found.push(...Object.values(module).filter(isBenchmark));
  }
  const rank = (b: Benchmark) => (ORDER.includes(b.id) ? ORDER.indexOf(b.id) : ORDER.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string' },
      repeats: { type: 'string' },
      work: { type: 'string' },
      'keep-data': { type: 'boolean' },
      'reuse-cache': { type: 'boolean' },
      listings: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const quick = values.quick === true;
  const repeats = values.repeats === undefined ? (quick ? 2 : 3) : Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats must be a whole number ≥ 1\n${usage}`);
  // Under node_modules/.cache: large (a 1M platform is ~750 MB), and never committed.
  const workDir = values.work ?? new URL(`../../node_modules/.cache/xuntong-bench/work-${quick ? 'quick' : 'full'}`, import.meta.url).pathname;
  mkdirSync(workDir, { recursive: true });
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const listings = values.listings === undefined ? undefined : Number(values.listings);
  if (listings !== undefined && !(Number.isInteger(listings) && listings > 0)) throw new Error(`--listings must be a whole number > 0\n${usage}`);
  const context: BenchContext = { workDir, repeats, quick, listings, reuseCache: values['reuse-cache'] === true, log: (line) => console.error(`  [${elapsed()}] ${line}`) };

  let benchmarks = await discover();
  if (values.only) {
    const wanted = values.only.split(',');
    const unknown = wanted.filter((id) => !benchmarks.some((b) => b.id === id));
    if (unknown.length > 0) throw new Error(`no benchmark ${unknown.join(', ')}; there are ${benchmarks.map((b) => b.id).join(', ')}`);
    benchmarks = benchmarks.filter((b) => wanted.includes(b.id));
  }
  console.error(`bench: ${benchmarks.length} benchmarks, ${quick ? 'quick (small data; not the targets\' figures)' : 'full size'}, repeats ${repeats}, work dir ${workDir}`);

  const results: { benchmark: Benchmark; result: BenchResult | null; error?: string; seconds: number }[] = [];
  try {
    for (const benchmark of benchmarks) {
      console.error(`▶ ${benchmark.id}: ${benchmark.title}`);
      const t0 = performance.now();
      try {
        const result = await benchmark.run(context);
        results.push({ benchmark, result, seconds: (performance.now() - t0) / 1000 });
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(`✖ ${benchmark.id} crashed: ${message}`);
        results.push({ benchmark, result: null, error: message.split('\n')[0], seconds: (performance.now() - t0) / 1000 });
      }
      console.error(`  ${benchmark.id} took ${results.at(-1)!.seconds.toFixed(0)} s`);
    }
  } finally {
    await closeSyncedCore();
    if (!values['keep-data'] && !values.work) {
      // The seeded platform is kept between runs only with --keep-data: a run measures the code as it is.
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  const rows = [['benchmark', 'reference', 'measured (medians)', 'figure', 'target', 'met']];
  for (const { benchmark, result, error } of results) {
    rows.push(result
      ? [benchmark.id, benchmark.reference, result.measured, result.figure, result.target, result.met ? 'yes' : 'NO']
      : [benchmark.id, benchmark.reference, `crashed: ${error}`, '—', '—', 'CRASHED']);
  }
  console.log(`\nnpm run bench${quick ? ' -- --quick' : ''} · ${new Date().toISOString()} · ${elapsed()} in all\n`);
  console.log(table(rows));
  const notes = results.filter((r) => r.result?.notes);
  if (notes.length > 0) console.log(`\n${notes.map((r) => `- ${r.benchmark.id}: ${r.result!.notes}`).join('\n')}`);
  const met = results.filter((r) => r.result?.met).length;
  const crashed = results.filter((r) => !r.result).length;
  console.log(`\n${met} targets met, ${results.length - met - crashed} missed${crashed ? `, ${crashed} crashed` : ''}`);
  return crashed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
