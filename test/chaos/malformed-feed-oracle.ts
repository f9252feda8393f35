import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { listingFromRow, reportFromRow, userFromRow, type ListingRow, type ReportRow, type UserRow } from '../../electron/core/cache/rows';
import type { FeedFaultKind } from '../../electron/sandbox/faults/fault-plan';
import { Listing, ListingReport, PlatformUser } from '../../shared/platform/entities';
import { signedInClient } from '../fixtures/console-parts';
import type { z } from 'zod';

/**
 * What the malformed-feed row compares against, worked out independently of the console's own
 * validation: the platform's clean feed, and which of its records the fault plan corrupted.
 */
export type FeedKind = z.infer<typeof FeedFaultKind>;
export interface FeedRecord {
  entityType: string;
  id: string;
  record: Record<string, unknown>;
}
export interface Corruption extends FeedRecord {
  kind: FeedKind;
}
export const keyOf = (r: { entityType: string | null; id?: string | null; entityId?: string | null }) => `${r.entityType}:${r.id ?? r.entityId}`;

/** The whole feed as a staff member reads it when nothing is corrupted (the plan cleared). */
export async function cleanFeed(url: string, username: string): Promise<FeedRecord[]> {
  const client = await signedInClient(url, username);
  const records: FeedRecord[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await client.call('listChanges', { query: { cursor, limit: 2000, withRemaining: 'false' } });
    for (const c of page.changes) if (c.record !== null) records.push({ entityType: c.entityType, id: c.id, record: c.record as Record<string, unknown> });
    cursor = page.nextCursor;
    if (!page.hasMore) return records;
  }
}

/**
 * The sandbox corrupts every n-th record it sends, cycling through the kinds; with one console
 * reading the feed once from the start, that is every n-th record of the clean feed.
 */
export function corruptedBy(feed: readonly FeedRecord[], everyNth: number, kinds: readonly FeedKind[]): Corruption[] {
  return feed.filter((_, i) => (i + 1) % everyNth === 0).map((r, k) => ({ ...r, kind: kinds[k % kinds.length]! }));
}

/**
 * An "unknown enum" planted on a record that has no status field is only an extra key, which the
 * contract ignores by design (a newer platform may add fields): such a record is not malformed,
 * and must land like any other.
 */
export const breaksContract = (c: Corruption) => !(c.kind === 'unknown_enum' && !('status' in c.record));

/** The field each kind of corruption damages on a listing, for checking the quarantine's path. */
export const listingPathOf: Record<FeedKind, string> = {
  wrong_type: 'record.version',
  missing_field: 'record.title',
  oversized_text: 'record.title',
  lone_surrogate: 'record.title',
  unknown_enum: 'record.status',
};

/** The core's cache file for its one signed-in account, opened read-only beside the running core. */
export function openCache(dataDir: string): Database.Database {
  const accounts = join(dataDir, 'accounts');
  const [folder] = readdirSync(accounts);
  return new Database(join(accounts, folder!, 'cache.sqlite'), { readonly: true });
}

const replicated = {
  listing: { table: 'listings', fromRow: (r: unknown) => listingFromRow(r as ListingRow), schema: Listing },
  user: { table: 'users', fromRow: (r: unknown) => userFromRow(r as UserRow), schema: PlatformUser },
  report: { table: 'reports', fromRow: (r: unknown) => reportFromRow(r as ReportRow), schema: ListingReport },
} as const;

/** Listings, users and reports whose cached copy is missing or differs from the platform's clean record. */
export function cacheDifferences(cache: Database.Database, feed: readonly FeedRecord[]): { differing: Set<string>; compared: number; extra: number } {
  const differing = new Set<string>();
  let compared = 0;
  let extra = 0;
  for (const [type, { table, fromRow, schema }] of Object.entries(replicated)) {
    const platform = feed.filter((r) => r.entityType === type);
    const get = cache.prepare(`SELECT * FROM ${table} WHERE id = ?`);
    let found = 0;
    for (const r of platform) {
      compared += 1;
      const row = get.get(r.id);
      if (row) found += 1;
      if (!row || !isDeepStrictEqual(fromRow(row), schema.parse(r.record))) differing.add(keyOf(r));
    }
    // Nothing in the cache that the platform does not hold.
    extra += (cache.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n - found;
  }
  return { differing, compared, extra };
}
