import { openMigrated } from './electron/core/storage/migrations';
import { cacheMigrations, tuneCacheConnection } from './electron/core/cache/migrations';
import { parseQueueQuery, queuePage } from './electron/core/cache/moderation-queue';
const db = openMigrated('/tmp/bench-full/core-synced/cache.sqlite', cacheMigrations, 'x');
tuneCacheConnection(db);
const orig = db.prepare.bind(db);
let times: string[] = [];
(db as any).prepare = (sql: string) => { const st = orig(sql); const wrap = (m: 'get'|'all') => (...a: any[]) => { const t = performance.now(); const r = (st as any)[m](...a); times.push(sql.trim().slice(0, 40).replace(/\s+/g,' ') + ' ' + (performance.now() - t).toFixed(1)); return r; }; return { get: wrap('get'), all: wrap('all') }; };
const ctx = { now: new Date('2026-11-29T00:00:00Z'), staffId: 'x', undecided: [] as string[] };
for (let pass = 0; pass < 2; pass++) for (const queue of ['pending', 'flagged'] as const) for (const flag of ['contact_in_text', 'price_far_below_median', 'prohibited_item']) for (const district of ['天河区', '番禺区']) {
  const q = parseQueueQuery({ queue, category: 'housing', district, flag, sort: 'oldest', limit: 100 } as never);
  times = [];
  const t = performance.now(); const p = queuePage(db, q, [], ctx); const ms = performance.now() - t;
  if (pass) console.log(queue, flag, district, p.total, ms.toFixed(1), 'ms', times.join(' | '));
}
