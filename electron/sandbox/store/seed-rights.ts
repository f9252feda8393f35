import { addDays, shanghaiDateOf } from '../../../shared/calendar/civil-date';
import { DEFAULT_DISPLAY_GRACE_DAYS } from '../../../shared/rights/retention-policy';
import type * as Generator from '../seed';
import type { TicketAccount, TicketAccounts } from '../seed';
import { workingDaysFor, type DeadlineConfig } from '../services/rights/deadline-config';
import type { PlatformDb } from './database';

const HOLDS = 4;
/** The overdue cancellation reuses the disclosure hold's account, so seven more. */
const TICKETS = 7;

/** Listings probed for accounts: a fixed stride through the table, so picking costs no scan. */
const PROBES = 600;
const STRIDE = 7919;

/**
 * Distinct accounts for holds and tickets, those with listings past their display period first
 * (a held one must show in the retention view); small worlds fall back to any account.
 */
function pickAccounts(db: PlatformDb, cutoff: string, want: number): TicketAccount[] {
  const n = (db.prepare('SELECT max(rowid) AS n FROM listings').get() as { n: number | null }).n ?? 0;
  const probe = db.prepare('SELECT seller_id, display_until FROM listings WHERE rowid = ?');
  const due = new Set<string>();
  const others = new Set<string>();
  for (let k = 0; k < PROBES && n > 0 && due.size < want; k++) {
    const listing = probe.get(1 + ((k * STRIDE) % n)) as { seller_id: string; display_until: string } | undefined;
    if (listing) (listing.display_until <= cutoff ? due : others).add(listing.seller_id);
  }
  const everyone = (db.prepare('SELECT id FROM users ORDER BY id LIMIT ?').all(want * 2) as { id: string }[]).map((u) => u.id);
  const ids = [...new Set([...due, ...others, ...everyone])].slice(0, want);
  const user = db.prepare('SELECT id, nickname, phone FROM users WHERE id = ?');
  const listingsOf = db.prepare('SELECT id FROM listings WHERE seller_id = ? ORDER BY id LIMIT 3');
  return ids.map((id) => ({
    ...(user.get(id) as { id: string; nickname: string; phone: string }),
    listingIds: (listingsOf.all(id) as { id: string }[]).map((l) => l.id),
  }));
}

/**
 * The rights side of the seeded world: processors, legal holds and tickets, each in the change
 * feed like every other entity. Holds go on the first four accounts; the disclosure hold's account
 * also has the overdue cancellation it blocks.
 */
export function seedRightsRecords(
  db: PlatformDb,
  generator: Pick<typeof Generator, 'seedLegalHolds' | 'seedProcessors' | 'seedTickets'>,
  seed: number,
  anchor: Date,
  deadlines: DeadlineConfig,
): void {
  const { seedLegalHolds, seedProcessors, seedTickets } = generator;
  const anchorMs = anchor.getTime();
  const cutoff = addDays(shanghaiDateOf(anchor.toISOString()), -DEFAULT_DISPLAY_GRACE_DAYS);
  const accounts = pickAccounts(db, cutoff, HOLDS + TICKETS);
  const feed = db.prepare("INSERT INTO feed (entity_type, entity_id, op) VALUES (?, ?, 'upsert')");

  const insertProcessor = db.prepare(`
    INSERT INTO processors (id, name, kind, data_categories, purpose, agreement_date, review_date, deletion_contact, version)
    VALUES (@id, @name, @kind, @dataCategories, @purpose, @agreementDate, @reviewDate, @deletionContact, 1)`);
  for (const p of seedProcessors(anchorMs)) {
    insertProcessor.run({ ...p, dataCategories: JSON.stringify(p.dataCategories) });
    feed.run('processor', p.id);
  }

  const insertHold = db.prepare(`
    INSERT INTO legal_holds (id, user_id, source, reference, reason, scope, placed_by, placed_at, expires_at, lifted_at, lifted_by, lift_reason, version)
    VALUES (@id, @userId, @source, @reference, @reason, @scope, @placedBy, @placedAt, @expiresAt, @liftedAt, @liftedBy, @liftReason, @version)`);
  for (const h of seedLegalHolds(anchorMs, accounts.slice(0, HOLDS).map((a) => a.id))) {
    insertHold.run({ ...h, scope: JSON.stringify(h.scope), version: h.liftedAt === null ? 1 : 2 });
    feed.run('legal_hold', h.id);
  }

  // The cancellation that waits on a hold is the disclosure hold's account (the third hold).
  const [, , disclosed, , a, b, c, d, e, f, g] = accounts;
  const onTickets: TicketAccounts = [a!, b!, c!, disclosed!, d!, e!, f!, g!];
  const seeded = seedTickets(seed, anchorMs, onTickets, (type) => workingDaysFor(deadlines, type));
  const insertTicket = db.prepare(`
    INSERT INTO rights_tickets (id, number, type, state, channel, user_id, user_nickname, user_phone_masked, requester, request, listing_ids,
      correction, received_at, working_days, pauses, history, verification_method, verification_attempts, verification_secret, verified_at,
      refusal_reason, refusal_note, execution, access_package, reply_text, reply_sent_at, reply_staff_id, version, created_at, updated_at)
    VALUES (@id, @number, @type, @state, @channel, @userId, @nickname, @phoneMasked, @requester, @request, @listingIds,
      @correction, @receivedAt, @workingDays, @pauses, @history, @verificationMethod, @verificationAttempts, @verificationSecret, @verifiedAt,
      @refusalReason, @refusalNote, @execution, @accessPackage, @replyText, @replySentAt, @replyStaffId, @version, @createdAt, @updatedAt)`);
  for (const t of seeded.tickets) {
    insertTicket.run(t);
    feed.run('rights_ticket', t.id);
  }
  const insertSms = db.prepare('INSERT INTO sms_messages (ticket_id, phone, text, code, at) VALUES (@ticketId, @phone, @text, @code, @at)');
  for (const m of seeded.sms) insertSms.run(m);
  const rename = db.prepare('UPDATE users SET nickname = ?, version = version + 1 WHERE id = ?');
  for (const n of seeded.nicknames) rename.run(n.nickname, n.userId);
}
