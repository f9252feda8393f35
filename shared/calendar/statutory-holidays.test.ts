import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from './statutory-holidays';

const spans = (year: number) => Object.fromEntries(statutoryHolidays(year).map((h) => [h.nameEn, `${h.from}/${h.to}`]));

describe('statutory holidays for a year with no notice yet', () => {
  it('follows the 2024 amendment from 2025: 除夕 to 初三, and two days for Labour Day', () => {
    expect(spans(2027)).toEqual({
      "New Year's Day": '2027-01-01/2027-01-01',
      'Spring Festival': '2027-02-05/2027-02-08',
      'Qingming Festival': '2027-04-05/2027-04-05',
      'Labour Day': '2027-05-01/2027-05-02',
      'Dragon Boat Festival': '2027-06-09/2027-06-09',
      'Mid-Autumn Festival': '2027-09-15/2027-09-15',
      'National Day': '2027-10-01/2027-10-03',
    });
  });

  it('follows the 2013 rules before 2025: 初一 to 初三, one day for Labour Day', () => {
    expect(spans(2024)).toMatchObject({ 'Spring Festival': '2024-02-10/2024-02-12', 'Labour Day': '2024-05-01/2024-05-01' });
  });

  it('refuses years before any rights request could exist under the encoded rules', () => {
    expect(() => statutoryHolidays(2013)).toThrow(RangeError);
  });
});
