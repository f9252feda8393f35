import { compareByUrgency, computeDeadline, shanghaiDateOf, urgency, type Deadline, type WorkingCalendar } from '../../../shared/calendar';
import type { RightsDashboard, TicketDeadline, TicketRow } from '../../../shared/ipc/rights-views';
import { RightsTicket } from '../../../shared/platform/rights-entities';
import { isOpen, type RightsRequestType } from '../../../shared/rights/ticket-states';
import type { SqliteDb } from '../storage/migrations';

type TicketQuery = { view: 'open' | 'closed' | 'all'; type?: RightsRequestType; search?: string };

const parseTicket = (row: { record: string }) => RightsTicket.parse(JSON.parse(row.record));

/** The clock as the calendar functions take it: an open pause has no end. */
export function deadlineOf(ticket: RightsTicket, calendar: WorkingCalendar, now: Date): TicketDeadline | null {
  if (!isOpen(ticket.state)) return null;
  const clock = { receivedAt: ticket.receivedAt, workingDays: ticket.workingDays, pauses: ticket.pauses.map((p) => (p.to ? { from: p.from, to: p.to } : { from: p.from })) };
  const deadline = computeDeadline(calendar, clock, now.toISOString());
  return { ...deadline, urgency: urgency(deadline) };
}

export function ticketById(db: SqliteDb, ticketId: string): RightsTicket | null {
  const row = db.prepare('SELECT record FROM rights_tickets WHERE id = ?').get(ticketId) as { record: string } | undefined;
  return row ? parseTicket(row) : null;
}

export function rowOf(ticket: RightsTicket, deadline: TicketDeadline | null): TicketRow {
  const { id, number, type, state, channel, userId, userNickname, userPhoneMasked, receivedAt, legalHold, updatedAt } = ticket;
  return { id, number, type, state, channel, userId, userNickname, userPhoneMasked, receivedAt, legalHold, updatedAt, requesterName: ticket.requester.name, deadline };
}

/** Open tickets first by urgency (overdue, due soon, then by due date); closed ones newest first. */
function byUrgency(a: TicketRow, b: TicketRow): number {
  if (a.deadline && b.deadline) return compareByUrgency(a.deadline as Deadline, b.deadline as Deadline) || a.receivedAt.localeCompare(b.receivedAt);
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

function matches(ticket: RightsTicket, search: string): boolean {
  const needle = search.trim().toLowerCase();
  return ticket.number.toLowerCase().includes(needle) || ticket.userNickname.toLowerCase().includes(needle) || ticket.userPhoneMasked === needle || ticket.requester.name.includes(search.trim());
}

export function ticketRows(db: SqliteDb, query: TicketQuery, calendar: WorkingCalendar, now: Date): TicketRow[] {
  const rows = db.prepare(`SELECT record FROM rights_tickets ${query.type ? 'WHERE type = ?' : ''}`).all(...(query.type ? [query.type] : [])) as { record: string }[];
  return rows
    .map(parseTicket)
    .filter((t) => query.view === 'all' || (query.view === 'open') === isOpen(t.state))
    .filter((t) => !query.search || matches(t, query.search))
    .map((t) => rowOf(t, deadlineOf(t, calendar, now)))
    .sort(byUrgency);
}

/** Open tickets of a type for an account: a second one for the same request is usually a repeat call. */
export function openDuplicates(db: SqliteDb, userId: string, type: RightsRequestType, calendar: WorkingCalendar, now: Date): TicketRow[] {
  const rows = db.prepare('SELECT record FROM rights_tickets WHERE user_id = ? AND type = ?').all(userId, type) as { record: string }[];
  return rows.map(parseTicket).filter((t) => isOpen(t.state)).map((t) => rowOf(t, deadlineOf(t, calendar, now))).sort(byUrgency);
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The Monday (Shanghai date) of the week a date falls in. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

const WEEKS_CHARTED = 12;

export function rightsDashboard(db: SqliteDb, calendar: WorkingCalendar, now: Date): RightsDashboard {
  const tickets = (db.prepare('SELECT record FROM rights_tickets').all() as { record: string }[]).map(parseTicket);
  const open = tickets.filter((t) => isOpen(t.state));
  const counts = new Map<string, { type: RightsRequestType; state: RightsTicket['state']; count: number }>();
  for (const t of open) {
    const key = `${t.type}/${t.state}`;
    counts.set(key, { type: t.type, state: t.state, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  const today = shanghaiDateOf(now.toISOString());
  const sunday = new Date(`${mondayOf(today)}T00:00:00Z`);
  sunday.setUTCDate(sunday.getUTCDate() + 6);
  const endOfWeek = sunday.toISOString().slice(0, 10);
  const deadlines = open.map((t) => deadlineOf(t, calendar, now)!);
  // A closed ticket was on time if its clock, stopped when it closed, was not overdue.
  const closed = tickets.filter((t) => !isOpen(t.state)).map((t) => ({ ticket: t, closedAt: t.history.at(-1)!.at }));
  const onTime = closed.filter(({ ticket, closedAt }) => !deadlineOf({ ...ticket, state: 'in_review' }, calendar, new Date(closedAt))!.overdue).length;
  const completed = closed.filter(({ ticket }) => ticket.state === 'completed');
  const days = completed.map(({ ticket, closedAt }) => (Date.parse(closedAt) - Date.parse(ticket.receivedAt)) / 86_400_000);
  const firstWeek = new Date(`${mondayOf(today)}T00:00:00Z`);
  firstWeek.setUTCDate(firstWeek.getUTCDate() - 7 * (WEEKS_CHARTED - 1));
  const weeks = Array.from({ length: WEEKS_CHARTED }, (_, i) => new Date(firstWeek.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10));
  const perWeek = new Map(weeks.map((w) => [w, 0]));
  for (const t of tickets) {
    const week = mondayOf(shanghaiDateOf(t.receivedAt));
    if (perWeek.has(week)) perWeek.set(week, perWeek.get(week)! + 1);
  }
  const medianDays = median(days);
  return {
    openByTypeAndState: [...counts.values()].sort((a, b) => a.type.localeCompare(b.type) || a.state.localeCompare(b.state)),
    dueThisWeek: deadlines.filter((d) => !d.overdue && d.dueDate <= endOfWeek).length,
    overdue: deadlines.filter((d) => d.overdue).length,
    medianDaysToComplete: medianDays === null ? null : Math.round(medianDays * 10) / 10,
    onTimeRate: closed.length ? onTime / closed.length : null,
    receivedPerWeek: weeks.map((week) => ({ week, count: perWeek.get(week)! })),
  };
}

