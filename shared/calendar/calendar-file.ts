import { z } from 'zod';
import { isIsoDate, isWeekend, yearOf } from './civil-date';

/**
 * The shape of resources/calendar/cn-YYYY.json: one State Council (国务院办公厅) holiday
 * notice, transcribed. Each year is a data file so that adding next year's notice is a data
 * change with no code to touch; shared code cannot read resources/, so callers load the files
 * and hand them to `parseOfficialSchedule`.
 */

const isoDate = z.string().refine(isIsoDate, { message: 'not a real YYYY-MM-DD date' });

export const holidaySchema = z
  .strictObject({
    /** As the notice names it, e.g. 春节 or 国庆节、中秋节. */
    name: z.string().trim().min(1),
    nameEn: z.string().trim().min(1),
    /** First and last day off, both included; rest days the notice folds in (调休) are part of it. */
    from: isoDate,
    to: isoDate,
  })
  .refine((holiday) => holiday.from <= holiday.to, { message: 'the holiday ends before it starts', path: ['to'] });

export type Holiday = z.infer<typeof holidaySchema>;

export const officialScheduleSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2200),
    /** The notice's title and number, so a reviewer can check the transcription. */
    source: z.string().trim().min(1),
    holidays: z.array(holidaySchema).min(1),
    /** Saturdays and Sundays the notice makes working days (调休上班). */
    makeUpWorkdays: z.array(isoDate),
  })
  .superRefine((schedule, ctx) => {
    const inYear = (date: string) => yearOf(date) === schedule.year;
    schedule.holidays.forEach((holiday, index) => {
      for (const end of ['from', 'to'] as const) {
        if (isIsoDate(holiday[end]) && !inYear(holiday[end])) {
          ctx.addIssue({ code: 'custom', path: ['holidays', index, end], message: `${holiday[end]} is not in ${schedule.year}` });
        }
      }
      const overlapping = schedule.holidays.findIndex((other, j) => j < index && other.from <= holiday.to && holiday.from <= other.to);
      if (overlapping >= 0) {
        ctx.addIssue({ code: 'custom', path: ['holidays', index], message: `overlaps holiday ${overlapping}` });
      }
    });
    schedule.makeUpWorkdays.forEach((date, index) => {
      if (!isIsoDate(date)) return;
      const path = ['makeUpWorkdays', index];
      if (!inYear(date)) ctx.addIssue({ code: 'custom', path, message: `${date} is not in ${schedule.year}` });
      // A make-up day exists to replace a weekend; a weekday "make-up" is a transcription slip.
      if (!isWeekend(date)) ctx.addIssue({ code: 'custom', path, message: `${date} is not a Saturday or Sunday` });
      if (schedule.holidays.some((h) => h.from <= date && date <= h.to)) {
        ctx.addIssue({ code: 'custom', path, message: `${date} is also inside a holiday` });
      }
      if (schedule.makeUpWorkdays.indexOf(date) !== index) ctx.addIssue({ code: 'custom', path, message: `${date} is listed twice` });
    });
  });

export type OfficialSchedule = z.infer<typeof officialScheduleSchema>;

/** Validates one calendar file; throws a ZodError naming the field path of every mistake. */
export function parseOfficialSchedule(input: unknown): OfficialSchedule {
  return officialScheduleSchema.parse(input);
}
