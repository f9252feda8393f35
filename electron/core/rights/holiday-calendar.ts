import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkingCalendar, parseOfficialSchedule, type OfficialSchedule, type WorkingCalendar } from '../../../shared/calendar';

const SCHEDULE_FILE = /^cn-(\d{4})\.json$/;

/**
 * The State Council's holiday schedules, read from resources/calendar when the core starts, so
 * adding next year's file is a data change (resources/calendar/README.md). A file that does not
 * parse is left out and logged with the field at fault: its year then falls back to the
 * statutory holidays and its deadlines show as provisional, the safe side of wrong.
 */
export function loadWorkingCalendar(dir: string, log: (line: string) => void = () => undefined): WorkingCalendar {
  const schedules: OfficialSchedule[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => SCHEDULE_FILE.test(name)).sort();
  } catch (error) {
    log(`holiday calendar folder ${dir} cannot be read (${(error as Error).message}); every deadline is provisional`);
  }
  for (const name of files) {
    try {
      const schedule = parseOfficialSchedule(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (String(schedule.year) !== SCHEDULE_FILE.exec(name)![1]) throw new Error(`the file says year ${schedule.year}`);
      schedules.push(schedule);
    } catch (error) {
      log(`holiday calendar ${name} left out: ${(error as Error).message.slice(0, 300)}`);
    }
  }
  return createWorkingCalendar(schedules);
}

/**
 * Where the calendars are when nobody says: the repository's resources/ during development and
 * tests (from the source or from out/), found by walking up from this module.
 */
export function defaultCalendarDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(dir, 'resources', 'calendar');
    try {
      if (readdirSync(candidate).some((name) => SCHEDULE_FILE.test(name))) return candidate;
    } catch {
      // not here; look one folder up
    }
    dir = resolve(dir, '..');
  }
  return join(process.cwd(), 'resources', 'calendar');
}
