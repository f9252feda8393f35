import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/fixtures/folders';
import { defaultCalendarDir, loadWorkingCalendar } from './holiday-calendar';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('loading the holiday calendars', () => {
  it('finds resources/calendar and reads the official 2025 and 2026 schedules', () => {
    const calendar = loadWorkingCalendar(defaultCalendarDir());
    expect(calendar.officialYears()).toEqual(expect.arrayContaining([2025, 2026]));
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // a Saturday worked for Spring Festival
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-04')).toBe(true);
  });

  it('leaves out a file that does not parse, naming the field, and one whose name and year disagree', () => {
    const dir = join(folder.path, 'calendar');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cn-2026.json'), JSON.stringify({ year: 2026, source: 'x', holidays: [{ name: '春节', nameEn: 'Spring Festival', from: '2026-02-30', to: '2026-02-23' }], makeUpWorkdays: [] }));
    writeFileSync(join(dir, 'cn-2025.json'), readFileSync(join(defaultCalendarDir(), 'cn-2026.json'), 'utf8'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    const lines: string[] = [];
    const calendar = loadWorkingCalendar(dir, (line) => lines.push(line));
    expect(calendar.officialYears()).toEqual([]);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('cn-2026.json'))).toMatch(/holidays/);
    expect(lines.find((l) => l.includes('cn-2025.json'))).toMatch(/year 2026/);
    // Without its schedule, 2026 falls back to the statutory holidays and is provisional.
    expect(calendar.isProvisional('2026-03-02')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false);
  });

  it('says so when the folder is missing, and counts every deadline as provisional', () => {
    const lines: string[] = [];
    const calendar = loadWorkingCalendar(join(folder.path, 'nowhere'), (line) => lines.push(line));
    expect(lines[0]).toMatch(/cannot be read/);
    expect(calendar.isProvisional('2026-06-01')).toBe(true);
  });
});
