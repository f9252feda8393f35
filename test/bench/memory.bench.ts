import type { Benchmark } from './benchmark';
import { listingCount } from './data';
import { syncedCore } from './synced-core';

const LIMIT_MB = 400;

/** What the RSS is made of, where the kernel says. */
const split = ({ rssAnonMb, rssFileMb }: { rssAnonMb: number | null; rssFileMb: number | null }) =>
  rssAnonMb === null || rssFileMb === null ? '' : ` (${rssAnonMb.toFixed(0)} MB anonymous, ${rssFileMb.toFixed(0)} MB mapped files)`;

/** The core process's RSS once the initial sync is done and each queue's first page was read from the cache. */
export const memory: Benchmark = {
  id: 'memory',
  title: 'memory of the core with 1M listings cached',
  reference: '—',
  async run(context) {
    const { initial } = await syncedCore(context);
    return {
      measured: `after syncing ${listingCount(context).toLocaleString('en')} listings and reading ${initial.queueRows} queue rows: RSS ${initial.rssMb.toFixed(0)} MB${split(initial)}, JS heap ${initial.heapUsedMb.toFixed(0)} MB`,
      figure: `RSS ${initial.rssMb.toFixed(0)} MB`,
      target: `≤ ${LIMIT_MB} MB RSS`,
      met: initial.rssMb <= LIMIT_MB,
      notes: 'process.memoryUsage().rss in the core process, no forced GC; one run.',
    };
  },
};
