/**
 * Conversions between the domain's calendar dates ('YYYY-MM-DD' strings, lib/cto) and the
 * database's DATE values, plus Europe/London helpers. No law here: statutory arithmetic lives in
 * lib/cto.
 *
 * Prisma reads and writes a `@db.Date` column as a JS Date at 00:00 UTC of that day, so a calendar
 * date must never pass through local time on its way in or out (a server in another time zone
 * would otherwise move it by a day).
 *
 * Not marked 'server-only': the seed and the tests (plain Node) import it too.
 */
import { TZDate } from '@date-fns/tz';

/** A calendar date in England, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const LONDON = 'Europe/London';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const MONTHS = [
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

function parts(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got '${date}'.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`'${date}' is not a real calendar date.`);
  }
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/** 'YYYY-MM-DD' -> the Date Prisma stores in a DATE column (00:00 UTC of that day). */
export function toDbDate(date: IsoDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

export function toDbDateOrNull(date: IsoDate | null | undefined): Date | null {
  return date === null || date === undefined ? null : toDbDate(date);
}

/** A DATE column's value (00:00 UTC) -> 'YYYY-MM-DD'. */
export function fromDbDate(value: Date): IsoDate {
  if (Number.isNaN(value.getTime())) throw new RangeError('Invalid date value from the database.');
  return value.toISOString().slice(0, 10);
}

export function fromDbDateOrNull(value: Date | null | undefined): IsoDate | null {
  return value === null || value === undefined ? null : fromDbDate(value);
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in England on which an instant falls. */
export function londonDateOf(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant.');
  // en-CA formats as YYYY-MM-DD.
  return LONDON_DAY.format(instant);
}

/** The instant of a wall-clock time in London on a calendar day (GMT or BST as in force). */
export function londonTime(date: IsoDate, hour = 0, minute = 0): Date {
  const { year, month, day } = parts(date);
  return new Date(new TZDate(year, month - 1, day, hour, minute, LONDON).getTime());
}

/** Plain calendar arithmetic (not a statutory period): `date` plus `days` days. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDbDate(new Date(toDbDate(date).getTime() + days * MS_PER_DAY));
}

/** Plain calendar arithmetic: whole days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toDbDate(to).getTime() - toDbDate(from).getTime()) / MS_PER_DAY);
}

/** Plain calendar arithmetic: same day-number `months` later, clamped to the month's last day. */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromDbDate(new Date(Date.UTC(y, m, Math.min(day, last))));
}

/** ISO dates compare correctly as strings; these read better at call sites. */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** '2026-04-04' -> '4 April 2026' (the house style for dates). */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** An instant as '4 April 2026 at 14:05 BST' (London wall clock). */
export function formatLondonInstant(instant: Date): string {
  const clock = LONDON_CLOCK.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    clock.find((p) => p.type === type)?.value ?? '';
  const zone = get('timeZoneName') === 'GMT+1' ? 'BST' : get('timeZoneName') || 'GMT';
  return `${formatLongDate(londonDateOf(instant))} at ${get('hour')}:${get('minute')} ${zone}`;
}
