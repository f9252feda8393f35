/**
 * One row of issue [P]'s table. A benchmark builds (or reuses) its data, runs its subject and,
 * where the table names one, its reference side by side in the same process and the same run —
 * these machines are noisy, so a ratio measured together means more than either time alone —
 * several times, and reports medians, the ratio and whether the target holds.
 */
export interface BenchContext {
  /** A folder kept between benchmarks of one run, for data they share (e.g. the 1M-listing platform database). */
  workDir: string;
  /** Repetitions to take medians over; smaller with --quick. */
  repeats: number;
  /** --quick: smaller data, for checking the suite itself; its figures are not the targets'. */
  quick: boolean;
  /** --listings N: another size than the (or --quick's), for probing how a row scales. */
  listings?: number;
  /** --reuse-cache: the read rows query the synced cache an earlier --keep-data run left in workDir. */
  reuseCache?: boolean;
  log(line: string): void;
}

export interface BenchResult {
  /** e.g. "sync 1M listings: 38,000 rows/s; raw insert: 95,000 rows/s". */
  measured: string;
  /** The figure the target is about, e.g. "0.40× the raw insert rate" or "p95 3.1 ms". */
  figure: string;
  target: string;
  met: boolean;
  /** What limits it, when the target is missed or close, for RESULTS.md. */
  notes?: string;
}

export interface Benchmark {
  id: string;
  title: string;
  /** The reference measured in the same run, or "—". */
  reference: string;
  run(context: BenchContext): Promise<BenchResult>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
