/**
 * Calendar-date primitives (clock-rules.md P1-P4) on 'YYYY-MM-DD' strings, and the Europe/London
 * helpers that turn instants into English calendar days.
 *
 * Calendar dates are handled as whole days (a UTC day number internally), never as local-time
 * Date objects, so a server's time zone can never move a statutory date. Instants are plain `Date`
 * values (UTC); they are only converted to a London calendar day or wall-clock time for display
 * and for "which day did this happen on" questions.
 */
import { CtoDateError } from './errors';

/** A calendar date in England, 'YYYY-MM-DD'. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses and validates a 'YYYY-MM-DD' string; throws CtoDateError for anything else. */
export function parseIsoDate(value: string): DateParts {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    throw new CtoDateError(
      'INVALID_DATE',
      `"${String(value)}" is not a date in the form YYYY-MM-DD (for example 2026-04-04).`,
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CtoDateError('INVALID_DATE', `"${value}" is not a real calendar date.`);
  }
  return { year, month, day };
}

export function isValidIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function assertIntegerDays(days: number): void {
  if (!Number.isInteger(days)) {
    throw new CtoDateError(
      'INVALID_DAYS',
      `A number of days must be a whole number (got ${days}).`,
    );
  }
}

function assertPositiveMonths(months: number): void {
  if (!Number.isInteger(months) || months <= 0) {
    throw new CtoDateError(
      'INVALID_MONTHS',
      `A number of months must be a whole number greater than 0 (got ${months}).`,
    );
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertIntegerDays(days);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** Shifts the month, keeping the day-number, clamped to the last day of a shorter month. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new CtoDateError(
      'INVALID_MONTHS',
      `A number of months must be a whole number (got ${months}).`,
    );
  }
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return toIsoDate(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/**
 * P1. The last day of the period of `months` months BEGINNING WITH `start` (the start day counts;
 * s20A, s20, s64, s68). Take the day in month start+N with the same day-number as `start`; the
 * period ends on the day before it. If that month has no such day, the period ends on the last day
 * of that month. (NOT "add N months with clamping, then subtract a day": for 2025-08-31 that gives
 * 2026-02-27, one day short.)
 */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  assertPositiveMonths(months);
  const { year, month, day } = parseIsoDate(start);
  const index = year * 12 + (month - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const dim = daysInMonth(ty, tm);
  if (day <= dim) return addDays(toIsoDate(ty, tm, day), -1);
  return toIsoDate(ty, tm, dim);
}

/**
 * P2. The first day of the `months` months ENDING WITH `end` (renewal windows, s20A(4)): the day
 * after (end minus N months, clamped to the last day of a shorter month). This is the later, safe
 * opening: a window that opens later can never be "too early" under any reading.
 */
export function windowOpens(end: IsoDate, months: number): IsoDate {
  assertPositiveMonths(months);
  return addDays(addMonthsClamped(end, -months), 1);
}

/**
 * The other reading of P2 where the end day does not exist N months earlier (e.g. the window
 * ending 30 April 2026 could be read as opening on 28 February, the clamped day itself). Returns
 * undefined when both readings agree.
 */
export function windowOpensAlternative(end: IsoDate, months: number): IsoDate | undefined {
  assertPositiveMonths(months);
  const { day } = parseIsoDate(end);
  const clamped = addMonthsClamped(end, -months);
  return parseIsoDate(clamped).day < day ? clamped : undefined;
}

/** P3. The last day of the `days` days beginning with `start`: start + (N - 1). */
export function daysBeginningWith(start: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days <= 0) {
    throw new CtoDateError(
      'INVALID_DAYS',
      `A number of days must be a whole number greater than 0 (got ${days}).`,
    );
  }
  return addDays(start, days - 1);
}

export function assertValidInstant(instant: Date, what = 'time'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new CtoDateError('INVALID_INSTANT', `The ${what} is not a valid date and time.`);
  }
}

/** P4. Exact elapsed hours: a clock change does not move them. */
export function addHours(instant: Date, hours: number): Date {
  assertValidInstant(instant);
  if (!Number.isFinite(hours)) {
    throw new CtoDateError('INVALID_ARGUMENT', `A number of hours must be finite (got ${hours}).`);
  }
  return new Date(instant.getTime() + hours * MS_PER_HOUR);
}

// ---------------------------------------------------------------------------------------------
// Europe/London
// ---------------------------------------------------------------------------------------------

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonWallClock(instant: Date): WallClock {
  assertValidInstant(instant);
  const out: Record<string, number> = {};
  for (const part of LONDON_PARTS.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Minutes London is ahead of UTC at that instant: 0 (GMT) or 60 (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const w = londonWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const exact = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - exact) / 60_000);
}

/** The calendar day in England on which an instant falls. */
export function londonDateOf(instant: Date): IsoDate {
  const w = londonWallClock(instant);
  return toIsoDate(w.year, w.month, w.day);
}

/**
 * The instant of a London wall-clock time on a given day. For a time that does not exist (inside
 * the spring-forward gap) the result is the same wall time read with the earlier offset; for a
 * repeated time (autumn) the first occurrence is returned.
 */
export function londonInstant(date: IsoDate, hour = 0, minute = 0): Date {
  const { year, month, day } = parseIsoDate(date);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Try the offset in force a few hours before and at the guess; prefer the earlier instant.
  const candidates = [
    londonOffsetMinutes(new Date(guess - 3 * MS_PER_HOUR)),
    londonOffsetMinutes(new Date(guess)),
  ].map((offset) => guess - offset * 60_000);
  for (const candidate of candidates.sort((a, b) => a - b)) {
    const w = londonWallClock(new Date(candidate));
    if (w.year === year && w.month === month && w.day === day && w.hour === hour) {
      return new Date(candidate);
    }
  }
  return new Date(candidates[0] ?? guess);
}

/** The instant a London calendar day begins (00:00 local). */
export function startOfLondonDay(date: IsoDate): Date {
  return londonInstant(date, 0, 0);
}

/** The instant a London calendar day ends (= the start of the next day); "expires at midnight". */
export function endOfLondonDay(date: IsoDate): Date {
  return startOfLondonDay(addDays(date, 1));
}

// ---------------------------------------------------------------------------------------------
// Display: dates as '4 April 2026', instants as 'Tuesday 31 March 2026 at 11:00 BST'
// ---------------------------------------------------------------------------------------------

export function formatDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

export function formatDateWithWeekday(date: IsoDate): string {
  return `${WEEKDAY_NAMES[dayOfWeek(date)] ?? ''} ${formatDate(date)}`;
}

export function londonZoneName(instant: Date): 'GMT' | 'BST' {
  return londonOffsetMinutes(instant) === 0 ? 'GMT' : 'BST';
}

export function formatInstant(instant: Date): string {
  const w = londonWallClock(instant);
  const date = toIsoDate(w.year, w.month, w.day);
  return `${formatDateWithWeekday(date)} at ${pad(w.hour)}:${pad(w.minute)} ${londonZoneName(instant)}`;
}
