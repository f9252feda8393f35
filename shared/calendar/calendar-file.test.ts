import { describe, expect, it } from 'vitest';
import cn2025 from '../../resources/calendar/cn-2025.json';
import cn2026 from '../../resources/calendar/cn-2026.json';
import { officialScheduleSchema, parseOfficialSchedule, type OfficialSchedule } from './calendar-file';
import { addDays, isWeekend, yearOf } from './civil-date';
import { statutoryHolidays } from './statutory-holidays';

// Imported, not listed from the folder: the import rules keep node:fs out of shared/, tests included.
const files: Record<string, unknown> = { 'cn-2025.json': cn2025, 'cn-2026.json': cn2026 };

describe('the official schedules in resources/calendar/', () => {
  it.each(Object.entries(files))('%s parses, is named for its year, and keeps its dates in that year', (file, json) => {
    const schedule = parseOfficialSchedule(json);
    expect(file).toBe(`cn-${schedule.year}.json`);
    for (const holiday of schedule.holidays) {
      expect(yearOf(holiday.from)).toBe(schedule.year);
      expect(yearOf(holiday.to)).toBe(schedule.year);
    }
    for (const date of schedule.makeUpWorkdays) {
      expect(yearOf(date)).toBe(schedule.year);
      expect(isWeekend(date)).toBe(true);
    }
  });

  it.each(Object.entries(files))('%s gives every statutory holiday day off (a check on the transcription and on lunar.ts)', (_file, json) => {
    const schedule = parseOfficialSchedule(json);
    const off = (date: string) => schedule.holidays.some((h) => h.from <= date && date <= h.to);
    for (const holiday of statutoryHolidays(schedule.year)) {
      for (let date = holiday.from; date <= holiday.to; date = addDays(date, 1)) expect({ date, off: off(date) }).toEqual({ date, off: true });
    }
  });

  it('transcribes the notices as published', () => {
    const y2025 = parseOfficialSchedule(cn2025);
    expect(y2025.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y2025.holidays.find((h) => h.name === '春节')).toMatchObject({ from: '2025-01-28', to: '2025-02-04' });
    const y2026 = parseOfficialSchedule(cn2026);
    expect(y2026.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y2026.holidays.map((h) => `${h.from}/${h.to}`)).toEqual([
      '2026-01-01/2026-01-03', '2026-02-15/2026-02-23', '2026-04-04/2026-04-06', '2026-05-01/2026-05-05',
      '2026-06-19/2026-06-21', '2026-09-25/2026-09-27', '2026-10-01/2026-10-07',
    ]);
  });
});

describe('the schedule schema', () => {
  const valid: OfficialSchedule = {
    year: 2025,
    source: 'test',
    holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2025-01-01', to: '2025-01-01' }],
    makeUpWorkdays: ['2025-01-26'],
  };
  const issuePaths = (input: unknown) => officialScheduleSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

  it('accepts a minimal schedule', () => {
    expect(officialScheduleSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses dates that do not exist, fall outside the year, or run backwards', () => {
    expect(issuePaths({ ...valid, holidays: [{ ...valid.holidays[0], from: '2025-02-29', to: '2025-02-29' }] })).toContain('holidays.0.from');
    expect(issuePaths({ ...valid, holidays: [{ ...valid.holidays[0], from: '2024-12-31' }] })).toContain('holidays.0.from');
    expect(issuePaths({ ...valid, holidays: [{ ...valid.holidays[0], from: '2025-01-03', to: '2025-01-01' }] })).toContain('holidays.0.to');
    expect(issuePaths({ ...valid, makeUpWorkdays: ['2026-01-04'] })).toContain('makeUpWorkdays.0');
  });

  it('refuses a make-up day on a weekday, inside a holiday, or listed twice', () => {
    expect(issuePaths({ ...valid, makeUpWorkdays: ['2025-01-27'] })).toEqual(['makeUpWorkdays.0']);
    const weekendHoliday = { name: 'x', nameEn: 'x', from: '2025-01-25', to: '2025-01-26' };
    expect(issuePaths({ ...valid, holidays: [weekendHoliday] })).toEqual(['makeUpWorkdays.0']);
    expect(issuePaths({ ...valid, makeUpWorkdays: ['2025-01-26', '2025-01-26'] })).toEqual(['makeUpWorkdays.1']);
  });

  it('refuses overlapping holidays, unknown fields and an empty source', () => {
    expect(issuePaths({ ...valid, holidays: [valid.holidays[0], valid.holidays[0]] })).toEqual(['holidays.1']);
    expect(issuePaths({ ...valid, extra: true })).toEqual(['']);
    expect(issuePaths({ ...valid, source: ' ' })).toEqual(['source']);
  });
});
