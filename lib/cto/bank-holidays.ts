/**
 * England & Wales bank holidays.
 *
 * Years 2015-2028 come from GOV.UK's published data (https://www.gov.uk/bank-holidays.json,
 * division "england-and-wales"), shipped in bank-holidays-data.json; see
 * docs/domain/bank-holidays.md for how to update it. For a year outside the data we compute the
 * regular pattern (the Banking and Financial Dealings Act 1971 days plus the usual substitutes)
 * and mark every answer that depended on it `provisional`: a one-off holiday (a jubilee, a state
 * funeral) cannot be predicted, and a moved holiday (VE day 2020) would be wrong.
 */
import data from './bank-holidays-data.json';
import { addDays, dayOfWeek, parseIsoDate, toIsoDate, type IsoDate } from './dates';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly title: string;
  readonly notes?: string;
}

export const BANK_HOLIDAY_SOURCE_URL = data.sourceUrl;
export const BANK_HOLIDAY_DATA_FIRST_YEAR: number = data.firstYear;
export const BANK_HOLIDAY_DATA_LAST_YEAR: number = data.lastYear;

const PUBLISHED: ReadonlyMap<IsoDate, BankHoliday> = new Map(
  (data.events as readonly BankHoliday[]).map((event) => [event.date, event]),
);

export function isYearInPublishedData(year: number): boolean {
  return year >= BANK_HOLIDAY_DATA_FIRST_YEAR && year <= BANK_HOLIDAY_DATA_LAST_YEAR;
}

/** Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = toIsoDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const next = month === 12 ? toIsoDate(year + 1, 1, 1) : toIsoDate(year, month + 1, 1);
  const last = addDays(next, -1);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * The regular England & Wales pattern for a year: New Year's Day, Good Friday, Easter Monday,
 * early May (first Monday), spring (last Monday of May), summer (last Monday of August),
 * Christmas Day and Boxing Day. A fixed-date holiday on a weekend gets a substitute: the next
 * weekday that is not already a holiday (so Christmas on a Saturday moves to Monday 27th and
 * Boxing Day to Tuesday 28th).
 */
export function computeRegularBankHolidays(year: number): BankHoliday[] {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Cannot compute bank holidays for year ${year}.`);
  }
  const easter = easterSunday(year);
  const movable: BankHoliday[] = [
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: firstMonday(year, 5), title: 'Early May bank holiday' },
    { date: lastMonday(year, 5), title: 'Spring bank holiday' },
    { date: lastMonday(year, 8), title: 'Summer bank holiday' },
  ];
  const fixed: BankHoliday[] = [
    { date: toIsoDate(year, 1, 1), title: 'New Year’s Day' },
    { date: toIsoDate(year, 12, 25), title: 'Christmas Day' },
    { date: toIsoDate(year, 12, 26), title: 'Boxing Day' },
  ];
  const taken = new Set<IsoDate>(movable.map((h) => h.date));
  const result: BankHoliday[] = [...movable];
  // Weekday fixed holidays first, so that a substitute never lands on a real holiday.
  for (const h of fixed) {
    const dow = dayOfWeek(h.date);
    if (dow !== 0 && dow !== 6) {
      taken.add(h.date);
      result.push(h);
    }
  }
  for (const h of fixed) {
    const dow = dayOfWeek(h.date);
    if (dow === 0 || dow === 6) {
      let candidate = addDays(h.date, 1);
      while ([0, 6].includes(dayOfWeek(candidate)) || taken.has(candidate)) {
        candidate = addDays(candidate, 1);
      }
      taken.add(candidate);
      result.push({ date: candidate, title: h.title, notes: 'Substitute day' });
    }
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const computedCache = new Map<number, ReadonlyMap<IsoDate, BankHoliday>>();

function computedFor(year: number): ReadonlyMap<IsoDate, BankHoliday> {
  let map = computedCache.get(year);
  if (!map) {
    map = new Map(computeRegularBankHolidays(year).map((h) => [h.date, h]));
    computedCache.set(year, map);
  }
  return map;
}

export interface BankHolidayAnswer {
  readonly isBankHoliday: boolean;
  readonly holiday?: BankHoliday;
  /** True when the answer comes from the computed pattern, not GOV.UK's published data. */
  readonly provisional: boolean;
}

export function bankHolidayInfo(date: IsoDate): BankHolidayAnswer {
  const { year } = parseIsoDate(date);
  if (isYearInPublishedData(year)) {
    const holiday = PUBLISHED.get(date);
    return holiday ? { isBankHoliday: true, holiday, provisional: false } : noHoliday(false);
  }
  const holiday = computedFor(year).get(date);
  return holiday ? { isBankHoliday: true, holiday, provisional: true } : noHoliday(true);
}

function noHoliday(provisional: boolean): BankHolidayAnswer {
  return { isBankHoliday: false, provisional };
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayInfo(date).isBankHoliday;
}

/** The bank holidays of a year: GOV.UK's list where we have it, else the computed pattern. */
export function bankHolidaysForYear(year: number): {
  holidays: BankHoliday[];
  provisional: boolean;
} {
  if (isYearInPublishedData(year)) {
    const prefix = `${String(year).padStart(4, '0')}-`;
    return {
      holidays: [...PUBLISHED.values()].filter((h) => h.date.startsWith(prefix)),
      provisional: false,
    };
  }
  return { holidays: computeRegularBankHolidays(year), provisional: true };
}
