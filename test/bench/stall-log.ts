import { appendFileSync, readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

/** A beat later than this is logged. */
const LATE_MS = 25;

interface ThreadClock {
  /** process.hrtime in µs: the clock of a .cpuprofile's timestamps, to line a late beat up with a profile. */
  hrUs: number;
  at: number;
  /** /proc/thread-self/schedstat: time on a CPU, and time runnable but waiting for one (ms). */
  runMs: number;
  queuedMs: number;
  minorFaults: number;
}

function readThreadClock(): ThreadClock {
  const [run, queued] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  // Fields after the command name, which may itself hold spaces: minflt is the 10th field of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { hrUs: Number(process.hrtime.bigint() / 1000n), at: performance.now(), runMs: run! / 1e6, queuedMs: queued! / 1e6, minorFaults: Number(fields[7]) };
}

/**
 * BENCH_STALL_LOG=FILE: where the core's thread was during each stall, for finding what limits
 * the event-loop row (Linux only). A 1 ms heartbeat logs each beat that came more than 25 ms
 * late as a JSON line, split by the kernel's own accounting into the thread's time on a CPU
 * (its own work), waiting in the run queue (runnable, another thread had the CPU) and the rest
 * (blocked: a lock, a disk, a sleep); and each garbage collection over 5 ms. `hrUs` lines a
 * beat up with a BENCH_CPU_PROF profile's sample times. The heartbeat's own reads cost the
 * thread a few percent: a run with the log is not a run for the table.
 */
export function logStalls(file: string): void {
  let last = readThreadClock();
  setInterval(() => {
    const now = readThreadClock();
    const gapMs = now.at - last.at;
    if (gapMs > LATE_MS) {
      const cpuMs = now.runMs - last.runMs;
      const queuedMs = now.queuedMs - last.queuedMs;
      const line = { hrUs: last.hrUs, at: Math.round(last.at), gapMs, cpuMs, queuedMs, blockedMs: gapMs - cpuMs - queuedMs, minorFaults: now.minorFaults - last.minorFaults };
      appendFileSync(file, `${JSON.stringify(line, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}\n`);
    }
    last = now;
  }, 1).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (entry.duration > 5) appendFileSync(file, `${JSON.stringify({ gcAt: Math.round(entry.startTime), gcMs: Math.round(entry.duration * 10) / 10, kind })}\n`);
    }
  }).observe({ entryTypes: ['gc'] });
}
