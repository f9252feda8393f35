import type { PlatformContract } from '../../../shared/platform/contract';
import { entityTypes, type EntityType } from '../../../shared/platform/changes';
import type { Handler } from '../http/router';
import type { Output, ParsedInput } from '../../../shared/platform/endpoint';
import { signedInStaff, type RequestContext } from '../http/context';
import { ApiFailure } from '../http/failure';
import { readMeta, type PlatformDb } from '../store/database';
import { feedEntities } from './feed-entities';
import { countChangesAfter } from './feed-remaining';

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

type ListChanges = PlatformContract['listChanges'];

export const listChanges: Handler<ListChanges> = (ctx, { query }) => {
  // One read transaction for the page: its feed rows and records from one snapshot, and each
  // of its hundreds of record reads without a read transaction of its own (~8 µs each).
  return ctx.db.transaction(() => readChanges(ctx, query))();
};

function readChanges(ctx: RequestContext, query: ParsedInput<ListChanges>['query']): Output<ListChanges> {
  const staff = signedInStaff(ctx);
  const after = decodeCursor(ctx.db, query.cursor);
  const visible = entityTypes.filter((t) => staff.scopes.has(feedEntities[t].scope));
  const typeList = visible.map((t) => `'${t}'`).join(',') || "''";
  const rows = ctx.db
    // NOT INDEXED: with an IN list on entity_type the planner took the (entity_type, entity_id)
    // index and sorted the whole feed for every page (seconds at a million listings); the
    // rowid range in seq order stops after one page.
    .prepare(`SELECT seq, entity_type, entity_id, op FROM feed NOT INDEXED WHERE seq > ? AND entity_type IN (${typeList}) ORDER BY seq LIMIT ?`)
    .all(after, query.limit + 1) as FeedRow[];
  const page = rows.slice(0, query.limit);
  const hasMore = rows.length > query.limit;
  const epoch = readMeta(ctx.db, 'feed_epoch')!;
  const last = page.at(-1)?.seq ?? after;
  const now = ctx.now();
  const changes = page.map((row) => {
    const loaded = row.op === 'delete' ? undefined : feedEntities[row.entity_type].load(ctx.db, row.entity_id, row.seq, now);
    // A record gone from its table is reported as deleted, whatever the feed row says.
    if (!loaded) return { entityType: row.entity_type, id: row.entity_id, version: row.seq, op: 'delete' as const, record: null };
    return { entityType: row.entity_type, id: row.entity_id, version: loaded.version, op: 'upsert' as const, record: loaded.record };
  });
  const result = { changes, nextCursor: encodeCursor({ epoch, seq: last }), hasMore } as Output<ListChanges>;
  if (query.withRemaining) result.remaining = countChangesAfter(ctx.db, last, typeList);
  return result;
}
