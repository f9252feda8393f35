import { z } from 'zod';
import type { ModerationQueuePage, ModerationQueueQuery, ModerationQueueRow, QueueKind, QueueSummary } from '../../../shared/ipc/moderation-views';
import { ModerationQueueQuery as QuerySchema, QueueKind as QueueKindSchema, SEARCH_COUNT_LIMIT } from '../../../shared/ipc/moderation-views';
import { Claim } from '../../../shared/platform/entities';
import sla from '../../../resources/moderation/sla.json';
import type { SqliteDb } from '../storage/migrations';
import type { SideConnection } from '../storage/side-connection';
import { anchorBefore, rememberAnchor, type QueueMemo, type Remembered } from './queue-memo';

export type ParsedQueueQuery = z.output<typeof QuerySchema>;

const targetHours = z.object({ targetHours: z.record(QueueKindSchema, z.number().positive()) }).parse(sla).targetHours as Record<QueueKind, number>;

/**
 * Leaves out the listings decided here whose decision is still in the outbox. By rowid, which
 * every index carries: by id, each listing a queue's index walk met was read from the table
 * to test it (300,000 reads for the pending queue's size at a million listings).
 */
const notUndecided = 'l.rowid NOT IN (SELECT u.rowid FROM listings u WHERE u.id IN (SELECT value FROM json_each(@undecided)))';

const notDismissed = 'NOT EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule)';

interface QueueSpec {
  join: string;
  where: string[];
  queuedAt: string;
  appealId: string;
  /** The queue's own partial indexes: in queue order, and by place first (see listingsFor). */
  index?: { all: string; byPlace: string };
  /** Its index in rowid order, for counting text matches (see countSearch). */
  byRowid?: string;
  /** Its flag indexes in queue order (migration 013), and its terms as the flag rows carry them (see flagRange). */
  flagIndex?: { all: string; byPlace: string; where: string[] };
}

/**
 * What makes a listing part of each queue, and when it entered it. The reported and flagged
 * queues read the counts each listing carries (migration 011) and their terms are written as
 * their partial indexes' WHERE clauses are: SQLite uses those indexes only for a query that
 * contains the same terms.
 */
const queues: Record<QueueKind, QueueSpec> = {
  pending: {
    join: '',
    where: ["l.status = 'pending'", 'l.escalated = 0'],
    queuedAt: 'l.created_at',
    appealId: 'NULL',
    byRowid: 'listings_pending_by_rowid',
    flagIndex: { all: 'listing_flags_pending', byPlace: 'listing_flags_pending_by_place', where: ["f.listing_status = 'pending'", 'f.escalated = 0'] },
  },
  reported: {
    join: '',
    where: ['l.report_count > 0', "l.status IN ('pending', 'published')", 'l.escalated = 0'],
    queuedAt: 'l.first_reported_at',
    appealId: 'NULL',
    index: { all: 'listings_reported', byPlace: 'listings_reported_by_place' },
  },
  flagged: {
    join: '',
    where: ['l.open_flags > 0', "l.status IN ('pending', 'published')", 'l.escalated = 0'],
    queuedAt: 'l.created_at',
    appealId: 'NULL',
    index: { all: 'listings_flagged', byPlace: 'listings_flagged_by_place' },
    flagIndex: { all: 'listing_flags_open', byPlace: 'listing_flags_open_by_place', where: ["f.listing_status IN ('pending', 'published')", 'f.escalated = 0'] },
  },
  escalated: { join: '', where: ["l.status IN ('pending', 'published')", 'l.escalated = 1'], queuedAt: 'l.updated_at', appealId: 'NULL' },
  appeals: { join: "JOIN appeals a ON a.listing_id = l.id AND a.status = 'open'", where: [], queuedAt: 'a.created_at', appealId: 'a.id' },
};

const orderBy = (id: string): Record<ParsedQueueQuery['sort'], string> => ({
  oldest: `queued_at ASC, ${id} ASC`,
  newest: `queued_at DESC, ${id} DESC`,
  most_reported: `report_count DESC, queued_at ASC, ${id} ASC`,
  price_low: `l.price_fen IS NULL, l.price_fen ASC, ${id} ASC`,
  price_high: `l.price_fen IS NULL, l.price_fen DESC, ${id} ASC`,
});
const order = orderBy('l.id');

/**
 * 'listings' reads every page from the listings table even where the flag rows could answer
 * (flagRange): the same rows, for the tests that hold the two to each other and the benchmark's
 * full-scan reference.
 */
export type QueuePlan = 'fastest' | 'listings';

export interface QueueContext {
  now: Date;
  staffId: string;
  /** Listings whose decision waits in the outbox: decided here, not yet on the platform. */
  undecided: readonly string[];
}

const textMatch = 'l.rowid IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH @fts)';

/**
 * Filters as SQL. Search of three or more characters goes through the trigram index; shorter
 * text (二手, 猫) cannot, so it falls back to a LIKE scan.
 */
function filters(query: ParsedQueueQuery, queuedAt: string, context: QueueContext) {
  const where = [notUndecided];
  let text: string | undefined;
  const params: Record<string, unknown> = { undecided: JSON.stringify(context.undecided), now: context.now.toISOString() };
  if (query.category) (where.push('l.category = @category'), (params.category = query.category));
  if (query.district) (where.push('l.district = @district'), (params.district = query.district));
  if (query.flag) {
    // The listings with that flag in that place, from one range of listing_flags_by_place,
    // rather than a probe of every listing in the place.
    const place = [query.category ? 'f.category = @category' : '', query.district ? 'f.district = @district' : ''].filter(Boolean);
    where.push(`l.id IN (SELECT f.listing_id FROM listing_flags f WHERE f.kind = @flag ${place.map((c) => `AND ${c}`).join(' ')} AND ${notDismissed})`);
    params.flag = query.flag;
  }
  if (query.minAgeHours !== undefined) {
    where.push(`${queuedAt} <= @cutoff`);
    params.cutoff = new Date(context.now.getTime() - query.minAgeHours * 3_600_000).toISOString();
  }
  const search = query.search?.trim();
  if (search) {
    if ([...search].length >= 3) {
      text = textMatch;
      params.fts = `"${search.replace(/"/g, '""')}"`;
    } else {
      text = "(l.title LIKE @like ESCAPE '\\' OR l.body LIKE @like ESCAPE '\\')";
      params.like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
  }
  /** `where` without the text term, which `text` holds: counting from the text index's side leaves it out. */
  return { where, text, params, textIndexed: params.fts !== undefined };
}

/**
 * One request's selection, worked out once for its count and its rows: the filters as SQL, and
 * where the page is read from (the flag rows, or the queue's listings: deciding that for a search
 * probes the text index).
 */
function selection(db: SqliteDb, query: ParsedQueueQuery, context: QueueContext, plan: QueuePlan) {
  const spec = queues[query.queue];
  const { where, text, params, textIndexed } = filters(query, spec.queuedAt, context);
  const flags = plan === 'fastest' && text === undefined ? flagRange(spec, query) : undefined;
  return {
    spec, query, context, params, textIndexed, flags,
    searched: text !== undefined,
    /** The queue's and the filters' terms, text included, over `listings l`. */
    all: [...spec.where, ...where, ...(text ? [text] : [])],
    /** The same without the text term. */
    untexted: [...spec.where, ...where],
    listings: flags ? '' : listingsFor(db, spec, query, textIndexed, params),
  };
}
type Selection = ReturnType<typeof selection>;

/**
 * The districts with pending listings, for the filter menu, on every page request. GROUP BY
 * walked every pending entry of the (status, district) index (300k at 1M listings); this skip
 * scan seeks once per distinct district instead (about a dozen seeks), same list, same order;
 * INDEXED BY pins the (status, district) index, the only one whose min(district) is one seek.
 */
const pendingDistricts = `
  WITH RECURSIVE d(district) AS (
    SELECT min(district) FROM listings INDEXED BY listings_queue_district WHERE status = 'pending'
    UNION ALL
    SELECT (SELECT min(district) FROM listings INDEXED BY listings_queue_district WHERE status = 'pending' AND district > d.district) FROM d WHERE d.district IS NOT NULL
  )
  SELECT district FROM d WHERE district IS NOT NULL`;

interface RowShape {
  id: string; title: string; category: ModerationQueueRow['category']; district: string; price_fen: number | null;
  price_unit: ModerationQueueRow['priceUnit']; created_at: string; queued_at: string; version: number;
  report_count: number; report_reasons: string | null; flag_kinds: string | null; claim: string | null;
  claim_expires: string | null; appeal_id: string | null;
}

/**
 * A page of a queue with its filtered total and the district menu. The tabs' sizes are not
 * counted here: they scan whole queues, on the side connection (summaryBeside), once per change.
 */
export function queuePage(db: SqliteDb, query: ParsedQueueQuery, context: QueueContext, plan: QueuePlan = 'fastest', memo?: QueueMemo): Omit<ModerationQueuePage, 'summaries'> {
  const selected = selection(db, query, context, plan);
  // A filter by age moves with the clock: what its pages told does not hold for the next request.
  const remembered = memo && query.minAgeHours === undefined ? memo.recall(db, memoKey(query, context, plan)) : undefined;
  const counted = remembered?.total ?? (selected.searched ? countSearch(db, selected) : { total: countAll(db, selected), moreThanTotal: false });
  if (remembered) remembered.total = counted;
  const districts = (db.prepare(pendingDistricts).all() as { district: string }[]).map((r) => r.district);
  return {
    rows: rowsOf(db, selected, remembered),
    ...counted,
    districts,
  };
}

/** The query without its window: every page of one list shares what the memo holds. */
function memoKey({ offset: _offset, limit: _limit, ...list }: ParsedQueueQuery, context: QueueContext, plan: QueuePlan): string {
  return JSON.stringify({ list, plan, undecided: context.undecided });
}

function countAll(db: SqliteDb, { flags, listings, spec, all, params }: Selection): number {
  const sql = flags ? `SELECT count(DISTINCT f.listing_id) AS n ${flags}` : `SELECT count(*) AS n FROM ${listings} ${spec.join} WHERE ${all.join(' AND ')}`;
  return (db.prepare(sql).get(params) as { n: number }).n;
}

/**
 * A search's matches are counted up to SEARCH_COUNT_LIMIT; past it the page says "more than"
 * and the list ends there.
 *
 * Matches of three or more characters are counted from the text index's side: it gives them
 * in rowid order and each is one seek in the queue's rowid-ordered index, whose pages stay
 * cached, rather than a read of the listing. Not with a place filter (category and district
 * are not in that index, and the queue's place index narrows first) nor in queues without one.
 */
function countSearch(db: SqliteDb, { spec, query, textIndexed, listings, all, untexted, params }: Selection) {
  const matching = textIndexed && spec.byRowid && !query.category && !query.district
    ? `SELECT 1 FROM listings_fts m JOIN listings l INDEXED BY ${spec.byRowid} ON l.rowid = m.rowid ${spec.join} WHERE m.listings_fts MATCH @fts AND ${untexted.join(' AND ')}`
    : `SELECT 1 FROM ${listings} ${spec.join} WHERE ${all.join(' AND ')}`;
  const { n } = db.prepare(`SELECT count(*) AS n FROM (${matching} LIMIT ${SEARCH_COUNT_LIMIT + 1})`).get(params) as { n: number };
  return n > SEARCH_COUNT_LIMIT ? { total: SEARCH_COUNT_LIMIT, moreThanTotal: true } : { total: n, moreThanTotal: false };
}

/**
 * A pending or flagged page filtered by flag, oldest or newest first, as a range of the flag
 * rows themselves (migration 013: each carries its listing's status, escalation and creation
 * time): FROM and WHERE over listing_flags, or undefined where the listing's own columns are
 * needed (a sort by price or reports; a search, which selection() leaves out). A listing with two rules of one kind has two
 * rows; callers take distinct listings, which in this index order are neighbours.
 */
function flagRange(spec: QueueSpec, query: ParsedQueueQuery): string | undefined {
  if (!spec.flagIndex || !query.flag || (query.sort !== 'oldest' && query.sort !== 'newest')) return undefined;
  const where = [...spec.flagIndex.where, 'f.kind = @flag', notDismissed, 'f.listing_id NOT IN (SELECT value FROM json_each(@undecided))'];
  if (query.category) where.push('f.category = @category');
  if (query.district) where.push('f.district = @district');
  if (query.minAgeHours !== undefined) where.push('f.listing_created_at <= @cutoff');
  const index = query.category && query.district ? spec.flagIndex.byPlace : spec.flagIndex.all;
  return `FROM listing_flags f INDEXED BY ${index} WHERE ${where.join(' AND ')}`;
}

/** Fewer trigram matches than this: start from them; more: walk the queue in order and test each. */
const FEW_MATCHES = 2_000;

/**
 * Where a page starts. A rare word's trigram matches are the narrowest start: NOT INDEXED keeps
 * the planner from walking a whole queue's index (300k pending at 1M) and probing each row in
 * the match list; rowid lookups are still allowed under it. A common word is the other way
 * round: its matches (100k for "天河区") would each be looked up and sorted to show the oldest
 * 100, while the queue's index in order meets 100 of them at once.
 *
 * The reported and flagged queues have partial indexes of their own, but without statistics
 * the planner prefers the indexes it can match with equalities and reads every pending and
 * published row they lead to (800,000 for the whole tab) to test the counts; INDEXED BY names
 * the queue's own index, by place when a category or district is chosen.
 */
function listingsFor(db: SqliteDb, spec: QueueSpec, query: ParsedQueueQuery, textIndexed: boolean, params: Record<string, unknown>): string {
  if (textIndexed) {
    const { n } = db.prepare(`SELECT count(*) AS n FROM (SELECT rowid FROM listings_fts WHERE listings_fts MATCH @fts LIMIT ${FEW_MATCHES})`).get({ fts: params.fts }) as { n: number };
    if (n < FEW_MATCHES) return 'listings l NOT INDEXED';
  }
  return queueListings(spec, query);
}

function queueListings(spec: QueueSpec, place: { category?: string; district?: string }): string {
  if (!spec.index) return 'listings l';
  return `listings l INDEXED BY ${place.category || place.district ? spec.index.byPlace : spec.index.all}`;
}

/** The page's rows alone: what "next item" needs, without the counts around them. */
export function queueRows(db: SqliteDb, query: ParsedQueueQuery, context: QueueContext, plan: QueuePlan = 'fastest'): ModerationQueueRow[] {
  return rowsOf(db, selection(db, query, context, plan));
}

function rowsOf(db: SqliteDb, { spec, query, context, params, flags, listings, all }: Selection, remembered?: Remembered): ModerationQueueRow[] {
  // Oldest or newest first, a page can start where an earlier one ended (see QueueMemo); the
  // flag rows' pages are ranges of their own indexes, which OFFSET skips along cheaply.
  const keyed = remembered && !flags && (query.sort === 'oldest' || query.sort === 'newest') ? remembered : undefined;
  const anchor = keyed && anchorBefore(keyed, query.offset);
  const [after, beyond] = query.sort === 'oldest' ? ['>=', '>'] : ['<=', '<'];
  const where = anchor ? [...all, `${spec.queuedAt} ${after} @afterQueuedAt AND (${spec.queuedAt} ${beyond} @afterQueuedAt OR l.id ${beyond} @afterId)`] : all;
  // The page's keys: listing ids from the flag rows, or listing rowids from the queue's listings.
  const page = flags
    ? { select: `SELECT DISTINCT f.listing_id AS page_key, f.listing_created_at AS queued_at, NULL AS appeal_id ${flags} ORDER BY ${orderBy('f.listing_id')[query.sort]}`, key: 'l.id' }
    : {
        select: `SELECT l.rowid AS page_key, ${spec.queuedAt} AS queued_at, ${spec.appealId} AS appeal_id
          ${query.sort === 'most_reported' ? ', l.report_count AS report_count' : ''}
          FROM ${listings} ${spec.join}
          WHERE ${where.join(' AND ')} ORDER BY ${order[query.sort]}`,
        key: 'l.rowid',
      };
  // The page's 100 rows are chosen first, from the filter and sort keys alone, and only those
  // get their report and flag subqueries and claim: SQLite evaluates a SELECT list for every
  // row that passes WHERE before it sorts, so a common search term (6% of 1M listings) ran the
  // three subqueries 60,000 times to show 100. Same rows, same order.
  const rows = db
    .prepare(`
      SELECT l.id, l.title, l.category, l.district, l.price_fen, l.price_unit, l.created_at, l.version,
        p.queued_at AS queued_at, p.appeal_id AS appeal_id,
        l.report_count AS report_count,
        -- Only listings whose counts say there is something to read (migration 011): most have
        -- no report and no open flag, and each probe is a random read in a large index.
        CASE WHEN l.report_count > 0 THEN (SELECT group_concat(DISTINCT r.reason) FROM reports r WHERE r.listing_id = l.id) END AS report_reasons,
        CASE WHEN l.open_flags > 0 THEN (SELECT group_concat(DISTINCT f.kind) FROM listing_flags f WHERE f.listing_id = l.id AND ${notDismissed}) END AS flag_kinds,
        c.record AS claim, c.expires_at AS claim_expires
      FROM (${page.select} LIMIT @limit OFFSET @offset) p
      JOIN listings l ON ${page.key} = p.page_key LEFT JOIN claims c ON c.listing_id = l.id AND c.expires_at > @now
      ORDER BY ${order[query.sort]}`)
    .all({ ...params, limit: query.limit, offset: query.offset - (anchor?.at ?? 0), ...(anchor && { afterQueuedAt: anchor.queuedAt, afterId: anchor.id }) }) as RowShape[];
  const last = rows.at(-1);
  if (keyed && last?.queued_at) rememberAnchor(keyed, { at: query.offset + rows.length, queuedAt: last.queued_at, id: last.id });
  const overdueBefore = new Date(context.now.getTime() - targetHours[query.queue] * 3_600_000).toISOString();
  return rows.map((r) => toRow(r, overdueBefore, context.staffId));
}

function toRow(r: RowShape, overdueBefore: string, staffId: string): ModerationQueueRow {
  const claim = r.claim ? Claim.parse(JSON.parse(r.claim)) : null;
  return {
    id: r.id, title: r.title, category: r.category, district: r.district, priceFen: r.price_fen, priceUnit: r.price_unit,
    createdAt: r.created_at, queuedAt: r.queued_at, version: r.version, reportCount: r.report_count,
    reportReasons: r.report_reasons ? r.report_reasons.split(',') : [],
    flags: r.flag_kinds ? (r.flag_kinds.split(',') as ModerationQueueRow['flags']) : [],
    claim: claim && { holderName: claim.holder.displayName, expiresAt: claim.expiresAt, mine: claim.holder.staffId === staffId },
    overdue: r.queued_at < overdueBefore,
    appealId: r.appeal_id,
  };
}

/** A queue's size, its oldest item and how many are over the target age, without filters, on this connection (the benchmarks time it). */
export function summary(db: SqliteDb, queue: QueueKind, context: QueueContext): QueueSummary {
  const query = summaryQuery(queue, context);
  return query.summary(db.prepare(query.sql).get(query.params) as SummaryRow);
}

/**
 * The same, read through the cache's side connection: at a million listings each queue is a
 * scan of a few hundred thousand rows (seconds for the five), which must not hold the core.
 */
export async function summaryBeside(side: SideConnection, queue: QueueKind, context: QueueContext): Promise<QueueSummary> {
  const query = summaryQuery(queue, context);
  const [row] = await side.all<SummaryRow>(query.sql, query.params);
  return query.summary(row!);
}

interface SummaryRow { size: number; oldest: string | null; overdue: number | null }

function summaryQuery(queue: QueueKind, context: QueueContext) {
  const spec = queues[queue];
  const where = [...spec.where, notUndecided].join(' AND ');
  const overdueBefore = new Date(context.now.getTime() - targetHours[queue] * 3_600_000).toISOString();
  return {
    sql: `SELECT count(*) AS size, min(${spec.queuedAt}) AS oldest, sum(${spec.queuedAt} < @overdueBefore) AS overdue
          FROM ${queueListings(spec, {})} ${spec.join} WHERE ${where}`,
    params: { undecided: JSON.stringify(context.undecided), overdueBefore },
    summary: (row: SummaryRow): QueueSummary => ({ queue, size: row.size, oldestAt: row.oldest, overdue: row.overdue ?? 0, targetHours: targetHours[queue] }),
  };
}

export const parseQueueQuery = (query: ModerationQueueQuery): ParsedQueueQuery => QuerySchema.parse(query);
