/**
 * The mainland-China working-day calendar and rights-request deadlines: the module's public
 * surface. Holiday schedules come in as data (resources/calendar/cn-YYYY.json).
 */
export { holidaySchema, officialScheduleSchema, parseOfficialSchedule, type Holiday, type OfficialSchedule } from './calendar-file';
export { isIsoDate, shanghaiDateOf, type IsoDate } from './civil-date';
export {
  compareByUrgency, computeDeadline, DEFAULT_DUE_SOON_WITHIN, DEFAULT_RIGHTS_REQUEST_WORKING_DAYS, rightsRequestClockSchema, urgency,
  type Deadline, type RightsRequestClock, type Urgency, type WorkingDayRules,
} from './deadline';
export { lunarFestivals, lunarMonthsOf, type LunarFestivals, type LunarMonth } from './lunar';
export { statutoryHolidays } from './statutory-holidays';
export { createWorkingCalendar, type WorkingCalendar } from './working-calendar';
