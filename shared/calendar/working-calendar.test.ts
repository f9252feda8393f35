import { describe, expect, it } from 'vitest';
import cn2025 from '../../resources/calendar/cn-2025.json';
import cn2026 from '../../resources/calendar/cn-2026.json';
import { parseOfficialSchedule } from './calendar-file';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar([parseOfficialSchedule(cn2025), parseOfficialSchedule(cn2026)]);

describe('the working calendar', () => {
  it('makes the notices’ weekend make-up days working days', () => {
    for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect({ date, working: calendar.isWorkingDay(date) }).toEqual({ date, working: true });
    }
  });

  it('takes holidays and ordinary weekends off', () => {
    for (const date of ['2025-01-28', '2025-02-04', '2025-10-08', '2026-01-02', '2026-02-23', '2026-10-07', '2025-03-08', '2025-03-09']) {
      expect({ date, working: calendar.isWorkingDay(date) }).toEqual({ date, working: false });
    }
    expect(calendar.isWorkingDay('2025-03-10')).toBe(true);
    expect(calendar.holidayOn('2025-10-06')?.name).toBe('国庆节、中秋节');
    expect(calendar.holidayOn('2025-10-09')).toBeUndefined();
  });

  it('falls back to the statutory holidays, marked provisional, for a year without a notice', () => {
    expect(calendar.officialYears()).toEqual([2025, 2026]);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-01')).toBe(true);
    expect(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09'].map(calendar.isWorkingDay)).toEqual([true, false, false, true]);
    // 中秋 2028 (10-03) falls inside 国庆: the fallback takes that one day off and names it once.
    expect(calendar.holidayOn('2028-10-03')?.name).toBe('中秋节');
    expect(calendar.isWorkingDay('2028-10-03')).toBe(false);
    expect(calendar.isWorkingDay('2028-10-04')).toBe(true);
  });

  it('counts working days after a date, never the date itself', () => {
    expect(calendar.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2025-01-27', 0)).toBe('2025-01-27');
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-05')).toBe(3);
    expect(calendar.workingDaysBetween('2025-02-05', '2025-01-24')).toBe(0);
  });

  it('refuses two schedules for one year', () => {
    expect(() => createWorkingCalendar([parseOfficialSchedule(cn2025), parseOfficialSchedule(cn2025)])).toThrow(/2025/);
  });
});
