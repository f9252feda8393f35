import Database from 'better-sqlite3';
import { join } from 'node:path';
import { cacheMigrations, tuneCacheConnection } from '../../electron/core/cache/migrations';
import { shippedFlagRules } from '../../electron/core/cache/listing-flags';
import { listingParams } from '../../electron/core/cache/rows';
import { openMigrated } from '../../electron/core/storage/migrations';
import { listingRecord, reportRecord, userRecord } from '../../electron/sandbox/services/records';

const CHUNK = 50_000;

/**
 * The reference for the initial sync: the same listings, users and reports the feed carries,
 * turned into the same cache rows (the contract records the platform serves, through the
 * cache's own row mapping) and inserted with plain prepared INSERTs in one transaction into an
 * empty cache of the same schema (its indexes included), each listing's title and body into the
 * trigram index beside it, as the replica writes them. Rows are read and mapped in chunks
 * outside the clock; only the inserts are timed.
 */
export function rawInsert(platformFile: string, folder: string): { rows: number; seconds: number } {
  const platform = new Database(platformFile, { readonly: true });
  const cache = openMigrated(join(folder, 'cache.sqlite'), cacheMigrations, 'cache');
  // The console's own connection settings: the reference differs in how rows arrive, nothing else.
  tuneCacheConnection(cache);
  const rules = shippedFlagRules();
  const insert = {
    user: cache.prepare(`INSERT INTO users (id, nickname, phone_masked, status, registered_at, last_login_at, risk_signals, strikes,
      restricted_until, version, updated_at) VALUES (@id, @nickname, @phoneMasked, @status, @registeredAt, @lastLoginAt, @riskSignals,
      @strikes, @restrictedUntil, @version, @updatedAt)`),
    listing: cache.prepare(`INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district,
      contact_phone_masked, images, status, escalated, display_until, version, created_at, updated_at, price_group)
      VALUES (@id, @sellerId, @category, @title, @body, @priceFen, @priceUnit, @city, @district, @contactPhoneMasked, @images,
      @status, @escalated, @displayUntil, @version, @createdAt, @updatedAt, @priceGroup)`),
    report: cache.prepare(`INSERT INTO reports (id, listing_id, reporter_id, reason, note, created_at, version)
      VALUES (@id, @listingId, @reporterId, @reason, @note, @createdAt, @version)`),
  };
  const text = cache.prepare('INSERT INTO listings_fts (rowid, title, body) VALUES (?, ?, ?)');
  const insertListing = {
    run: (p: Record<string, unknown>) => text.run(insert.listing.run(p).lastInsertRowid, p.title, p.body),
  };
  const sources = [
    { table: 'users', insert: insert.user, row: (r: never) => { const u = userRecord(r); return { ...u, riskSignals: JSON.stringify(u.riskSignals) }; } },
    { table: 'listings', insert: insertListing, row: (r: never) => { const l = listingRecord(r); return { ...listingParams(l), priceGroup: rules.priceGroupOf(l) }; } },
    { table: 'reports', insert: insert.report, row: (r: never) => reportRecord(r) },
  ];
  let rows = 0;
  let seconds = 0;
  cache.exec('BEGIN');
  for (const source of sources) {
    const read = platform.prepare(`SELECT rowid AS _rowid, * FROM ${source.table} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`);
    for (let after = 0; ; ) {
      const chunk = read.all(after) as ({ _rowid: number } & Record<string, unknown>)[];
      if (chunk.length === 0) break;
      after = chunk.at(-1)!._rowid;
      const params = chunk.map((r) => source.row(r as never) as Record<string, unknown>);
      const started = performance.now();
      for (const p of params) source.insert.run(p);
      seconds += (performance.now() - started) / 1000;
      rows += params.length;
    }
  }
  const started = performance.now();
  cache.exec('COMMIT');
  seconds += (performance.now() - started) / 1000;
  cache.close();
  platform.close();
  return { rows, seconds };
}

/** The rows the reference inserts, counted on the platform: what the sync's rate is counted in too. */
export function referenceRowCount(platformFile: string): number {
  const platform = new Database(platformFile, { readonly: true });
  const { n } = platform.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM listings) + (SELECT count(*) FROM reports) AS n').get() as { n: number };
  platform.close();
  return n;
}
