import type { RightsDashboard } from '../../../shared/ipc/rights-views';
import { rightsRequestTypes, ticketStates, type RightsRequestType, type TicketState } from '../../../shared/rights/ticket-states';

/**
 * Open tickets as stacked bars: one bar per request type, one segment per state, both in the
 * order the domain lists them, leaving out types and states with nothing open.
 */
export function openTicketSeries(rows: RightsDashboard['openByTypeAndState']): { types: RightsRequestType[]; states: { state: TicketState; values: number[] }[] } {
  const count = (type: RightsRequestType, state: TicketState) => rows.filter((r) => r.type === type && r.state === state).reduce((sum, r) => sum + r.count, 0);
  const types = rightsRequestTypes.filter((type) => rows.some((r) => r.type === type && r.count > 0));
  const states = ticketStates
    .filter((state) => rows.some((r) => r.state === state && r.count > 0))
    .map((state) => ({ state, values: types.map((type) => count(type, state)) }));
  return { types, states };
}

/**
 * A week as the core names it: an ISO week ('2026-W47') or the date of its Monday
 * ('2026-11-16'). Null for anything else, which is then shown as it came.
 */
export type ChartWeek = { year: number; n: number } | { monday: string } | null;

export function parseWeek(week: string): ChartWeek {
  const iso = /^(\d{4})-W(\d{2})$/.exec(week);
  if (iso) return { year: Number(iso[1]), n: Number(iso[2]) };
  return /^\d{4}-\d{2}-\d{2}$/.test(week) ? { monday: week } : null;
}
