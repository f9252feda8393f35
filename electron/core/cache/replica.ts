import type { Change } from '../../../shared/platform/changes';
import type { FlagFeedback, Listing, ListingReport, PlatformUser } from '../../../shared/platform/entities';
import type { SqliteDb } from '../storage/migrations';
import { isModerationChange, ModerationRecords } from './moderation-records';
import { isRightsChange, RightsRecords } from './rights-records';
import { ListingFlagStore } from './listing-flags';
import { ListingTextIndex, type IndexedListing } from './listing-text-index';
import type { Statement } from 'better-sqlite3';
import { deferIndexesForFirstSync, deferredIndexBuilds } from './first-sync-indexes';
import type { SqlStep } from '../storage/side-connection';
import { WriterTurns } from '../storage/writer-turns';
import { QueueCounts, reportColumnsOnInsert } from './queue-counts';
import type { FlagRules } from '../../../shared/moderation/flags';
import { listingFromRow, listingParams, reportFromRow, userFromRow, type ListingRow, type ReportRow, type UserRow } from './rows';

/** A listing's parameters as the replica writes them, and the column each is stored in. */
const LISTING_COLUMNS = ([
  ['id', 'id'], ['sellerId', 'seller_id'], ['category', 'category'], ['title', 'title'], ['body', 'body'], ['priceFen', 'price_fen'],
  ['priceUnit', 'price_unit'], ['city', 'city'], ['district', 'district'], ['contactPhoneMasked', 'contact_phone_masked'],
  ['images', 'images'], ['status', 'status'], ['escalated', 'escalated'], ['displayUntil', 'display_until'], ['version', 'version'],
  ['createdAt', 'created_at'], ['updatedAt', 'updated_at'], ['priceGroup', 'price_group'],
] as const) satisfies readonly (readonly [string, string])[];

type ListingColumn = (typeof LISTING_COLUMNS)[number];
type StoredListing = Record<ListingColumn[1], unknown>;

/** A change the feed sent that did not pass validation, kept aside with why. */
export interface QuarantinedChange {
  entityType: string | null;
  entityId: string | null;
  reason: string;
  path: string;
  raw: unknown;
}

/** One feed page as the sync commits it. */
export interface PageToCommit {
  changes: readonly Change[];
  quarantined: readonly QuarantinedChange[];
  cursor: string;
  at: Date;
}

/** A page being written; see Replica.beginPage. */
export interface PageWrite {
  /** Applies changes until `budgetMs` has passed; true once every change of the page is applied. */
  applySlice(budgetMs: number): boolean;
  /**
   * Records the quarantined changes and the cursor; commits them, with the pages written before
   * it since the last commit, unless `keepOpen` (see Replica.beginPage).
   */
  finish(options?: { keepOpen?: boolean }): { resolved: number };
  /** Rolls back whatever the page wrote. */
  abandon(): void;
}

/**
 * The cache's replica of platform records. Writes come only from the change feed (and from the
 * platform's own answer to a delivered decision), so the replica never holds anything the
 * platform has not confirmed.
 */
export class Replica {
  private readonly statements;
  private readonly moderation: ModerationRecords;
  readonly rights: RightsRecords;
  readonly flags: ListingFlagStore;
  private readonly text: ListingTextIndex;
  private readonly counts: QueueCounts;
  /** A transaction opened by beginPage and not yet committed: pages are committed a few at a time. */
  private batchOpen = false;
  /** Shared with the feed writer's worker, when one writes the feed (see WriterTurns). */
  readonly turns = new WriterTurns();

  /** Open to the read models of this folder (queues, panels, dashboard), which query it directly. */
  constructor(readonly db: SqliteDb, flagRules?: FlagRules) {
    this.counts = new QueueCounts(db);
    this.moderation = new ModerationRecords(db, this.counts);
    this.rights = new RightsRecords(db);
    this.flags = new ListingFlagStore(db, this.counts, flagRules);
    this.text = new ListingTextIndex(db);
    this.statements = {
      listingRow: db.prepare('SELECT rowid, * FROM listings WHERE id = ?'),
      insertListing: db.prepare(`
        INSERT INTO listings (${LISTING_COLUMNS.map(([, column]) => column).join(', ')}, ${reportColumnsOnInsert.columns})
        VALUES (${LISTING_COLUMNS.map(([param]) => `@${param}`).join(', ')}, ${reportColumnsOnInsert.values})`),
      upsertUser: db.prepare(`
        INSERT INTO users (id, nickname, phone_masked, status, registered_at, last_login_at, risk_signals, strikes,
          restricted_until, version, updated_at)
        VALUES (@id, @nickname, @phoneMasked, @status, @registeredAt, @lastLoginAt, @riskSignals, @strikes,
          @restrictedUntil, @version, @updatedAt)
        ON CONFLICT(id) DO UPDATE SET nickname = excluded.nickname, phone_masked = excluded.phone_masked,
          status = excluded.status, registered_at = excluded.registered_at, last_login_at = excluded.last_login_at,
          risk_signals = excluded.risk_signals, strikes = excluded.strikes, restricted_until = excluded.restricted_until,
          version = excluded.version, updated_at = excluded.updated_at
        WHERE excluded.version >= users.version`),
      upsertReport: db.prepare(`
        INSERT INTO reports (id, listing_id, reporter_id, reason, note, created_at, version)
        VALUES (@id, @listingId, @reporterId, @reason, @note, @createdAt, @version)
        ON CONFLICT(id) DO UPDATE SET listing_id = excluded.listing_id, reporter_id = excluded.reporter_id,
          reason = excluded.reason, note = excluded.note, created_at = excluded.created_at, version = excluded.version
        WHERE excluded.version >= reports.version`),
      reportedListing: db.prepare('SELECT listing_id FROM reports WHERE id = ?').pluck(),
      deleteListing: db.prepare('DELETE FROM listings WHERE id = ?'),
      deleteUser: db.prepare('DELETE FROM users WHERE id = ?'),
      deleteReport: db.prepare('DELETE FROM reports WHERE id = ?'),
      quarantine: db.prepare(`
        INSERT INTO quarantine (entity_type, entity_id, reason, path, raw, quarantined_at)
        VALUES (@entityType, @entityId, @reason, @path, @raw, @at)`),
      resolveQuarantined: db.prepare('UPDATE quarantine SET resolved_at = ? WHERE entity_type = ? AND entity_id = ? AND resolved_at IS NULL'),
      openQuarantined: db.prepare('SELECT count(*) AS n FROM quarantine WHERE resolved_at IS NULL'),
      // A page with changes moves the queues' generation (migration 016); a poll that found nothing does not.
      saveCursor: db.prepare('UPDATE sync_state SET cursor = ?, last_synced_at = ?, queue_generation = queue_generation + ? WHERE id = 1'),
      state: db.prepare('SELECT cursor, last_synced_at FROM sync_state WHERE id = 1'),
    };
  }

  private apply(change: Change): void {
    if (isModerationChange(change)) {
      this.moderation.apply(change);
      return;
    }
    if (isRightsChange(change)) {
      this.rights.apply(change);
      return;
    }
    const s = this.statements;
    if (change.op === 'delete' || change.record === null) {
      if (change.entityType === 'listing') this.removeListing(change.id);
      else if (change.entityType === 'report') this.reportWritten(change.id, () => s.deleteReport.run(change.id));
      else s.deleteUser.run(change.id);
      return;
    }
    switch (change.entityType) {
      case 'listing':
        this.writeListing(change.record);
        return;
      case 'user':
        s.upsertUser.run({ ...change.record, riskSignals: JSON.stringify(change.record.riskSignals) });
        return;
      case 'report': {
        const report = change.record;
        this.reportWritten(report.id, () => s.upsertReport.run(report), report.listingId);
        return;
      }
    }
  }

  /** A report written or deleted: the listings it was and is on are counted again (it may have moved). */
  private reportWritten(id: string, write: () => unknown, listingId?: string): void {
    const before = this.statements.reportedListing.get(id) as string | undefined;
    write();
    for (const listing of new Set([before, listingId])) if (listing) this.counts.reportsChanged(listing);
  }

  /** A flag dismissed here, as the platform recorded it. */
  recordFlagFeedback(feedback: FlagFeedback): void {
    this.writing(() => this.moderation.applyFlagFeedback(feedback));
  }

  /**
   * A write on the core's thread, for records the platform answered a staff action with: one
   * transaction that takes the write lock before it reads (a listing's version is compared
   * before it is replaced, and the feed's worker may commit in between otherwise), with the
   * worker held back before its next transaction.
   */
  writing<T>(write: () => T): T {
    return this.turns.take(() => this.db.transaction(write).immediate());
  }

  /** A whole feed page in one transaction: its changes, its quarantined records and the cursor after it. */
  commitPage(changes: readonly Change[], quarantined: readonly QuarantinedChange[], cursor: string, at: Date): { resolved: number } {
    const write = this.beginPage({ changes, quarantined, cursor, at });
    write.applySlice(Infinity);
    return write.finish();
  }

  /**
   * A feed page lands whole or not at all: it is written in a transaction opened here (or by
   * the page before it, when that one's finish kept it open) and committed by finish() with
   * the page's quarantined records and the cursor after it, so a crash at any point resumes
   * from a page boundary without loss or repeats. In between, the changes are applied in
   * time-boxed slices and the core answers the console on the turns between them — a page
   * written at once held it for half a second and more. A sync commits a few pages at a time:
   * each commit writes every index page the pages touched, and at 200,000 listings commits of
   * one page were 30 % of a first sync. Whatever else writes the cache meanwhile (a delivered
   * decision's listing, a claim) joins this transaction; if a page fails it goes with it, and
   * the feed brings it again: the platform has it.
   */
  beginPage(page: PageToCommit): PageWrite {
    // IMMEDIATE: the page reads before it writes, and another writer's commit in between would make its first write fail.
    if (!this.batchOpen) this.db.exec('BEGIN IMMEDIATE');
    this.batchOpen = true;
    const when = page.at.toISOString();
    let resolved = 0;
    let next = 0;
    let anyOpen: boolean;
    const failed = (error: unknown): never => {
      this.rollBack();
      throw error;
    };
    try {
      // Checked once per page: while nothing is open (the usual case) no change pays for the lookup.
      anyOpen = (this.statements.openQuarantined.get() as { n: number }).n > 0;
    } catch (error) {
      return failed(error);
    }
    return {
      applySlice: (budgetMs) => {
        const started = performance.now();
        try {
          while (next < page.changes.length) {
            const change = page.changes[next]!;
            this.apply(change);
            // A good version of a quarantined record has arrived: the entry stays as history, resolved.
            if (anyOpen) resolved += this.statements.resolveQuarantined.run(when, change.entityType, change.id).changes;
            next += 1;
            if (performance.now() - started >= budgetMs) break;
          }
        } catch (error) {
          failed(error);
        }
        return next === page.changes.length;
      },
      finish: (options = {}) => {
        try {
          for (const q of page.quarantined) {
            this.statements.quarantine.run({ ...q, raw: JSON.stringify(q.raw) ?? 'undefined', at: when });
          }
          this.statements.saveCursor.run(page.cursor, when, page.changes.length > 0 ? 1 : 0);
          if (!options.keepOpen) this.commitPages();
        } catch (error) {
          failed(error);
        }
        return { resolved };
      },
      abandon: () => this.rollBack(),
    };
  }

  private rollBack(): void {
    this.batchOpen = false;
    if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** Whether pages are written and not yet committed (finish kept the transaction open). */
  get pagesPending(): boolean {
    return this.batchOpen;
  }

  /** Commits the pages finished so far, each with its cursor; nothing if none are pending. */
  commitPages(): void {
    if (!this.batchOpen) return;
    this.batchOpen = false;
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  /** A bounded step of upkeep on the text index after writes; true if there may be more. */
  tidyTextIndex(budgetMs: number): boolean {
    return this.text.tidy(budgetMs);
  }

  /** The platform's own answer to a decision is as good as a feed record; show it at once. */
  applyListing(listing: Listing): void {
    this.writing(() => this.writeListing(listing));
  }

  /**
   * A listing, its text index entry and its flags, together. An older version than the one
   * cached changes nothing (the feed can replay a page after a crash, and a decision's answer
   * can race the feed).
   */
  private writeListing(listing: Listing): void {
    const before = this.statements.listingRow.get(listing.id) as (StoredListing & IndexedListing) | undefined;
    if (before && before.version > listing.version) return;
    const params = this.listingParams(listing);
    if (before) {
      // Only the columns that changed: an UPDATE rewrites the entries of every index over any
      // column it sets, same value or not, and a listing has eleven. A price cut touched all of
      // them; now the two price indexes.
      const changed = LISTING_COLUMNS.filter(([param, column]) => params[param] !== before[column]);
      if (changed.length > 0) this.listingUpdate(changed).run({ ...params, rowid: before.rowid });
    }
    const rowid = before?.rowid ?? this.statements.insertListing.run(params).lastInsertRowid;
    this.text.written(before, rowid, listing.title, listing.body);
    this.flags.listingChanged(listing);
  }

  private readonly listingUpdates = new Map<string, Statement>();

  /** The UPDATE of exactly these columns, prepared once per set of columns. */
  private listingUpdate(columns: readonly ListingColumn[]): Statement {
    const key = columns.map(([param]) => param).join();
    let statement = this.listingUpdates.get(key);
    if (!statement) {
      statement = this.db.prepare(`UPDATE listings SET ${columns.map(([param, column]) => `${column} = @${param}`).join(', ')} WHERE rowid = @rowid`);
      this.listingUpdates.set(key, statement);
    }
    return statement;
  }

  private removeListing(id: string): void {
    this.flags.listingRemoved(id);
    this.text.removed(this.text.current(id));
    this.statements.deleteListing.run(id);
  }

  private listingParams(listing: Listing): Record<string, unknown> {
    return { ...listingParams(listing), priceGroup: this.flags.priceGroupOf(listing) };
  }

  /** An account as the platform answered an action on it. */
  applyUser(user: PlatformUser): void {
    this.writing(() => this.statements.upsertUser.run({ ...user, riskSignals: JSON.stringify(user.riskSignals) }));
  }

  syncState(): { cursor: string | null; lastSyncedAt: string | null } {
    const row = this.statements.state.get() as { cursor: string | null; last_synced_at: string | null };
    return { cursor: row.cursor, lastSyncedAt: row.last_synced_at };
  }

  /** Forget everything replicated (the feed was reset); the next sync starts from scratch. */
  reset(): void {
    this.writing(() => {
      this.text.clear();
      this.db.exec('DELETE FROM listings; DELETE FROM users; DELETE FROM reports; DELETE FROM listing_flags; UPDATE sync_state SET cursor = NULL');
      ModerationRecords.clear(this.db);
      RightsRecords.clear(this.db);
    });
  }

  /** At the start of a sync from nothing; see first-sync-indexes.ts. */
  deferIndexesForFirstSync(): void {
    deferIndexesForFirstSync(this.db);
  }

  /** The indexes a first sync left out, as the transactions that build them. */
  deferredIndexBuilds(): SqlStep[][] {
    return deferredIndexBuilds(this.db);
  }

  /** Quarantined records no good version has replaced yet: the ones still worth someone's attention. */
  quarantinedCount(): number {
    return (this.statements.openQuarantined.get() as { n: number }).n;
  }

  quarantined(): (QuarantinedChange & { id: number; quarantinedAt: string })[] {
    const rows = this.db.prepare('SELECT * FROM quarantine ORDER BY id').all() as {
      id: number; entity_type: string | null; entity_id: string | null; reason: string; path: string; raw: string; quarantined_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id, entityType: r.entity_type, entityId: r.entity_id, reason: r.reason, path: r.path,
      raw: JSON.parse(r.raw) as unknown, quarantinedAt: r.quarantined_at,
    }));
  }

  listing(id: string): Listing | undefined {
    const row = this.db.prepare('SELECT * FROM listings WHERE id = ?').get(id) as ListingRow | undefined;
    return row && listingFromRow(row);
  }

  user(id: string): PlatformUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && userFromRow(row);
  }

  otherListingCount(sellerId: string, exceptListingId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM listings WHERE seller_id = ? AND id <> ?').get(sellerId, exceptListingId) as { n: number }).n;
  }

  reportsOn(listingId: string): ListingReport[] {
    return (this.db.prepare('SELECT * FROM reports WHERE listing_id = ? ORDER BY created_at').all(listingId) as ReportRow[]).map(reportFromRow);
  }
}
