import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The nice value of the core's worker threads: the lowest there is.
 *
 * On two cores, a first sync keeps the feed writer (~80 % of a CPU), the reader, the side
 * connection's checkpoints and the platform's own process busy at once, and the core's thread —
 * the one that answers the console — waited its turn behind them: 25–70 ms at a time in the
 * kernel's run queue (its schedstat), the event-loop row's stalls. A worker at nice 19 weighs
 * 15 to the core thread's 1,024, so the kernel runs the core's thread as soon as it wakes and
 * gives the workers what it leaves. Over a 1M sync the beats more than 25 ms late fell from
 * 70–110 to 11, the longest wait in the queue from ~70 to 19 ms (test/bench/RESULTS.md).
 */
export const BACKGROUND_NICE = 19;

/** What lowerThreadPriority needs of node:fs and node:os, handed in so that it stands alone. */
interface ProcFiles {
  readlinkSync(path: string): string;
}
interface Priorities {
  setPriority(pid: number, priority: number): void;
}

/**
 * Lowers the calling thread to `nice`; true if it did. Only on Linux, where each thread is a
 * task of its own with a nice value of its own, named by its id (/proc/thread-self). Elsewhere
 * a priority belongs to the whole process, the core's thread included, so nothing is changed.
 * A refusal (no /proc, a sandbox without setpriority) leaves the thread as it was: it is a
 * preference, not a requirement.
 *
 * It stands alone, its modules passed in, because it is also written whole into the side
 * connection's worker, which runs from source text (`${lowerThreadPriority}`); and it holds no
 * function of its own, which a bundler could hand to a helper of its that the text lacks.
 */
export function lowerThreadPriority(fs: ProcFiles, os: Priorities, platform: string, nice: number): boolean {
  if (platform !== 'linux') return false;
  try {
    const thread = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(thread) || thread <= 0) return false;
    os.setPriority(thread, nice);
    return true;
  } catch {
    return false;
  }
}

/** The calling worker thread to the background: the first thing each of the core's workers does. */
export function runThisThreadInBackground(): boolean {
  return lowerThreadPriority({ readlinkSync }, { setPriority }, process.platform, BACKGROUND_NICE);
}
