import { describe, expect, it } from 'vitest';
import cn2025 from '../../resources/calendar/cn-2025.json';
import cn2026 from '../../resources/calendar/cn-2026.json';
import { parseOfficialSchedule } from './calendar-file';
import { compareByUrgency, rightsRequestClockSchema, urgency, type Deadline, type RightsRequestClock } from './deadline';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar([parseOfficialSchedule(cn2025), parseOfficialSchedule(cn2026)]);
/** A 15-working-day request received at `receivedAt`, never paused. */
const request = (receivedAt: string, pauses: RightsRequestClock['pauses'] = []): RightsRequestClock => ({ receivedAt, workingDays: 15, pauses });
const dueDateOf = (clock: RightsRequestClock, now = clock.receivedAt) => calendar.deadline(clock, now).dueDate;

describe('due dates across the 2025 and 2026 holidays', () => {
  it('crosses Spring Festival 2025 and counts the make-up Sunday 01-26 and Saturday 02-08', () => {
    // 01-21…24, 26, 27 (6); 01-28…02-04 off; 02-05…07, 08 (10); 02-10…14 (15).
    const deadline = calendar.deadline(request('2025-01-20T02:00:00Z'), '2025-01-20T02:00:00Z');
    expect(deadline).toEqual({ dueDate: '2025-02-14', workingDaysLeft: 15, overdue: false, paused: false, provisional: false });
  });

  it('crosses National Day 2025 with the make-up days 09-28 and 10-11', () => {
    // 09-26, 28, 29, 30 (4); 10-01…08 off; 10-09, 10, 11 (7); 10-13…17 (12); 10-20…22 (15).
    expect(dueDateOf(request('2025-09-25T01:00:00Z'))).toBe('2025-10-22');
  });

  it('crosses Spring Festival 2026 with the make-up Saturdays 02-14 and 02-28', () => {
    // 02-10…13, 14 (5); 02-15…23 off; 02-24…27, 28 (10); 03-02…06 (15).
    expect(dueDateOf(request('2026-02-09T01:00:00Z'))).toBe('2026-03-06');
  });

  it('crosses Mid-Autumn and National Day 2026 with the make-up days 09-20 and 10-10', () => {
    // 09-18, 20…24 (6); 09-25…27 off; 09-28…30 (9); 10-01…07 off; 10-08, 09, 10 (12); 10-12…14 (15).
    expect(dueDateOf(request('2026-09-17T01:00:00Z'))).toBe('2026-10-14');
  });

  it('crosses New Year 2026, counting the make-up Sunday 01-04, and stays official across the year end', () => {
    const deadline = calendar.deadline(request('2025-12-29T01:00:00Z'), '2025-12-29T01:00:00Z');
    expect(deadline).toMatchObject({ dueDate: '2026-01-20', provisional: false });
  });
});

describe('the day of receipt', () => {
  it('is the Shanghai date: 23:59 in Shanghai is still that day, midnight is the next', () => {
    // 2025-01-20T15:59:59Z is 23:59:59 on 01-20 in Shanghai; 16:00Z is 00:00 on 01-21, while UTC still says 01-20.
    expect(dueDateOf(request('2025-01-20T15:59:59Z'))).toBe('2025-02-14');
    expect(dueDateOf(request('2025-01-20T16:00:00Z'))).toBe('2025-02-17');
    expect(dueDateOf(request('2025-01-21T00:30:00+08:00'))).toBe('2025-02-17');
  });

  it('is not counted, even on a working day; on a holiday the count starts at the next working day', () => {
    expect(dueDateOf({ receivedAt: '2025-03-03T01:00:00Z', workingDays: 1, pauses: [] })).toBe('2025-03-04');
    expect(dueDateOf({ receivedAt: '2025-10-03T01:00:00Z', workingDays: 1, pauses: [] })).toBe('2025-10-09');
    expect(dueDateOf({ receivedAt: '2025-03-07T01:00:00Z', workingDays: 1, pauses: [] })).toBe('2025-03-10');
  });
});

describe('pauses while the requester is being waited on', () => {
  // Received Monday 2025-03-03; unpaused it is due 2025-03-24.
  const received = '2025-03-03T01:00:00Z';

  it('extend the due date by exactly the paused working days (after the start date, through the resume date)', () => {
    expect(dueDateOf(request(received))).toBe('2025-03-24');
    // Paused 03-05 11:00 to 03-10 10:00 Shanghai: 03-06, 03-07 and 03-10 are paused working days (not the weekend).
    const clock = request(received, [{ from: '2025-03-05T03:00:00Z', to: '2025-03-10T02:00:00Z' }]);
    expect(dueDateOf(clock)).toBe('2025-03-27');
    expect(calendar.addWorkingDays('2025-03-24', 3)).toBe('2025-03-27');
  });

  it('cost nothing when opened and closed on the same date, and add up when there are several', () => {
    expect(dueDateOf(request(received, [{ from: '2025-03-05T01:00:00Z', to: '2025-03-05T08:00:00Z' }]))).toBe('2025-03-24');
    const twoPauses = request(received, [
      { from: '2025-03-05T01:00:00Z', to: '2025-03-06T08:00:00Z' },
      { from: '2025-03-11T01:00:00Z', to: '2025-03-12T08:00:00Z' },
    ]);
    expect(dueDateOf(twoPauses)).toBe('2025-03-26');
  });

  it('while open, compute the due date as if the pause ended today', () => {
    const clock = request(received, [{ from: '2025-03-05T03:00:00Z' }]);
    // Paused 03-06 and 03-07 so far: 2 days counted (03-04, 03-05), 13 left from 03-10.
    expect(calendar.deadline(clock, '2025-03-07T04:00:00Z')).toEqual({
      dueDate: '2025-03-26', workingDaysLeft: 13, overdue: false, paused: true, provisional: false,
    });
    // Three working days later the due date has moved three working days.
    expect(calendar.deadline(clock, '2025-03-12T04:00:00Z')).toMatchObject({ dueDate: '2025-03-31', workingDaysLeft: 13, paused: true });
  });

  it('that cross a holiday extend the due date by the paused working days only', () => {
    // Received 2025-09-22; paused 09-26 to 10-09: the paused working days are 09-28, 09-29, 09-30 and 10-09.
    const unpaused = dueDateOf(request('2025-09-22T01:00:00Z'));
    const clock = request('2025-09-22T01:00:00Z', [{ from: '2025-09-26T01:00:00Z', to: '2025-10-09T01:00:00Z' }]);
    expect(dueDateOf(clock)).toBe(calendar.addWorkingDays(unpaused, 4));
  });
});

describe('years without an official schedule', () => {
  it('make a 2027 deadline provisional, skipping 除夕 to 初三 (2027-02-05…02-08)', () => {
    // Received Friday 2027-01-29: 02-01…04 (4); 02-05, 02-08 off; 02-09…12 (8); 02-15…19 (13); 02-22, 23 (15).
    expect(calendar.deadline(request('2027-01-29T01:00:00Z'), '2027-01-29T01:00:00Z')).toMatchObject({ dueDate: '2027-02-23', provisional: true });
  });

  it('make a deadline computed in December 2026 that lands in January 2027 provisional', () => {
    // 12-22…25, 28…31 (8); 2027-01-01 off (元旦); 01-04…08 (13); 01-11, 12 (15).
    expect(calendar.deadline(request('2026-12-21T01:00:00Z'), '2026-12-21T01:00:00Z')).toMatchObject({ dueDate: '2027-01-12', provisional: true });
    expect(calendar.deadline(request('2026-11-02T01:00:00Z'), '2026-11-02T01:00:00Z').provisional).toBe(false);
  });
});

describe('working days left, overdue and urgency', () => {
  const clock = request('2025-01-20T02:00:00Z'); // due 2025-02-14, a Friday
  const at = (now: string) => calendar.deadline(clock, now);

  it('counts down to 0 on the due date and goes negative after it, at least −1 on a weekend', () => {
    expect(at('2025-02-10T02:00:00Z')).toMatchObject({ workingDaysLeft: 4, overdue: false });
    expect(at('2025-02-11T02:00:00Z')).toMatchObject({ workingDaysLeft: 3, overdue: false });
    expect(at('2025-02-14T15:59:00Z')).toMatchObject({ workingDaysLeft: 0, overdue: false });
    expect(at('2025-02-14T16:00:00Z')).toMatchObject({ workingDaysLeft: -1, overdue: true }); // Saturday 00:00 in Shanghai
    expect(at('2025-02-18T02:00:00Z')).toMatchObject({ workingDaysLeft: -2, overdue: true });
  });

  it('grades urgency with a configurable due-soon threshold', () => {
    expect(urgency(at('2025-02-10T02:00:00Z'))).toBe('on-track');
    expect(urgency(at('2025-02-11T02:00:00Z'))).toBe('due-soon');
    expect(urgency(at('2025-02-14T02:00:00Z'))).toBe('due-soon');
    expect(urgency(at('2025-02-17T02:00:00Z'))).toBe('overdue');
    expect(urgency(at('2025-02-10T02:00:00Z'), 5)).toBe('due-soon');
  });

  it('sorts the most urgent first, then the earlier due date', () => {
    const deadline = (dueDate: string, workingDaysLeft: number): Deadline => ({ dueDate, workingDaysLeft, overdue: workingDaysLeft < 0, paused: false, provisional: false });
    const queue = [deadline('2025-03-20', 10), deadline('2025-03-05', 1), deadline('2025-03-01', -2), deadline('2025-03-04', 0)];
    expect([...queue].sort((a, b) => compareByUrgency(a, b)).map((d) => d.dueDate)).toEqual(['2025-03-01', '2025-03-04', '2025-03-05', '2025-03-20']);
  });
});

describe('bad clocks', () => {
  it('are refused at the boundary by the schema, with the field path', () => {
    const bad = { receivedAt: '2025-01-20', workingDays: 0, pauses: [{ from: '2025-01-22T00:00:00Z', to: '2025-01-21T00:00:00Z' }] };
    const paths = rightsRequestClockSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['receivedAt', 'workingDays', 'pauses.0.to']));
    expect(rightsRequestClockSchema.safeParse(request('2025-01-20T02:00:00Z', [{ from: '2025-01-21T02:00:00Z' }])).success).toBe(true);
  });

  it('throw a RangeError rather than return a wrong date', () => {
    expect(() => calendar.deadline({ ...request('2025-01-20'), workingDays: 15 }, '2025-01-20T02:00:00Z')).toThrow(RangeError);
    expect(() => calendar.deadline({ ...request('2025-01-20T02:00:00Z'), workingDays: 0 }, '2025-01-20T02:00:00Z')).toThrow(RangeError);
    const backwards = request('2025-01-20T02:00:00Z', [{ from: '2025-01-22T00:00:00Z', to: '2025-01-21T00:00:00Z' }]);
    expect(() => calendar.deadline(backwards, '2025-01-23T02:00:00Z')).toThrow(RangeError);
  });
});
