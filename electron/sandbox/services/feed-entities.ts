import type { EntityType } from '../../../shared/platform/changes';
import type { Scope } from '../../../shared/platform/roles';
import type { PlatformDb } from '../store/database';
import {
  accountActionRecord, appealRecord, claimRecord, decisionRecord, flagFeedbackRecord, listingRecord, reportRecord, userRecord,
  SELECT_ACCOUNT_ACTION, SELECT_APPEAL, SELECT_CLAIM, SELECT_DECISION, SELECT_FLAG_FEEDBACK,
  type AccountActionRow, type AppealRow, type ClaimRow, type DecisionRow, type FlagFeedbackRow, type ListingRow, type ReportRow, type UserRow,
} from './records';
import { disclosureRecord, findDisclosureRow } from './legal/disclosure-record';
import { holdRecord, SELECT_HOLD, type HoldRow } from './rights/legal-holds';
import { processorRecord, type ProcessorRow } from './rights/processors';
import { findTicketRow, ticketRecord } from './rights/ticket-record';

interface FeedEntity {
  /** The scope a caller needs to see this kind of entity in the feed. */
  scope: Scope;
  /** The record as it is now, with the version the feed reports; undefined when it is gone. */
  load(db: PlatformDb, id: string, seq: number, now: Date): { version: number; record: unknown } | undefined;
}

/** Loads one row and maps it; records without a version of their own take their feed position. */
function loader<Row>(sql: string, map: (row: Row) => unknown, version?: (row: Row) => number): FeedEntity['load'] {
  // Prepared once per database: a feed page loads a thousand records.
  const statements = new WeakMap<PlatformDb, ReturnType<PlatformDb['prepare']>>();
  return (db, id, seq) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = db.prepare(sql)));
    const row = statement.get(id) as Row | undefined;
    return row === undefined ? undefined : { version: version ? version(row) : seq, record: map(row) };
  };
}

export const feedEntities: Record<EntityType, FeedEntity> = {
  listing: { scope: 'listings:read', load: loader<ListingRow>('SELECT * FROM listings WHERE id = ?', listingRecord, (r) => r.version) },
  user: { scope: 'users:read', load: loader<UserRow>('SELECT * FROM users WHERE id = ?', userRecord, (r) => r.version) },
  report: { scope: 'reports:read', load: loader<ReportRow>('SELECT * FROM reports WHERE id = ?', reportRecord, (r) => r.version) },
  claim: { scope: 'moderation:claim', load: loader<ClaimRow>(`${SELECT_CLAIM} WHERE c.listing_id = ?`, claimRecord) },
  decision: { scope: 'listings:read', load: loader<DecisionRow>(`${SELECT_DECISION} WHERE d.id = ?`, decisionRecord) },
  account_action: { scope: 'users:read', load: loader<AccountActionRow>(`${SELECT_ACCOUNT_ACTION} WHERE a.id = ?`, accountActionRecord) },
  appeal: { scope: 'appeals:decide', load: loader<AppealRow>(`${SELECT_APPEAL} WHERE a.id = ?`, appealRecord, (r) => r.version) },
  flag_feedback: { scope: 'listings:read', load: loader<FlagFeedbackRow>(`${SELECT_FLAG_FEEDBACK} WHERE f.id = ?`, flagFeedbackRecord) },
  rights_ticket: {
    scope: 'rights:read',
    // A ticket says whether a hold applies as of now, so it needs the clock.
    load: (db, id, _seq, now) => {
      const row = findTicketRow(db, id);
      return row === undefined ? undefined : { version: row.version, record: ticketRecord(db, row, now) };
    },
  },
  // Holds and processors are legal staff's records: a CS agent only ever sees a ticket's yes/no.
  legal_hold: { scope: 'legal:read', load: loader<HoldRow>(`${SELECT_HOLD} WHERE h.id = ?`, holdRecord, (r) => r.version) },
  processor: { scope: 'legal:read', load: loader<ProcessorRow>('SELECT * FROM processors WHERE id = ?', processorRecord, (r) => r.version) },
  // The register is legal staff's and the DPO's; moderators must never see it (PRODUCT.md, who uses it).
  disclosure: {
    scope: 'legal:read',
    load: (db, id) => {
      const row = findDisclosureRow(db, id);
      return row === undefined ? undefined : { version: row.version, record: disclosureRecord(db, row) };
    },
  },
};
