import type { ListingFlagView } from '../../../shared/ipc/moderation-views';
import { createFlagRules, flagListing, parseFlagConfig, type FlagRules } from '../../../shared/moderation/flags';
import type { Listing } from '../../../shared/platform/entities';
import keywords from '../../../resources/moderation/flag-keywords.json';
import type { SqliteDb } from '../storage/migrations';
import type { SideConnection } from '../storage/side-connection';
import { nextTurn } from '../next-turn';
import type { QueueCounts } from './queue-counts';
import { BUMP_QUEUE_GENERATION } from './queue-memo';

/** Price flags written per transaction when they are swapped in: a new flag also recounts its listing, ~50 ms a chunk of new ones here. */
const PRICE_FLAG_CHUNK = 500;

/** What a flag row repeats of its listing, for the flag-filtered queues (migrations 010 and 013). */
interface ListingFacts { category: string | null; district: string | null; listing_status: string | null; escalated: number | null; listing_created_at: string | null }
interface StoredFlag extends ListingFacts { rule: string; kind: string; spans: string; detail: string }

const FACTS = ['category', 'district', 'listing_status', 'escalated', 'listing_created_at'] as const;
const factsOf = (listing: Listing): ListingFacts => ({
  category: listing.category, district: listing.district, listing_status: listing.status, escalated: listing.escalated ? 1 : 0, listing_created_at: listing.createdAt,
});
const sameFacts = (a: ListingFacts, b: ListingFacts) => FACTS.every((column) => a[column] === b[column]);
const FLAG_COLUMNS = `listing_id, rule, kind, spans, detail, ${FACTS.join(', ')}`;
const FLAG_VALUES = FLAG_COLUMNS.split(', ').map((column) => `@${column}`).join(', ');

/** The one flag the rules over the whole cache set, after a sync; the text rules leave it alone. */
const PRICE_RULE = 'price.below_median';
export interface PriceFlagRow extends ListingFacts { listing_id: string; rule: string; kind: string; spans: string; detail: string }

/** A range of listing ids, `until` excluded (null: to the end), and the price flags they have now. */
export interface PriceFlagRange {
  from: string;
  until: string | null;
  flags: PriceFlagRow[];
}

/** Each listing priced far below the median of its kind of goods, with the figures that explain the flag. */
const PRICE_FLAGS = `
  WITH priced AS (
    SELECT category, price_unit, coalesce(price_group, '') AS price_group, price_fen,
      ROW_NUMBER() OVER (PARTITION BY category, price_unit, coalesce(price_group, '') ORDER BY price_fen) AS n,
      COUNT(*) OVER (PARTITION BY category, price_unit, coalesce(price_group, '')) AS total
    FROM listings WHERE price_fen IS NOT NULL AND status IN ('pending', 'published')
  ),
  medians AS (SELECT category, price_unit, price_group, price_fen AS median FROM priced WHERE n = (total + 1) / 2 AND total >= 5)
  SELECT l.id AS listing_id, 'price.below_median' AS rule, 'price_far_below_median' AS kind, '[]' AS spans,
    json_object('priceFen', l.price_fen, 'median', m.median, 'ratio', round(l.price_fen * 1.0 / m.median, 4),
      'percentBelow', CASE WHEN l.price_fen = 0 THEN 100 ELSE min(99, CAST(round(100 - 100.0 * l.price_fen / m.median) AS INTEGER)) END,
      'threshold', @threshold, 'category', l.category, 'priceUnit', l.price_unit, 'group', m.price_group) AS detail,
    l.category AS category, l.district AS district, l.status AS listing_status, l.escalated AS escalated, l.created_at AS listing_created_at
  FROM listings l JOIN medians m ON m.category = l.category AND m.price_unit = l.price_unit AND m.price_group = coalesce(l.price_group, '')
  WHERE l.status IN ('pending', 'published') AND l.price_fen IS NOT NULL AND m.median > 0
    AND l.price_fen <= @threshold * m.median`;

/** Listings cached before price groups existed: one seek in listings_ungrouped (migration 014), empty in a cache written since. */
export const UNGROUPED_LISTINGS = 'SELECT id, category, title FROM listings WHERE price_group IS NULL';

/** Flags matter only while a listing can still be acted on. */
const FLAGGABLE = new Set(['pending', 'published']);

let defaultRules: FlagRules | null = null;
/** The rules from the shipped keyword lists, compiled once per process. */
export function shippedFlagRules(): FlagRules {
  defaultRules ??= createFlagRules(parseFlagConfig(keywords));
  return defaultRules;
}

/**
 * Explainable flags stored per listing. Text rules run as each listing lands from the feed;
 * the price rule needs the medians of the whole cache, so it runs as one set-based pass after
 * a sync (see refreshPriceFlags).
 */
export class ListingFlagStore {
  private readonly statements;

  /** `counts`: the replica's, recounted whenever a listing's flags change. */
  constructor(private readonly db: SqliteDb, private readonly counts: QueueCounts, private readonly rules: FlagRules = shippedFlagRules()) {
    this.statements = {
      stored: db.prepare(`SELECT rule, kind, spans, detail, ${FACTS.join(', ')} FROM listing_flags WHERE listing_id = ?`),
      clearOne: db.prepare('DELETE FROM listing_flags WHERE listing_id = ? AND rule = ?'),
      clearAll: db.prepare('DELETE FROM listing_flags WHERE listing_id = ?'),
      insert: db.prepare(`INSERT OR REPLACE INTO listing_flags (${FLAG_COLUMNS}) VALUES (${FLAG_VALUES})`),
      // The price flag stays until the next price pass, but follows its listing (place, status) at once.
      facts: db.prepare(`UPDATE listing_flags SET ${FACTS.map((c) => `${c} = @${c}`).join(', ')} WHERE listing_id = @listing_id`),
      clearPrice: db.prepare(`DELETE FROM listing_flags WHERE listing_id = ? AND rule = '${PRICE_RULE}'`),
      priceFlagsBetween: db.prepare(`SELECT listing_id, detail, ${FACTS.join(', ')} FROM listing_flags WHERE rule = '${PRICE_RULE}' AND listing_id >= ? AND listing_id < ?`),
      priceFlagsFrom: db.prepare(`SELECT listing_id, detail, ${FACTS.join(', ')} FROM listing_flags WHERE rule = '${PRICE_RULE}' AND listing_id >= ?`),
      ofListing: db.prepare(`
        SELECT f.rule, f.kind, f.spans, f.detail,
          EXISTS (SELECT 1 FROM flag_feedback b WHERE b.listing_id = f.listing_id AND b.rule = f.rule) AS dismissed
        FROM listing_flags f WHERE f.listing_id = ? ORDER BY f.kind, f.rule`),
    };
  }

  /** Which kind of goods a listing's price is compared with ('' for its whole category). */
  priceGroupOf(listing: Pick<Listing, 'category' | 'title'>): string {
    return this.rules.priceGroupOf(listing);
  }

  /** Groups the listings cached before price groups existed (NULL), once, in one transaction. */
  groupUngroupedListings(): number {
    const rows = this.db.prepare(UNGROUPED_LISTINGS).all() as { id: string; category: Listing['category']; title: string }[];
    if (rows.length === 0) return 0;
    const update = this.db.prepare('UPDATE listings SET price_group = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const row of rows) update.run(this.rules.priceGroupOf(row), row.id);
    })();
    return rows.length;
  }

  /**
   * Re-flags a listing's text after it changed; a decided listing keeps no flags. Only the flags
   * that differ are written: each flag write recounts the listing's open flags (migration 011),
   * and an edit that leaves the flags as they were (most price cuts) should cost nothing here.
   */
  listingChanged(listing: Listing): void {
    if (!FLAGGABLE.has(listing.status)) {
      if (this.statements.clearAll.run(listing.id).changes > 0) this.counts.flagsChanged(listing.id);
      return;
    }
    const flags = this.statements.stored.all(listing.id) as StoredFlag[];
    const facts = factsOf(listing);
    if (flags.some((f) => !sameFacts(f, facts))) this.statements.facts.run({ ...facts, listing_id: listing.id });
    const stored = new Map(flags.filter((f) => f.rule !== PRICE_RULE).map((f) => [f.rule, f]));
    let written = false;
    for (const flag of flagListing(this.rules, listing, { medianPriceFen: null })) {
      const row = { rule: flag.rule, kind: flag.kind, spans: JSON.stringify(flag.spans), detail: JSON.stringify(flag.detail) };
      const before = stored.get(flag.rule);
      stored.delete(flag.rule);
      if (before && before.kind === row.kind && before.spans === row.spans && before.detail === row.detail) continue;
      this.statements.insert.run({ ...row, ...facts, listing_id: listing.id });
      written = true;
    }
    for (const gone of stored.keys()) this.statements.clearOne.run(listing.id, gone);
    if (written || stored.size > 0) this.counts.flagsChanged(listing.id);
  }

  listingRemoved(listingId: string): void {
    this.statements.clearAll.run(listingId);
  }

  /**
   * Price far below the median of its category, price unit and price group, over listings that
   * can still be acted on. Done in SQL with window functions: one pass over the cache instead of
   * a median per listing. All at once, on this connection: for tests and small caches.
   */
  refreshPriceFlags(): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM listing_flags WHERE rule = 'price.below_median'").run();
      this.db.prepare(`INSERT INTO listing_flags (${FLAG_COLUMNS}) SELECT ${FLAG_COLUMNS} FROM (${PRICE_FLAGS})`)
        .run({ threshold: this.rules.priceThreshold });
      this.counts.allFlagsChanged();
      this.db.prepare(BUMP_QUEUE_GENERATION).run();
    })();
  }

  /**
   * The same flags, as the console keeps them: the pass over the cache (seconds at a million
   * listings) reads through the side connection, and the result replaces the old flags a range
   * of listing ids at a time, between turns — each listing's price flag is swapped in one step.
   * Each range is written by `write`: the feed's writer, in its worker where one runs (after a
   * first sync the core's connection has none of the cache in memory, and the ranges written
   * there, read cold one after another, kept its thread busy for 0.1–1.3 s at a stretch); by
   * default here.
   */
  async refreshPriceFlagsBeside(side: SideConnection, chunkSize = PRICE_FLAG_CHUNK, write = (range: PriceFlagRange) => Promise.resolve(this.replacePriceFlags(range))): Promise<void> {
    const rows = await side.all<PriceFlagRow>(`${PRICE_FLAGS} ORDER BY listing_id`, { threshold: this.rules.priceThreshold });
    for (let at = 0; ; at += chunkSize) {
      // Ranges from '' through each chunk's successor's first id: together they cover every id once.
      const until = rows[at + chunkSize]?.listing_id ?? null;
      await write({ from: at === 0 ? '' : rows[at]!.listing_id, until, flags: rows.slice(at, at + chunkSize) });
      if (until === null) return;
      await nextTurn();
    }
  }

  /** One range of listing ids of the price pass: its price flags become `flags`, in one transaction. */
  replacePriceFlags({ from, until, flags }: PriceFlagRange): void {
    this.db.transaction(() => {
      const stored = (until === null ? this.statements.priceFlagsFrom.all(from) : this.statements.priceFlagsBetween.all(from, until)) as Omit<PriceFlagRow, 'rule' | 'kind' | 'spans'>[];
      const before = new Map(stored.map((f) => [f.listing_id, f]));
      // Only what changed is written: each flag write recounts its listing's open flags, and
      // from one pass to the next most price flags stay as they were.
      let changed = false;
      for (const row of flags) {
        const old = before.get(row.listing_id);
        before.delete(row.listing_id);
        if (old && old.detail === row.detail && sameFacts(old, row)) continue;
        this.statements.insert.run(row);
        changed = true;
        if (!old) this.counts.flagsChanged(row.listing_id);
      }
      for (const gone of before.keys()) {
        this.statements.clearPrice.run(gone);
        this.counts.flagsChanged(gone);
        changed = true;
      }
      // The pass runs on the writer's connection: readers of the queues learn of it by this (migration 016).
      // Prepared here, not with the statements above: the store also opens caches migrated only up
      // to an earlier version (the migrations' tests), which have no such column.
      if (changed) this.db.prepare(BUMP_QUEUE_GENERATION).run();
    }).immediate();
  }

  flagsOf(listingId: string): ListingFlagView[] {
    const rows = this.statements.ofListing.all(listingId) as { rule: string; kind: ListingFlagView['kind']; spans: string; detail: string; dismissed: number }[];
    return rows.map((r) => ({
      kind: r.kind,
      rule: r.rule,
      spans: JSON.parse(r.spans) as ListingFlagView['spans'],
      detail: JSON.parse(r.detail) as ListingFlagView['detail'],
      dismissed: r.dismissed === 1,
    }));
  }
}
