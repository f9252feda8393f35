/**
 * One row of issue [Q]'s table: a fault, what must hold under it, and a run that measures it.
 * Each scenario runs small in CI (its `*.test.ts` beside it calls `run('ci')` and asserts `ok`)
 * and large on demand (`npm run chaos` calls `run('soak')` for every scenario and prints the table).
 */
export type ChaosScale = 'ci' | 'soak';

export interface ChaosResult {
  ok: boolean;
  /** The figures measured, in one line, e.g. "20 kills, 20 resumes; cache = platform (51,200 rows, checksum 3f2a…)". */
  measured: string;
  /** What went wrong, when something did, precise enough to act on. */
  problems: string[];
}

export interface ChaosScenario {
  id: string;
  /** The fault, as the table names it. */
  fault: string;
  mustHold: string;
  run(scale: ChaosScale): Promise<ChaosResult>;
}
