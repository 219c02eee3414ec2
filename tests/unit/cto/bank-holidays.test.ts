import { describe, expect, it } from 'vitest';

import {
  BANK_HOLIDAY_DATA_FIRST_YEAR,
  BANK_HOLIDAY_DATA_LAST_YEAR,
  BANK_HOLIDAY_SOURCE_URL,
  bankHolidayInfo,
  bankHolidaysForYear,
  computeRegularBankHolidays,
  easterSunday,
  isWorkingDay,
  nthBusinessDayAfter,
  workingDayOnOrAfter,
} from '@/lib/cto';

// Irregular holidays in GOV.UK's data: one-off days and a moved early May holiday.
const IRREGULAR_PUBLISHED = new Set([
  '2020-05-08', // early May moved to VE day
  '2022-06-02', // spring holiday moved for the Platinum Jubilee
  '2022-06-03', // Platinum Jubilee
  '2022-09-19', // State Funeral of Queen Elizabeth II
  '2023-05-08', // Coronation of King Charles III
]);
const REGULAR_DAYS_DISPLACED = new Set(['2020-05-04', '2022-05-30']);

describe('bank holiday data', () => {
  it('ships GOV.UK England & Wales data for 2015-2028 with its source', () => {
    expect(BANK_HOLIDAY_SOURCE_URL).toBe('https://www.gov.uk/bank-holidays.json');
    expect(BANK_HOLIDAY_DATA_FIRST_YEAR).toBe(2015);
    expect(BANK_HOLIDAY_DATA_LAST_YEAR).toBe(2028);
    for (let year = 2015; year <= 2028; year += 1) {
      const { holidays, provisional } = bankHolidaysForYear(year);
      expect(provisional).toBe(false);
      expect(holidays.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('holds all 115 published days, 2015-2028', () => {
    let total = 0;
    for (let year = 2015; year <= 2028; year += 1)
      total += bankHolidaysForYear(year).holidays.length;
    expect(total).toBe(115);
  });

  it.each([
    ['2026-12-25', true, 'Christmas Day'],
    ['2026-12-26', false, undefined], // Saturday: the substitute is Monday 28th
    ['2026-12-28', true, 'Boxing Day'],
    ['2026-04-03', true, 'Good Friday'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2026-05-04', true, 'Early May bank holiday'],
    ['2026-08-31', true, 'Summer bank holiday'],
    ['2027-12-27', true, 'Christmas Day'],
    ['2027-12-28', true, 'Boxing Day'],
    ['2022-09-19', true, 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
    ['2020-05-04', false, undefined],
    ['2026-06-22', false, undefined],
  ])('%s bank holiday: %s', (date, expected, title) => {
    const info = bankHolidayInfo(date);
    expect(info.isBankHoliday).toBe(expected);
    expect(info.holiday?.title).toBe(title);
    expect(info.provisional).toBe(false);
  });
});

describe('computed fallback pattern', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('reproduces GOV.UK for every year 2015-2028 except the known irregular days', () => {
    for (let year = 2015; year <= 2028; year += 1) {
      const published = bankHolidaysForYear(year)
        .holidays.map((h) => h.date)
        .filter((d) => !IRREGULAR_PUBLISHED.has(d));
      const computed = computeRegularBankHolidays(year)
        .map((h) => h.date)
        .filter((d) => !REGULAR_DAYS_DISPLACED.has(d));
      expect(computed, String(year)).toEqual(published);
    }
  });

  it('gives the regular 2020 and 2022 days that GOV.UK moved (so the test can fail)', () => {
    expect(computeRegularBankHolidays(2020).map((h) => h.date)).toContain('2020-05-04');
    expect(computeRegularBankHolidays(2022).map((h) => h.date)).toContain('2022-05-30');
  });

  it.each([
    // Christmas on a Saturday: Mon 27 and Tue 28 are the substitutes.
    [2032, ['2032-12-27', '2032-12-28']],
    // Christmas on a Sunday: Boxing Day Mon 26, Christmas substitute Tue 27.
    [2033, ['2033-12-26', '2033-12-27']],
    // Christmas on a Friday: Boxing Day substitute Mon 28.
    [2037, ['2037-12-25', '2037-12-28']],
  ])('substitutes Christmas/Boxing Day in %i', (year, expected) => {
    const december = computeRegularBankHolidays(year)
      .map((h) => h.date)
      .filter((d) => d.slice(5, 7) === '12');
    expect(december).toEqual(expected);
  });

  it('New Year on a weekend moves to Monday', () => {
    expect(computeRegularBankHolidays(2033).map((h) => h.date)).toContain('2033-01-03'); // Sat 1 Jan
    expect(computeRegularBankHolidays(2034).map((h) => h.date)).toContain('2034-01-02'); // Sun 1 Jan
  });

  it('years beyond the data are provisional', () => {
    const info = bankHolidayInfo('2029-12-25');
    expect(info.isBankHoliday).toBe(true);
    expect(info.provisional).toBe(true);
    expect(bankHolidayInfo('2029-06-06').provisional).toBe(true);
    expect(bankHolidaysForYear(2031).provisional).toBe(true);
  });
});

describe('working days', () => {
  it('weekends and bank holidays are not working days', () => {
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(isWorkingDay('2026-12-29')).toBe(true);
    expect(isWorkingDay('2026-06-20')).toBe(false); // Saturday
    expect(isWorkingDay('2026-06-22')).toBe(true);
  });

  it('moves to the next working day across Christmas 2026', () => {
    const answer = workingDayOnOrAfter('2026-12-25');
    expect(answer.date).toBe('2026-12-29');
    expect(answer.skipped.map((s) => s.date)).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
    ]);
    expect(answer.provisional).toBe(false);
  });

  it('counts business days after posting, across Easter 2026', () => {
    expect(nthBusinessDayAfter('2026-04-02', 1).date).toBe('2026-04-07');
    expect(nthBusinessDayAfter('2026-04-02', 2).date).toBe('2026-04-08');
    expect(nthBusinessDayAfter('2026-04-06', 2).date).toBe('2026-04-08');
    expect(nthBusinessDayAfter('2026-06-05', 2).date).toBe('2026-06-09'); // Fri -> Tue
  });

  it('flags answers that needed a computed year', () => {
    expect(workingDayOnOrAfter('2029-12-25').provisional).toBe(true);
    expect(workingDayOnOrAfter('2028-12-25').provisional).toBe(false);
  });
});
