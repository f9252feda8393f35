import Database from 'better-sqlite3';
import { openMigrated } from './electron/core/storage/migrations';
import { cacheMigrations, tuneCacheConnection } from './electron/core/cache/migrations';
let t = performance.now();
const db = openMigrated('/tmp/m11/cache.sqlite', cacheMigrations, 'x');
console.log('migrate', (performance.now() - t).toFixed(0), 'ms');
tuneCacheConnection(db);
for (const sql of [
  "SELECT count(*) FROM listings l WHERE l.report_count > 0 AND l.status IN ('pending', 'published') AND l.escalated = 0",
  "SELECT count(*), min(l.created_at), sum(l.created_at < '2026-11-01') FROM listings l WHERE l.open_flags > 0 AND l.status IN ('pending', 'published') AND l.escalated = 0 AND l.rowid NOT IN (SELECT 1)",
  "SELECT l.id FROM listings l WHERE l.open_flags > 0 AND l.status IN ('pending', 'published') AND l.escalated = 0 ORDER BY l.created_at, l.id LIMIT 100",
]) { console.log(sql.slice(0,60), JSON.stringify(db.prepare('EXPLAIN QUERY PLAN ' + sql).all().map((r: any) => r.detail))); t = performance.now(); db.prepare(sql).all(); console.log((performance.now()-t).toFixed(1),'ms'); }
