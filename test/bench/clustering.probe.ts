/**
 * Probe for the clustering benchmark row, independent of the bench cache: the same sandbox
 * seed generated in memory, the newest 100,000 actionable listings timed through the fast
 * finder, and the all-pairs reference on the newest 5,000 extrapolated ×(n/5,000)².
 * Run: npx tsx test/bench/clustering.probe.ts
 */
import { seedWorld } from '../../electron/sandbox/seed';
import { maskPhone } from '../../shared/masking';
import { findDuplicateClusters } from '../../shared/moderation/duplicates/clusters';
import { naiveDuplicateClusters } from '../../shared/moderation/duplicates/naive';
import type { DuplicateCandidate, DuplicateCluster } from '../../shared/moderation/duplicates/types';
import { median } from './benchmark';

const GENERATED = 340_000;
const SIZE = 100_000;
const SAMPLE = 5_000;
const RUNS = 2;

/** Wall seconds, and CPU seconds beside them: on a shared machine the two can differ 3×. */
const time = <T>(run: () => T): { seconds: number; cpuSeconds: number; result: T } => {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, result };
};

const memberSets = (clusters: DuplicateCluster[]): Set<string> => new Set(clusters.map((c) => [...c.memberIds].sort().join()));

// As in the bench, only the kept listings stay reachable, so the timed runs do not collect a
// heap three times larger; and they go through JSON, so their strings are flat like rows read
// from SQLite, not the generator's concatenations, which the first run would have to flatten.
const generated = time(() => {
  const actionable: DuplicateCandidate[] = [];
  const world = seedWorld({ seed: 20261129, listings: GENERATED, anchor: new Date(Date.UTC(2026, 10, 29)) });
  for (const seed of world.listings()) {
    if (seed.status !== 'pending' && seed.status !== 'published') continue;
    actionable.push({
      id: seed.id,
      title: seed.title,
      body: seed.body,
      contactPhoneMasked: maskPhone(seed.contactPhone),
      sellerId: seed.sellerId,
      createdAt: seed.createdAt,
    });
  }
  // Newest first, as the bench's ORDER BY created_at DESC (ISO UTC strings sort as instants).
  actionable.sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : 0));
  const newest = JSON.parse(JSON.stringify(actionable.slice(0, SIZE))) as DuplicateCandidate[];
  return { actionable: actionable.length, newest };
});
const listings = generated.result.newest;
const sample = listings.slice(0, SAMPLE);
console.log(`generated ${GENERATED.toLocaleString('en')} listings in ${generated.seconds.toFixed(1)} s; ` +
  `${generated.result.actionable.toLocaleString('en')} actionable, kept the newest ${listings.length.toLocaleString('en')}`);

const fast = Array.from({ length: RUNS }, (_, run) => {
  const measured = time(() => findDuplicateClusters(listings));
  console.log(`fast run ${run + 1}: ${measured.seconds.toFixed(2)} s (CPU ${measured.cpuSeconds.toFixed(2)} s), ${measured.result.length} clusters`);
  return measured;
});
const naive = time(() => naiveDuplicateClusters(sample, 0.8));
const fastSample = memberSets(findDuplicateClusters(sample));
const naiveSample = memberSets(naive.result);
const agreeing = [...naiveSample].filter((members) => fastSample.has(members)).length;

const fastSeconds = median(fast.map((f) => f.seconds));
const extrapolated = naive.seconds * (listings.length / SAMPLE) ** 2;
const speedup = extrapolated / fastSeconds;
console.log(`all-pairs on ${SAMPLE.toLocaleString('en')}: ${naive.seconds.toFixed(2)} s (CPU ${naive.cpuSeconds.toFixed(2)} s) → ${extrapolated.toFixed(0)} s extrapolated`);
console.log(`speed-up ${speedup.toFixed(0)}× (fast ${fastSeconds.toFixed(2)} s, ${fast[0]?.result.length ?? 0} clusters); ` +
  `target ≥ 50× and ≤ 10 s: ${speedup >= 50 && fastSeconds <= 10 ? 'met' : 'NOT met'}`);
console.log(`sample: fast finder reproduces ${agreeing}/${naiveSample.size} reference clusters exactly ` +
  `(fast finds ${fastSample.size} on the sample)`);
