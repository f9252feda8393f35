/**
 * The Chinese lunisolar calendar (农历) by its rules (GB/T 33661-2017), computed from astronomy
 * rather than read from a table, so a year nobody has tabulated for us still gets its festivals:
 *
 * - a month begins on the China Standard Time day of a new moon;
 * - the month containing the winter solstice (冬至) is the 11th;
 * - when 13 months begin between one 11th month and the next, the first of them that contains
 *   no principal term (中气, solar longitude a multiple of 30°) is a leap month and repeats the
 *   number of the month before it.
 */
import { approximateSolarTermJde, chinaDayOf, lunationOnOrBefore, newMoonJde, solarLongitudeJde } from './astronomy';
import { addDays, fromDayNumber, type IsoDate } from './civil-date';

export interface LunarMonth {
  /** 1 (正月) … 12 (腊月). */
  number: number;
  leap: boolean;
  /** Its first day, 初一. */
  start: IsoDate;
}

/** The lunar festivals that are public holidays, and 清明, which is a solar term. */
export interface LunarFestivals {
  year: number;
  /** 除夕, the last day of the old lunar year (the 29th or 30th of the 12th month). */
  newYearsEve: IsoDate;
  /** 春节, 正月初一. */
  springFestival: IsoDate;
  /** 清明, the day the Sun reaches longitude 15°. */
  qingming: IsoDate;
  /** 端午, 五月初五. */
  dragonBoat: IsoDate;
  /** 中秋, 八月十五. */
  midAutumn: IsoDate;
}

const WINTER_SOLSTICE = 270;

function winterSolsticeJde(year: number): number {
  return solarLongitudeJde(WINTER_SOLSTICE, approximateSolarTermJde(year, WINTER_SOLSTICE));
}

/** The China days of the 13 principal terms from the winter solstice of `year − 1` to that of `year`. */
function principalTermDays(year: number): number[] {
  const days: number[] = [];
  let jde = winterSolsticeJde(year - 1);
  for (let term = 0; term <= 12; term++) {
    const longitude = (WINTER_SOLSTICE + 30 * term) % 360;
    jde = solarLongitudeJde(longitude, term === 0 ? jde : jde + 30.4);
    days.push(chinaDayOf(jde));
  }
  return days;
}

interface NumberedMonth {
  number: number;
  leap: boolean;
  startDay: number;
}

const suiCache = new Map<number, NumberedMonth[]>();

/**
 * The months of the 岁 that ends in `year`: from the 11th month containing the winter solstice
 * of `year − 1` up to, not including, the 11th month containing that of `year`.
 */
function monthsOfSui(year: number): NumberedMonth[] {
  const cached = suiCache.get(year);
  if (cached) return cached;
  const terms = principalTermDays(year);
  const firstEleventh = lunationOnOrBefore(terms[0]!);
  const nextEleventh = lunationOnOrBefore(terms[12]!);
  const starts: number[] = [];
  for (let k = firstEleventh; k <= nextEleventh; k++) starts.push(chinaDayOf(newMoonJde(k)));
  const monthCount = starts.length - 1;
  let leapPending = monthCount === 13;
  const months: NumberedMonth[] = [];
  let number = 11;
  for (let i = 0; i < monthCount; i++) {
    const startDay = starts[i]!;
    const endDay = starts[i + 1]!;
    const hasPrincipalTerm = terms.some((day) => day >= startDay && day < endDay);
    if (i > 0 && leapPending && !hasPrincipalTerm) {
      leapPending = false;
      months.push({ number, leap: true, startDay });
      continue;
    }
    if (i > 0) number = (number % 12) + 1;
    months.push({ number, leap: false, startDay });
  }
  suiCache.set(year, months);
  return months;
}

const toLunarMonth = (month: NumberedMonth): LunarMonth => ({ number: month.number, leap: month.leap, start: fromDayNumber(month.startDay) });

/** The months of the lunar year whose 正月初一 falls in Gregorian `year`, leap month included. */
export function lunarMonthsOf(year: number): LunarMonth[] {
  const isFirst = (month: NumberedMonth) => month.number === 1 && !month.leap;
  const thisSui = monthsOfSui(year);
  const nextSui = monthsOfSui(year + 1);
  return [...thisSui.slice(thisSui.findIndex(isFirst)), ...nextSui.slice(0, nextSui.findIndex(isFirst))].map(toLunarMonth);
}

function monthStart(months: NumberedMonth[], number: number): IsoDate {
  const month = months.find((m) => m.number === number && !m.leap);
  if (!month) throw new RangeError(`no lunar month ${number} found`);
  return fromDayNumber(month.startDay);
}

/** 除夕, 春节, 清明, 端午 and 中秋 of a Gregorian year, in China Standard Time. */
export function lunarFestivals(year: number): LunarFestivals {
  // 正月 to 八月 of the lunar year beginning in `year` all lie in the 岁 ending in `year`.
  const months = monthsOfSui(year);
  const springFestival = monthStart(months, 1);
  const qingmingJde = solarLongitudeJde(15, approximateSolarTermJde(year, 15));
  return {
    year,
    newYearsEve: addDays(springFestival, -1),
    springFestival,
    qingming: fromDayNumber(chinaDayOf(qingmingJde)),
    dragonBoat: addDays(monthStart(months, 5), 4),
    midAutumn: addDays(monthStart(months, 8), 14),
  };
}
