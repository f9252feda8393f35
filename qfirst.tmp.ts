import { openMigrated } from './electron/core/storage/migrations';
import { cacheMigrations, tuneCacheConnection } from './electron/core/cache/migrations';
import { parseQueueQuery, queueRows, queuePage, summary } from './electron/core/cache/moderation-queue';
const db = openMigrated('/tmp/m11/cache.sqlite', cacheMigrations, 'x');
tuneCacheConnection(db);
const ctx = { now: new Date('2026-11-29T00:00:00Z'), staffId: 'x', undecided: [] as string[] };
for (let pass = 0; pass < 2; pass++) for (const queue of ['pending','reported','flagged','escalated','appeals'] as const) for (const sort of ['oldest','newest','most_reported','price_low'] as const) {
  const q = parseQueueQuery({ queue, sort, limit: 100 } as never);
  let t = performance.now(); const rows = queueRows(db, q, ctx); const tr = performance.now() - t;
  t = performance.now(); const p = queuePage(db, q, [], ctx); const tp = performance.now() - t;
  console.log(pass, queue, sort, rows.length, 'rows', tr.toFixed(1), 'ms; page+total', tp.toFixed(1), 'ms total', p.total);
}
for (const queue of ['pending','reported','flagged','escalated','appeals'] as const) { const t = performance.now(); const s = summary(db, queue, ctx); console.log('summary', queue, s.size, (performance.now()-t).toFixed(0), 'ms'); }
