import { createWorkingCalendar, shanghaiDateOf, type WorkingCalendar } from '../../../shared/calendar';
import { addDays } from '../../../shared/calendar/civil-date';
import type { ExecutionStep, RightsTicket } from '../../../shared/platform/rights-entities';
import { MAX_VERIFICATION_ATTEMPTS, type TicketState } from '../../../shared/rights/ticket-states';
import { demoStaffName } from '../services/demo-staff';
import { HOUR_MS, isoAt } from './calendar';

/** A seeded rights ticket told as a story: when it came in, and what staff did since, in hours after. */
export interface TicketStory {
  type: RightsTicket['type'];
  channel: RightsTicket['channel'];
  userId: string;
  nickname: string;
  phoneMasked: string;
  requester: RightsTicket['requester'];
  request: string;
  listingIds: string[];
  correction: RightsTicket['correction'];
  /** Working days between receipt and the anchor's date, on the mainland calendar. */
  workingDaysAgo: number;
  workingDays: number;
  intakeStaff: string;
  events: { state: TicketState; after: number; staff: string; note?: string }[];
  pauses: { from: number; to: number | null }[];
  verification: { method: RightsTicket['verification']['method']; attempts: number; verifiedAfter: number | null; secret?: string };
  refusal?: RightsTicket['refusal'];
  steps?: ExecutionStep[];
  accessPackage?: { sha256: string; files: { name: string; sha256: string }[]; after: number };
  reply?: { text: string; after: number; staff: string };
}

/** What the seed writes into rights_tickets, by column name. */
export type SeedTicketRow = Record<string, string | number | null>;

// The statutory holidays are enough to place "2 working days left" and "3 days overdue" honestly.
const calendar: WorkingCalendar = createWorkingCalendar([]);

/** Beijing 10:00 on the day that lies `workingDays` working days before the anchor's date. */
export function receivedMs(anchorMs: number, workingDays: number): number {
  const anchorDate = shanghaiDateOf(new Date(anchorMs).toISOString());
  let date = anchorDate;
  while (calendar.workingDaysBetween(date, anchorDate) < workingDays || date === anchorDate) date = addDays(date, -1);
  return Date.parse(`${date}T02:00:00Z`);
}

export function ticketRow(id: string, number: string, story: TicketStory, anchorMs: number): SeedTicketRow {
  const start = receivedMs(anchorMs, story.workingDaysAgo);
  const at = (hours: number) => isoAt(Math.min(anchorMs - 60_000, start + hours * HOUR_MS));
  const event = (state: TicketState, hours: number, staff: string, note = '') => ({ state, at: at(hours), staffId: staff, staffName: demoStaffName(staff), note });
  const history = [event('received', 0, story.intakeStaff), ...story.events.map((e) => event(e.state, e.after, e.staff, e.note))];
  const changes = [...history.map((e) => e.at), ...(story.reply ? [at(story.reply.after)] : [])];
  const lastEvent = history.at(-1)!;
  const execution =
    story.steps === undefined ? null : { at: lastEvent.at, outcome: 'completed', steps: story.steps, verified: true, failureReason: null };
  return {
    id, number, type: story.type, state: lastEvent.state, channel: story.channel, userId: story.userId,
    nickname: story.nickname, phoneMasked: story.phoneMasked, requester: JSON.stringify(story.requester), request: story.request,
    listingIds: JSON.stringify(story.listingIds), correction: story.correction ? JSON.stringify(story.correction) : null,
    receivedAt: at(0), workingDays: story.workingDays,
    pauses: JSON.stringify(story.pauses.map((p) => ({ from: at(p.from), to: p.to === null ? null : at(p.to) }))),
    history: JSON.stringify(history),
    verificationMethod: story.verification.method, verificationAttempts: Math.min(story.verification.attempts, MAX_VERIFICATION_ATTEMPTS),
    verificationSecret: story.verification.secret ?? null,
    verifiedAt: story.verification.verifiedAfter === null ? null : at(story.verification.verifiedAfter),
    refusalReason: story.refusal?.reasonCode ?? null, refusalNote: story.refusal?.note ?? null,
    execution: execution && JSON.stringify(execution),
    accessPackage: story.accessPackage
      ? JSON.stringify({ sha256: story.accessPackage.sha256, createdAt: at(story.accessPackage.after), files: story.accessPackage.files })
      : null,
    replyText: story.reply?.text ?? null, replySentAt: story.reply ? at(story.reply.after) : null, replyStaffId: story.reply?.staff ?? null,
    version: changes.length + (story.accessPackage ? 1 : 0), createdAt: at(0), updatedAt: changes.sort().at(-1)!,
  };
}
