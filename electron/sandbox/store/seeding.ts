import type { SeedOptions, SeedTransaction } from '../seed';
import type { PlatformDb } from './database';
import { readMeta, writeMeta } from './database';
import { loadDeadlineConfig, type DeadlineConfig } from '../services/rights/deadline-config';
import { seedLoginLogs } from './seed-login-logs';
import { seedModerationHistory } from './seed-history';
import { seedLegalRegister } from './seed-legal';
import { seedRightsRecords } from './seed-rights';

const BATCH = 20_000;

/**
 * Fills an empty platform with a generated world, in batches so a million listings stream
 * through without being held in memory. Feed rows are written in the same order as the
 * entities, so an initial sync sees users before the listings that point at them. The records
 * rights requests deal with (transactions, login logs, holds, processors, tickets) come last.
 */
export async function seedPlatform(
  db: PlatformDb,
  options: SeedOptions,
  deadlines: DeadlineConfig = loadDeadlineConfig(),
): Promise<{ seeded: boolean }> {
  if (readMeta(db, 'seeded_at') !== undefined) return { seeded: false };
  // Loaded only when a world must be generated: a packaged app ships a ready database instead,
  // and leaves the generator out.
  const generator = await import('../seed');
  const { seedWorld } = generator;
  const world = seedWorld(options);
  const feed = db.prepare("INSERT INTO feed (entity_type, entity_id, op) VALUES (?, ?, 'upsert')");
  const insertUser = db.prepare(`
    INSERT INTO users (id, nickname, phone, status, registered_at, last_login_at, risk_signals, device_id, last_ip, version, updated_at)
    VALUES (@id, @nickname, @phone, @status, @registeredAt, @lastLoginAt, @riskSignals, @deviceId, @lastIp, 1, @registeredAt)`);
  const insertListing = db.prepare(`
    INSERT INTO listings (id, seller_id, category, title, body, price_fen, price_unit, city, district, contact_phone,
      image_count, status, escalated, display_until, version, created_at, updated_at)
    VALUES (@id, @sellerId, @category, @title, @body, @priceFen, @priceUnit, @city, @district, @contactPhone,
      @imageCount, @status, 0, @displayUntil, 1, @createdAt, @updatedAt)`);
  const insertTransaction = db.prepare(`
    INSERT INTO transactions (id, listing_id, buyer_id, seller_id, amount_fen, at)
    VALUES (@id, @listingId, @buyerId, @sellerId, @amountFen, @at)`);
  const insertReport = db.prepare(`
    INSERT INTO reports (id, listing_id, reporter_id, reason, note, created_at, version)
    VALUES (@id, @listingId, @reporterId, @reason, @note, @createdAt, 1)`);

  const inBatches = <T>(rows: Iterable<T>, write: (row: T) => void) => {
    let batch: T[] = [];
    const flush = db.transaction((items: T[]) => items.forEach(write));
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) {
        flush(batch);
        batch = [];
      }
    }
    flush(batch);
  };

  inBatches(world.users(), (u) => {
    insertUser.run({ ...u, riskSignals: JSON.stringify(u.riskSignals) });
    feed.run('user', u.id);
  });
  // Transactions are held back and written after the listings (8% of them, small rows): written
  // in between, their four indexes thrashed the page cache the listing inserts need.
  const transactions: SeedTransaction[] = [];
  inBatches(world.listings(), (l) => {
    const { planted: _planted, ...row } = l;
    insertListing.run(row);
    feed.run('listing', l.id);
    const transaction = world.transactionOn(l);
    if (transaction) transactions.push(transaction);
  });
  inBatches(transactions, (t) => insertTransaction.run(t));
  inBatches(world.reports(), (r) => {
    insertReport.run(r);
    feed.run('report', r.id);
  });
  db.transaction(() => seedModerationHistory(db))();
  db.transaction(() => {
    seedLoginLogs(db);
    seedRightsRecords(db, generator, options.seed, options.anchor, deadlines);
    seedLegalRegister(db, generator, options.anchor);
  })();
  writeMeta(db, 'seeded_at', options.anchor.toISOString());
  writeMeta(db, 'seed', String(options.seed));
  return { seeded: true };
}
