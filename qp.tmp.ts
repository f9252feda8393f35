import { openMigrated } from './electron/core/storage/migrations';
import { cacheMigrations, tuneCacheConnection } from './electron/core/cache/migrations';
import { parseQueueQuery, queuePage } from './electron/core/cache/moderation-queue';
const db = openMigrated('/tmp/bench-full/core-synced/cache.sqlite', cacheMigrations, 'x');
tuneCacheConnection(db);
const orig = db.prepare.bind(db);
let log: string[] = [];
(db as any).prepare = (sql: string) => { log.push(sql); return orig(sql); };
const ctx = { now: new Date('2026-11-29T00:00:00Z'), staffId: 'x', undecided: [] as string[] };
for (const queue of ['pending', 'flagged'] as const) for (const flag of ['contact_in_text', 'price_far_below_median']) {
  const q = parseQueueQuery({ queue, category: 'housing', district: '天河区', flag, sort: 'oldest', limit: 100 } as never);
  log = [];
  const t = performance.now(); const p = queuePage(db, q, [], ctx); const ms = performance.now() - t;
  console.log(queue, flag, p.total, ms.toFixed(1), 'ms');
  for (const sql of log.slice(0, 1).concat(log.slice(2,3))) console.log('  ', JSON.stringify(orig('EXPLAIN QUERY PLAN ' + sql).all({ undecided: '[]', now: '', category: 'housing', district: '天河区', flag, limit: 100, offset: 0 }).map((r: any) => r.detail)));
}
