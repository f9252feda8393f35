import type { PlatformContract } from '../../../shared/platform/contract';
import type { EntityType } from '../../../shared/platform/changes';
import type { Scope } from '../../../shared/platform/roles';
import type { Handler } from '../http/router';
import { signedInStaff } from '../http/context';
import { ApiFailure } from '../http/failure';
import { readMeta, type PlatformDb } from '../store/database';
import { listingRecord, reportRecord, userRecord, type ListingRow, type ReportRow, type UserRow } from './records';

/** Which scope lets a caller see each entity type in the feed. */
const entityScope: Record<EntityType, Scope> = {
  listing: 'listings:read',
  user: 'users:read',
  report: 'reports:read',
};

/**
 * Marks an entity changed. The feed is compacted: the entity's earlier row is replaced by one at
 * a new sequence number, so a reader past the old position still sees the change exactly once.
 */
export function recordChange(db: PlatformDb, entityType: EntityType, id: string, op: 'upsert' | 'delete' = 'upsert'): void {
  db.prepare('INSERT OR REPLACE INTO feed (entity_type, entity_id, op) VALUES (?, ?, ?)').run(entityType, id, op);
}

interface Position {
  epoch: string;
  seq: number;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify({ e: position.epoch, s: position.seq })).toString('base64url');
}

function decodeCursor(db: PlatformDb, cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { e, s } = (parsed ?? {}) as { e?: unknown; s?: unknown };
  if (typeof e !== 'string' || typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
    throw new ApiFailure('validation_failed', 'query.cursor: not a cursor this platform issued', { path: 'query.cursor' });
  }
  if (e !== readMeta(db, 'feed_epoch')) {
    throw new ApiFailure('cursor_reset', 'the change feed was reset; start again without a cursor', { path: 'query.cursor' });
  }
  return s;
}

interface FeedRow {
  seq: number;
  entity_type: EntityType;
  entity_id: string;
  op: 'upsert' | 'delete';
}

function loadRecord(db: PlatformDb, row: FeedRow) {
  const table = { listing: 'listings', user: 'users', report: 'reports' }[row.entity_type];
  const stored = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(row.entity_id);
  if (row.op === 'delete' || stored === undefined) return { version: 1, record: null };
  switch (row.entity_type) {
    case 'listing':
      return { version: (stored as ListingRow).version, record: listingRecord(stored as ListingRow) };
    case 'user':
      return { version: (stored as UserRow).version, record: userRecord(stored as UserRow) };
    case 'report':
      return { version: (stored as ReportRow).version, record: reportRecord(stored as ReportRow) };
  }
}

export const listChanges: Handler<PlatformContract['listChanges']> = (ctx, { query }) => {
  const staff = signedInStaff(ctx);
  const after = decodeCursor(ctx.db, query.cursor);
  const visible = (Object.keys(entityScope) as EntityType[]).filter((t) => staff.scopes.has(entityScope[t]));
  const typeList = visible.map((t) => `'${t}'`).join(',') || "''";
  const rows = ctx.db
    .prepare(`SELECT seq, entity_type, entity_id, op FROM feed WHERE seq > ? AND entity_type IN (${typeList}) ORDER BY seq LIMIT ?`)
    .all(after, query.limit + 1) as FeedRow[];
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  const epoch = readMeta(ctx.db, 'feed_epoch')!;
  const last = page.at(-1)?.seq ?? after;
  const changes = page.map((row) => {
    const { version, record } = loadRecord(ctx.db, row);
    return { entityType: row.entity_type, id: row.entity_id, version, op: record ? row.op : 'delete', record };
  });
  const result = { changes, nextCursor: encodeCursor({ epoch, seq: last }), hasMore } as ReturnType<
    Handler<PlatformContract['listChanges']>
  >;
  if (query.withRemaining) {
    const { n } = ctx.db
      .prepare(`SELECT count(*) AS n FROM feed WHERE seq > ? AND entity_type IN (${typeList})`)
      .get(last) as { n: number };
    result.remaining = n;
  }
  return result;
};
