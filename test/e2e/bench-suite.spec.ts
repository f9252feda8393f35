import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = new URL('../..', import.meta.url).pathname;

/** The nine rows of issue [P], and which of them name a reference measured beside them. */
const ROWS = ['initial-sync', 'event-loop', 'memory', 'incremental-sync', 'queue-page', 'search', 'decide-next', 'clustering', 'queue-scroll'];
const WITH_REFERENCE = ['initial-sync', 'queue-page', 'search', 'decide-next', 'clustering'];

/**
 * `npm run bench -- --quick`: the whole suite on small data (its figures are not the targets'),
 * as a newcomer would run it. Here, not in vitest, because its UI rows serve the built renderer,
 * which is built just before these tests. Nothing is timed: what is checked is that every row
 * ran, its reference beside it, and the table and its closing line say so.
 */
test('the benchmark suite runs every row with its reference and prints one table and its tally', async () => {
  test.setTimeout(300_000);
  const work = mkdtempSync(join(tmpdir(), 'xuntong-bench-'));
  try {
    const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['test/bench/run.ts', '--quick', '--work', work], { cwd: root, encoding: 'utf8', timeout: 280_000 });
    expect(run.status, run.stderr.slice(-2_000)).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('| benchmark'))).toMatch(/\| reference +\| measured \(medians\) +\| figure +\| target +\| met +\|/);
    const rows = new Map(lines.filter((line) => /^\| [a-z-]+ +\|/.test(line) && !line.startsWith('| benchmark')).map((line) => {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return [cells[0]!, { reference: cells[1]!, measured: cells[2]!, figure: cells[3]!, met: cells[5]! }] as const;
    }));
    expect([...rows.keys()].sort()).toEqual([...ROWS].sort());
    for (const [id, row] of rows) {
      expect(row.met, id).toMatch(/^(yes|NO)$/);
      expect(row.figure, id).not.toBe('—');
      if (WITH_REFERENCE.includes(id)) {
        expect(row.reference, id).not.toBe('—');
        // A ratio to the reference, measured in the same run.
        expect(`${row.measured} ${row.figure}`, id).toMatch(/\d(\.\d+)?× /);
      }
    }
    const met = [...rows.values()].filter((row) => row.met === 'yes').length;
    expect(run.stdout).toContain(`${met} targets met, ${ROWS.length - met} missed\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
