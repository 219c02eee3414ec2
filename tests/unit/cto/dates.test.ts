import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CtoDateError,
  addDays,
  addHours,
  daysBeginningWith,
  daysBetween,
  dayOfWeek,
  endOfLondonDay,
  formatDate,
  formatInstant,
  fromDayNumber,
  londonDateOf,
  londonInstant,
  londonOffsetMinutes,
  parseIsoDate,
  periodEnd,
  startOfLondonDay,
  toDayNumber,
  windowOpens,
  windowOpensAlternative,
} from '@/lib/cto';

/** Independent oracle for P1, using JavaScript's own month overflow (not the code under test). */
function oraclePeriodEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, d));
  const expectedMonth = (((m - 1 + months) % 12) + 12) % 12;
  const result =
    target.getUTCMonth() === expectedMonth
      ? new Date(target.getTime() - 86_400_000) // the corresponding day exists: the day before it
      : new Date(Date.UTC(y, m - 1 + months + 1, 0)); // it does not: the last day of that month
  return result.toISOString().slice(0, 10);
}

const arbDate = fc
  .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

describe('parseIsoDate and validation', () => {
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '26-04-04',
    '2026-4-4',
    '',
    'tomorrow',
  ])('rejects %j with a CtoDateError', (value) => {
    expect(() => parseIsoDate(value)).toThrow(CtoDateError);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2100-02-29')).toThrow(/not a real calendar date/);
    expect(parseIsoDate('2000-02-29').day).toBe(29);
  });

  it('periodEnd rejects months <= 0 and fractions with a clear message', () => {
    expect(() => periodEnd('2026-01-01', 0)).toThrow(CtoDateError);
    expect(() => periodEnd('2026-01-01', -6)).toThrow(/greater than 0/);
    expect(() => periodEnd('2026-01-01', 1.5)).toThrow(/whole number/);
    expect(() => periodEnd('2026-02-30', 6)).toThrow(/not a real calendar date/);
    expect(() => windowOpens('2026-04-04', 0)).toThrow(CtoDateError);
  });

  it('the error carries a typed code', () => {
    try {
      periodEnd('2026-02-30', 6);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CtoDateError);
      expect((error as CtoDateError).code).toBe('INVALID_DATE');
    }
  });
});

describe('P1 periodEnd: N months beginning with S (clock-rules.md)', () => {
  it.each([
    ['2025-10-05', 6, '2026-04-04'],
    ['2025-08-31', 6, '2026-02-28'], // February has no 31st
    ['2025-08-28', 6, '2026-02-27'],
    ['2027-08-31', 6, '2028-02-29'], // leap year
    ['2024-02-29', 6, '2024-08-28'],
    ['2026-03-01', 6, '2026-08-31'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-10', 1, '2026-04-09'],
    ['2025-11-20', 3, '2026-02-19'],
    ['2025-11-15', 6, '2026-05-14'],
    ['2026-01-12', 6, '2026-07-11'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2025-12-01', 1, '2025-12-31'], // across the year end
    ['2025-10-31', 12, '2026-10-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
  ])('%s + %i months ends %s', (start, months, expected) => {
    expect(periodEnd(start, months)).toBe(expected);
  });

  it('is not "add months with clamping, then subtract a day"', () => {
    // That method gives 2026-02-27 for a 31 August start.
    expect(periodEnd('2025-08-31', 6)).not.toBe('2026-02-27');
  });

  it('agrees with an independent oracle (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 60 }), (start, months) => {
        expect(periodEnd(start, months)).toBe(oraclePeriodEnd(start, months));
      }),
    );
  });

  it('always ends after it starts and covers between 28*N-ish and 31*N days (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 24 }), (start, months) => {
        const length = daysBetween(start, periodEnd(start, months)) + 1;
        expect(length).toBeGreaterThanOrEqual(Math.floor(months * 28));
        expect(length).toBeLessThanOrEqual(months * 31 + 1);
      }),
    );
  });
});

describe('P2 windowOpens: N months ending with E', () => {
  it.each([
    ['2026-04-04', '2026-02-05'],
    ['2026-02-28', '2025-12-29'],
    ['2026-04-30', '2026-03-01'],
    ['2026-08-30', '2026-07-01'],
    ['2026-05-14', '2026-03-15'],
    ['2026-03-31', '2026-02-01'],
    ['2028-04-30', '2028-03-01'], // leap year: 29 Feb exists, still the day after it
    ['2028-04-29', '2028-03-01'],
    ['2026-01-15', '2025-11-16'],
  ])('2 months ending with %s open on %s', (end, opens) => {
    expect(windowOpens(end, 2)).toBe(opens);
  });

  it('shows the other month-end reading only when the day was clamped', () => {
    expect(windowOpensAlternative('2026-04-30', 2)).toBe('2026-02-28');
    expect(windowOpensAlternative('2026-04-04', 2)).toBeUndefined();
    expect(windowOpensAlternative('2026-08-31', 2)).toBe('2026-06-30'); // June has no 31st
    expect(windowOpensAlternative('2026-07-31', 2)).toBeUndefined(); // 31 May exists
  });

  it('windowOpens(periodEnd(S, n), n) is S for a start day from 2 to 28 (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 36 }), (start, months) => {
        fc.pre(parseIsoDate(start).day >= 2 && parseIsoDate(start).day <= 28);
        expect(windowOpens(periodEnd(start, months), months)).toBe(start);
      }),
    );
  });

  it('windowOpens(periodEnd(S, n), n) is never after S and at most 3 days before (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const back = windowOpens(periodEnd(start, months), months);
        const gap = daysBetween(back, start);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('the period of N months beginning with the opening day ends on or after E (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 36 }), (end, months) => {
        expect(
          daysBetween(end, periodEnd(windowOpens(end, months), months)),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('P3 daysBeginningWith', () => {
  it.each([
    ['2026-05-11', 28, '2026-06-07'],
    ['2026-04-20', 7, '2026-04-26'],
    ['2026-04-01', 28, '2026-04-28'],
    ['2026-12-30', 3, '2027-01-01'],
    ['2026-01-01', 1, '2026-01-01'],
  ])('%s + %i days ends %s', (start, days, end) => {
    expect(daysBeginningWith(start, days)).toBe(end);
  });

  it('rejects 0 days', () => {
    expect(() => daysBeginningWith('2026-01-01', 0)).toThrow(CtoDateError);
  });
});

describe('P4 elapsed hours and Europe/London', () => {
  it('72 hours from Sat 28 March 2026 10:00 GMT end Tue 31 March 2026 11:00 BST', () => {
    const end = addHours(new Date('2026-03-28T10:00:00Z'), 72);
    expect(end.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect(formatInstant(end)).toBe('Tuesday 31 March 2026 at 11:00 BST');
  });

  it('London offsets across both 2026 changes', () => {
    expect(londonOffsetMinutes(new Date('2026-03-29T00:59:59Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('londonDateOf uses the English calendar day, not UTC', () => {
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // 00:30 BST
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });

  it('start and end of London days', () => {
    expect(startOfLondonDay('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLondonDay('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(endOfLondonDay('2026-03-28').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T23:00:00.000Z'); // 23-hour day
    expect(londonInstant('2026-10-25', 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 01:30
  });

  it('a London day round-trips through its start instant (property)', () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        expect(londonDateOf(startOfLondonDay(d))).toBe(d);
        expect(londonDateOf(new Date(endOfLondonDay(d).getTime() - 1))).toBe(d);
      }),
    );
  });
});

describe('formatting and arithmetic', () => {
  it('formats dates as "4 April 2026"', () => {
    expect(formatDate('2026-04-04')).toBe('4 April 2026');
    expect(formatDate('2025-12-25')).toBe('25 December 2025');
  });

  it('knows the days of the week', () => {
    expect(dayOfWeek('2026-01-09')).toBe(5); // Friday
    expect(dayOfWeek('2026-04-04')).toBe(6); // Saturday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
  });

  it('addDays crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
