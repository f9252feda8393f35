import { describe, expect, it } from 'vitest';
import { apparentSolarLongitude, chinaDayOf, newMoonJde } from './astronomy';
import { fromDayNumber } from './civil-date';
import { lunarFestivals, lunarMonthsOf } from './lunar';

describe('the astronomy under the lunar calendar', () => {
  it('reproduces Meeus’s worked examples', () => {
    // Example 49.a: the new moon of 1977 February, k = −283, JDE 2443192.65118.
    expect(newMoonJde(-283)).toBeCloseTo(2_443_192.65118, 4);
    // Example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895° (low-accuracy series).
    expect(apparentSolarLongitude(2_448_908.5)).toBeCloseTo(199.90895, 3);
  });

  it('dates a new moon in China Standard Time, not UTC', () => {
    // The new moon of 2023-01-21 20:53 UTC is 2023-01-22 04:53 in Beijing: 春节 2023.
    const k = Math.round((2_459_966.37 - 2_451_550.09766) / 29.530588861);
    expect(fromDayNumber(chinaDayOf(newMoonJde(k)))).toBe('2023-01-22');
  });
});

describe('lunar festivals computed for a Gregorian year', () => {
  const springFestival: Record<number, string> = {
    2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29',
    2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2030: '2030-02-03', 2033: '2033-01-31', 2034: '2034-02-19',
  };
  const midAutumn: Record<number, string> = { 2023: '2023-09-29', 2024: '2024-09-17', 2025: '2025-10-06', 2026: '2026-09-25', 2027: '2027-09-15' };
  const dragonBoat: Record<number, string> = { 2024: '2024-06-10', 2025: '2025-05-31', 2026: '2026-06-19', 2027: '2027-06-09' };
  const qingming: Record<number, string> = { 2024: '2024-04-04', 2025: '2025-04-04', 2026: '2026-04-05', 2027: '2027-04-05' };

  it.each(Object.entries(springFestival))('puts 春节 %s on %s, and 除夕 the day before', (year, date) => {
    const festivals = lunarFestivals(Number(year));
    expect(festivals.springFestival).toBe(date);
    expect(festivals.newYearsEve < date).toBe(true);
  });

  it('puts 除夕 2027 on 2027-02-05 and 除夕 2025 on 2025-01-28 (the notice says 农历除夕, 1月28日)', () => {
    expect(lunarFestivals(2027).newYearsEve).toBe('2027-02-05');
    expect(lunarFestivals(2025).newYearsEve).toBe('2025-01-28');
  });

  it.each(Object.entries(midAutumn))('puts 中秋 %s on %s', (year, date) => expect(lunarFestivals(Number(year)).midAutumn).toBe(date));
  it.each(Object.entries(dragonBoat))('puts 端午 %s on %s', (year, date) => expect(lunarFestivals(Number(year)).dragonBoat).toBe(date));
  it.each(Object.entries(qingming))('puts 清明 %s on %s', (year, date) => expect(lunarFestivals(Number(year)).qingming).toBe(date));
});

describe('lunar months and leap months', () => {
  const leapOf = (year: number) => lunarMonthsOf(year).filter((m) => m.leap);

  it('finds the leap months of recent years', () => {
    expect(leapOf(2020)).toEqual([{ number: 4, leap: true, start: '2020-05-23' }]);
    expect(leapOf(2023)).toEqual([{ number: 2, leap: true, start: '2023-03-22' }]);
    expect(leapOf(2025)).toEqual([{ number: 6, leap: true, start: '2025-07-25' }]);
    expect(leapOf(2024)).toEqual([]);
    expect(leapOf(2026)).toEqual([]);
  });

  it('resolves the 2033 problem as GB/T 33661 does: 闰十一月, and 中秋 on 2033-09-08', () => {
    expect(leapOf(2033).map((m) => m.number)).toEqual([11]);
    expect(lunarFestivals(2033).midAutumn).toBe('2033-09-08');
  });

  it('numbers a lunar year 1…12 in order, 12 or 13 months, ending the day before the next 春节', () => {
    for (let year = 2020; year <= 2035; year++) {
      const months = lunarMonthsOf(year);
      expect(months.length === 12 || months.length === 13).toBe(true);
      expect(months[0]).toEqual({ number: 1, leap: false, start: lunarFestivals(year).springFestival });
      expect(months.filter((m) => !m.leap).map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(months.length === 13).toBe(months.some((m) => m.leap));
      const lengths = months.map((m, i) => (Date.parse(months[i + 1]?.start ?? lunarFestivals(year + 1).springFestival) - Date.parse(m.start)) / 86_400_000);
      for (const length of lengths) expect([29, 30]).toContain(length);
    }
  });
});
