import type { RightsTicket } from '../../../../shared/platform/rights-entities';
import { canMove, type TicketState } from '../../../../shared/rights/ticket-states';
import { signedInStaff, type RequestContext } from '../../http/context';
import { ApiFailure } from '../../http/failure';
import { appendAudit } from '../audit';
import { recordChange } from '../change-log';
import { findTicketRow, ticketRecord, type Pause, type TicketEvent, type TicketRow } from './ticket-record';

/** The ticket an action was based on: it exists, and nobody changed it since the caller read it. */
export function ticketAt(ctx: RequestContext, ticketId: string, basedOnVersion: number): TicketRow {
  const row = findTicketRow(ctx.db, ticketId);
  if (!row) throw new ApiFailure('not_found', `no rights ticket ${ticketId}`, { path: 'params.ticketId' });
  if (row.version !== basedOnVersion) {
    throw new ApiFailure('stale_version', `the ticket is at version ${row.version}, the action was based on ${basedOnVersion}`, {
      path: 'body.basedOnVersion',
    });
  }
  return row;
}

export function invalidTransition(row: TicketRow, what: string): ApiFailure {
  return new ApiFailure('invalid_transition', `cannot ${what} a ${row.type} ticket that is ${row.state}`);
}

/** Refuses a move the state machine (shared/rights/ticket-states) does not list. */
export function requireMove(row: TicketRow, to: TicketState, what: string): void {
  if (!canMove(row.state, to)) throw invalidTransition(row, what);
}

export function openPause(pauses: readonly Pause[], at: string): Pause[] {
  return pauses.some((p) => p.to === null) ? [...pauses] : [...pauses, { from: at, to: null }];
}

export function closePause(pauses: readonly Pause[], at: string): Pause[] {
  return pauses.map((p) => (p.to === null ? { from: p.from, to: at } : p));
}

export type Column = Exclude<keyof TicketRow, 'id' | 'state' | 'history' | 'version' | 'updated_at'>;

export interface TicketWrite {
  /** Columns to set; names come from this code, never from a request. */
  set?: Partial<Record<Column, string | number | null>>;
  /** History events in order; the last one's state becomes the ticket's. */
  events?: { state: TicketState; note?: string }[];
  audit: { action: string; detail?: Record<string, unknown> };
}

/**
 * Every change to a ticket goes through here: one new version, the staff member on each event,
 * a row in the change feed and an event in the audit trail with the ticket as its subject.
 * Call inside the transaction of the action.
 */
export function saveTicket(ctx: RequestContext, row: TicketRow, write: TicketWrite): RightsTicket {
  const staff = signedInStaff(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const added: TicketEvent[] = (write.events ?? []).map((e) => ({ state: e.state, at, staffId: staff.id, staffName: staff.displayName, note: e.note ?? '' }));
  const history = [...(JSON.parse(row.history) as TicketEvent[]), ...added];
  const set = { ...write.set, state: added.at(-1)?.state ?? row.state, history: JSON.stringify(history), updated_at: at };
  const columns = Object.keys(set);
  ctx.db
    .prepare(`UPDATE rights_tickets SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1 WHERE id = @id`)
    .run({ ...set, id: row.id });
  recordChange(ctx.db, 'rights_ticket', row.id);
  appendAudit(ctx.db, {
    at: now,
    staffId: staff.id,
    action: write.audit.action,
    subject: `rights_ticket:${row.id}`,
    detail: { number: row.number, from: row.state, to: set.state, ...write.audit.detail },
  });
  return ticketRecord(ctx.db, findTicketRow(ctx.db, row.id)!, now);
}
