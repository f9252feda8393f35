import type { Holiday } from './calendar-file';
import { addDays } from './civil-date';
import { lunarFestivals } from './lunar';

/**
 * The holidays the law itself fixes (《全国年节及纪念日放假办法》), for a year whose State
 * Council notice has not been published yet. This is the law's floor, not a forecast: the
 * notice will also move weekends around (调休) and, under article 6, give a weekday off for a
 * holiday that falls on a weekend (补假). Where those land is the State Council's choice, so
 * none is guessed here; the deadlines that rely on this are marked provisional instead.
 */

/** The November 2024 amendment took effect on 2025-01-01. */
const AMENDED_2024 = 2025;
/** The 2013 amendment (春节 from 初一 instead of 除夕) took effect on 2014-01-01. */
const AMENDED_2013 = 2014;

const span = (name: string, nameEn: string, from: string, days: number): Holiday => ({ name, nameEn, from, to: addDays(from, days - 1) });

export function statutoryHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < AMENDED_2013) {
    // Rights requests began with the PIPL (2021); an earlier date is a data error, not a deadline.
    throw new RangeError(`no statutory holiday rules are encoded for ${year}`);
  }
  const festivals = lunarFestivals(year);
  const amended = year >= AMENDED_2024;
  return [
    span('元旦', "New Year's Day", `${year}-01-01`, 1),
    // 2025 on: 除夕 to 正月初三 (4 days); 2014–2024: 初一 to 初三.
    amended ? span('春节', 'Spring Festival', festivals.newYearsEve, 4) : span('春节', 'Spring Festival', festivals.springFestival, 3),
    span('清明节', 'Qingming Festival', festivals.qingming, 1),
    span('劳动节', 'Labour Day', `${year}-05-01`, amended ? 2 : 1),
    span('端午节', 'Dragon Boat Festival', festivals.dragonBoat, 1),
    span('中秋节', 'Mid-Autumn Festival', festivals.midAutumn, 1),
    span('国庆节', 'National Day', `${year}-10-01`, 3),
  ];
}
