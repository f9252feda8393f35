import type { RightsTicket } from '../../../../shared/platform/rights-entities';
import {
  MAX_VERIFICATION_ATTEMPTS, type RefusalReason, type RightsRequestType, type TicketState, type VerificationMethod,
} from '../../../../shared/rights/ticket-states';
import type { PlatformDb } from '../../store/database';
import { requestHeld } from './legal-holds';

/** A ticket as stored; JSON columns hold what is only ever read and written with the ticket. */
export interface TicketRow {
  id: string; number: string; idempotency_key: string | null; request_hash: string | null;
  type: RightsRequestType; state: TicketState; channel: RightsTicket['channel']; user_id: string;
  user_nickname: string; user_phone_masked: string; requester: string; request: string; listing_ids: string;
  correction: string | null; received_at: string; working_days: number; pauses: string; history: string;
  verification_method: VerificationMethod | null; verification_attempts: number; verification_secret: string | null;
  verified_at: string | null; refusal_reason: RefusalReason | null; refusal_note: string | null;
  execution: string | null; access_package: string | null; reply_text: string | null; reply_sent_at: string | null;
  reply_staff_id: string | null; version: number; created_at: string; updated_at: string;
}

export type Pause = RightsTicket['pauses'][number];
export type TicketEvent = RightsTicket['history'][number];

export function findTicketRow(db: PlatformDb, id: string): TicketRow | undefined {
  return db.prepare('SELECT * FROM rights_tickets WHERE id = ?').get(id) as TicketRow | undefined;
}

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

interface TaskRow {
  id: string; processor_id: string; name: string; data_categories: string; requested_at: string;
  confirmed_at: string | null; confirmed_by_name: string | null; reference: string | null;
}

function processorTasks(db: PlatformDb, ticketId: string): RightsTicket['processorTasks'] {
  const rows = db
    .prepare(
      `SELECT t.id, t.processor_id, p.name, p.data_categories, t.requested_at, t.confirmed_at, t.reference, s.display_name AS confirmed_by_name
       FROM processor_tasks t JOIN processors p ON p.id = t.processor_id LEFT JOIN staff s ON s.id = t.confirmed_by
       WHERE t.ticket_id = ? ORDER BY t.processor_id`,
    )
    .all(ticketId) as TaskRow[];
  return rows.map((r) => ({
    id: r.id,
    processorId: r.processor_id,
    processorName: r.name,
    dataCategories: JSON.parse(r.data_categories) as string[],
    requestedAt: r.requested_at,
    confirmedAt: r.confirmed_at,
    confirmedByName: r.confirmed_by_name,
    reference: r.reference,
  }));
}

function attachments(db: PlatformDb, ticketId: string): RightsTicket['attachments'] {
  const rows = db
    .prepare('SELECT id, name, media_type, size_bytes, sha256 FROM rights_attachments WHERE ticket_id = ? ORDER BY ordinal')
    .all(ticketId) as { id: string; name: string; media_type: string; size_bytes: number; sha256: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, mediaType: r.media_type, sizeBytes: r.size_bytes, sha256: r.sha256 }));
}

function staffName(db: PlatformDb, staffId: string | null): string {
  if (staffId === null) return '';
  const row = db.prepare('SELECT display_name FROM staff WHERE id = ?').get(staffId) as { display_name: string } | undefined;
  return row?.display_name ?? staffId;
}

/**
 * The ticket as the contract describes it. `legalHold` is worked out at every read from the holds
 * in force now, so a hold placed, lifted or expired shows on the next read without touching the ticket.
 */
export function ticketRecord(db: PlatformDb, row: TicketRow, now: Date): RightsTicket {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    state: row.state,
    channel: row.channel,
    userId: row.user_id,
    userNickname: row.user_nickname,
    userPhoneMasked: row.user_phone_masked,
    requester: JSON.parse(row.requester) as RightsTicket['requester'],
    request: row.request,
    listingIds: JSON.parse(row.listing_ids) as string[],
    correction: parse<RightsTicket['correction']>(row.correction),
    attachments: attachments(db, row.id),
    receivedAt: row.received_at,
    workingDays: row.working_days,
    pauses: JSON.parse(row.pauses) as Pause[],
    history: JSON.parse(row.history) as TicketEvent[],
    verification: {
      method: row.verification_method,
      attempts: row.verification_attempts,
      maxAttempts: MAX_VERIFICATION_ATTEMPTS,
      verifiedAt: row.verified_at,
    },
    refusal: row.refusal_reason === null ? null : { reasonCode: row.refusal_reason, note: row.refusal_note ?? '' },
    legalHold: requestHeld(db, row.user_id, row.type, now),
    execution: parse<RightsTicket['execution']>(row.execution),
    processorTasks: processorTasks(db, row.id),
    accessPackage: parse<RightsTicket['accessPackage']>(row.access_package),
    reply:
      row.reply_text === null || row.reply_sent_at === null
        ? null
        : { text: row.reply_text, sentAt: row.reply_sent_at, staffName: staffName(db, row.reply_staff_id) },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
