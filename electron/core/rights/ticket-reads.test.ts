import { afterAll, describe, expect, it } from 'vitest';
import { openReplica } from '../../../test/fixtures/console-parts';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { ticketRecord } from '../../../test/fixtures/rights-tickets';
import { defaultCalendarDir, loadWorkingCalendar } from './holiday-calendar';
import { openDuplicates, rightsDashboard, ticketRows } from './ticket-reads';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const calendar = loadWorkingCalendar(defaultCalendarDir());
// Monday 30 November 2026, 10:00 in Guangzhou.
const now = new Date('2026-11-30T02:00:00.000Z');

describe('the rights ticket queue from the cache', () => {
  const { db, replica } = openReplica(folder.path);
  const overdue = ticketRecord({ receivedAt: '2026-10-28T02:00:00.000Z' });
  const dueSoon = ticketRecord({ receivedAt: '2026-11-11T02:00:00.000Z', type: 'cancellation' });
  const recent = ticketRecord({ receivedAt: '2026-11-27T02:00:00.000Z' });
  const paused = ticketRecord({ receivedAt: '2026-11-18T02:00:00.000Z', state: 'awaiting_verification', pauses: [{ from: '2026-11-18T03:00:00.000Z', to: null }] });
  const lateDecember = ticketRecord({ receivedAt: '2026-12-20T02:00:00.000Z', type: 'access', userId: 'usr_00002' });
  const closed = ticketRecord({
    receivedAt: '2026-11-02T02:00:00.000Z',
    state: 'completed',
    history: [
      { state: 'received', at: '2026-11-02T02:00:00.000Z', staffId: 'stf_0004', staffName: '赵敏', note: '' },
      { state: 'completed', at: '2026-11-06T02:00:00.000Z', staffId: 'stf_0004', staffName: '赵敏', note: '' },
    ],
  });
  for (const t of [recent, closed, lateDecember, dueSoon, paused, overdue]) replica.rights.applyTicket(t);

  it('lists open tickets most urgent first, with working days left on the mainland calendar', () => {
    const rows = ticketRows(db, { view: 'open' }, calendar, now);
    expect(rows.map((r) => r.id)).toEqual([overdue.id, dueSoon.id, recent.id, paused.id, lateDecember.id]);
    // 28 Oct + 15 working days (National Day is over; no holidays in November) = 18 Nov.
    expect(rows[0]!.deadline).toMatchObject({ dueDate: '2026-11-18', overdue: true, urgency: 'overdue', workingDaysLeft: -8 });
    expect(rows[1]!.deadline).toMatchObject({ dueDate: '2026-12-02', workingDaysLeft: 2, urgency: 'due-soon' });
    // Received Friday 27 Nov: Monday 30 Nov is day 1, so 18 Dec is day 15.
    expect(rows[2]!.deadline).toMatchObject({ dueDate: '2026-12-18', workingDaysLeft: 14, paused: false });
    // Paused since the day it arrived: counted as if the requester answered today, so day 1 is 1 Dec.
    expect(rows[3]!.deadline).toMatchObject({ dueDate: '2026-12-21', paused: true });
    expect(rows.at(-1)!.deadline).toMatchObject({ provisional: true });
    expect(rows.find((r) => r.id === recent.id)!.deadline!.provisional).toBe(false);
  });

  it('keeps closed tickets out of the open view, without a clock, and finds by number, nickname or masked phone', () => {
    const closedRows = ticketRows(db, { view: 'closed' }, calendar, now);
    expect(closedRows.map((r) => r.id)).toEqual([closed.id]);
    expect(closedRows[0]!.deadline).toBeNull();
    expect(ticketRows(db, { view: 'all', search: overdue.number }, calendar, now).map((r) => r.id)).toEqual([overdue.id]);
    expect(ticketRows(db, { view: 'all', search: '135****7162', type: 'cancellation' }, calendar, now).map((r) => r.id)).toEqual([dueSoon.id]);
  });

  it('shows open tickets of the same type for the same account before another is created', () => {
    expect(openDuplicates(db, 'usr_00001', 'deletion', calendar, now).map((r) => r.id)).toEqual([overdue.id, recent.id, paused.id]);
    expect(openDuplicates(db, 'usr_00002', 'deletion', calendar, now)).toEqual([]);
  });

  it('summarises the work: due this week, overdue, time to complete, on-time rate, received per week', () => {
    const dashboard = rightsDashboard(db, calendar, now);
    expect(dashboard.overdue).toBe(1);
    expect(dashboard.dueThisWeek).toBe(1);
    expect(dashboard.medianDaysToComplete).toBe(4);
    expect(dashboard.onTimeRate).toBe(1);
    expect(dashboard.openByTypeAndState).toContainEqual({ type: 'deletion', state: 'in_review', count: 2 });
    expect(dashboard.receivedPerWeek.find((w) => w.week === '2026-11-09')).toEqual({ week: '2026-11-09', count: 1 });
    expect(dashboard.receivedPerWeek.at(-1)).toEqual({ week: '2026-11-30', count: 0 });
    expect(dashboard.receivedPerWeek.find((w) => w.week === '2026-11-16')).toEqual({ week: '2026-11-16', count: 1 });
    db.close();
  });
});
