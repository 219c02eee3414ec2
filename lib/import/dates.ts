/**
 * Dates as a spreadsheet register holds them (issue 10 §2): dd/mm/yyyy, d/m/yy, 1-Feb-25,
 * 1st February 2025, ISO 8601, Excel serial numbers (a number, or digits in a CSV), a Date that
 * exceljs read from a date-formatted cell, and any of these with stray spaces.
 *
 * A numeric date whose day and month could be swapped (03/04/2025) is read as the column is
 * written: day first in a British register. When the column shows itself US-ordered (a value
 * such as 12/25/2024 that only reads month first), or mixed, such a value is QUESTIONED with
 * both readings, never guessed (decision 752).
 *
 * Pure: no clock reads. Two-digit years are resolved against a reference year passed in.
 */
import { daysInMonth, toIsoDate, type IsoDate } from '@/lib/cto';

export type Cell = string | number | boolean | Date | null;

export type DateOrder = 'DMY' | 'MDY';

/** How a column writes its numeric dates, from all its values (see `columnDateOrder`). */
export type ColumnOrder = 'DMY' | 'MDY' | 'MIXED';

export type DateReading =
  | { kind: 'date'; date: IsoDate; form: DateForm }
  | { kind: 'ambiguous'; dmy: IsoDate; mdy: IsoDate; text: string }
  | { kind: 'impossible'; text: string; reason: string }
  | { kind: 'unreadable'; text: string }
  | { kind: 'blank' };

export type DateForm = 'numeric' | 'text-month' | 'iso' | 'excel-serial' | 'excel-date';

/** How two-digit years are read: 'past' for a date of birth, 'cto' for CTO dates (2008 on). */
export type YearRule = { kind: 'past'; referenceYear: number } | { kind: 'cto' };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w in MONTHS) return MONTHS[w];
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ].indexOf(w);
  return full >= 0 ? full + 1 : undefined;
}

/** Collapses every kind of space (including no-break spaces) and trims. */
export function tidy(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
}

function fullYear(year: number, digits: number, rule: YearRule): number {
  if (digits !== 2) return year;
  if (rule.kind === 'cto') return 2000 + year;
  const candidate = 2000 + year;
  return candidate > rule.referenceYear ? 1900 + year : candidate;
}

function checked(
  year: number,
  month: number,
  day: number,
  text: string,
  form: DateForm,
): DateReading {
  if (month < 1 || month > 12) {
    return { kind: 'impossible', text, reason: `there is no month ${month}` };
  }
  if (year < 1900 || year > 2199) {
    return { kind: 'impossible', text, reason: `the year ${year} is out of range` };
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    return { kind: 'impossible', text, reason: `there is no day ${day} in that month` };
  }
  return { kind: 'date', date: toIsoDate(year, month, day), form };
}

/**
 * Excel's serial day number (the 1900 date system): day 1 is 1900-01-01 and, because Excel
 * counts a 29 February 1900 that never was, serials from 61 on are one day ahead; the usual
 * base 1899-12-30 gives the right date for every serial above 60.
 */
export function excelSerialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 120_000) return undefined;
  const whole = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + whole * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The numeric d/m/y parts of a value such as 03/04/2025, 3.4.25 or 03-04-2025, if it is one. */
export function numericParts(
  text: string,
): { a: number; b: number; year: number; yearDigits: number } | undefined {
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  return {
    a: Number(m[1]),
    b: Number(m[2]),
    year: Number(m[3]),
    yearDigits: (m[3] ?? '').length,
  };
}

/**
 * The order a column writes its numeric dates in, from all its values: a first part over 12 is
 * only a day (DMY), a second part over 12 only a day (MDY). No evidence either way: DMY, the
 * British convention of an MHA office register.
 */
export function columnDateOrder(values: readonly Cell[]): ColumnOrder {
  let dmy = false;
  let mdy = false;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const parts = numericParts(tidy(value));
    if (!parts) continue;
    if (parts.a > 12 && parts.b <= 12) dmy = true;
    if (parts.b > 12 && parts.a <= 12) mdy = true;
  }
  if (dmy && mdy) return 'MIXED';
  return mdy ? 'MDY' : 'DMY';
}

/** Reads one cell as a date, given how its column writes numeric dates. */
export function readDate(cell: Cell, order: ColumnOrder, rule: YearRule): DateReading {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { kind: 'unreadable', text: String(cell) };
    // exceljs gives a date cell as midnight UTC of the date shown.
    return {
      kind: 'date',
      date: toIsoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()),
      form: 'excel-date',
    };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso
      ? { kind: 'date', date: iso, form: 'excel-serial' }
      : { kind: 'unreadable', text: String(cell) };
  }
  if (typeof cell === 'boolean') return { kind: 'unreadable', text: String(cell) };
  const text = tidy(cell);
  if (text === '') return { kind: 'blank' };

  // ISO 8601: 2025-02-01, optionally with a time (which a register never means).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), text, 'iso');

  // Excel serial numbers pasted as text into a CSV: five digits, optionally with a fraction.
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const serial = excelSerialToIso(Number(text));
    if (serial) return { kind: 'date', date: serial, form: 'excel-serial' };
  }

  const parts = numericParts(text);
  if (parts) {
    const year = fullYear(parts.year, parts.yearDigits, rule);
    const asDmy = checked(year, parts.b, parts.a, text, 'numeric');
    const asMdy = checked(year, parts.a, parts.b, text, 'numeric');
    const swappable = parts.a <= 12 && parts.b <= 12 && parts.a !== parts.b;
    if (order === 'DMY') return asDmy;
    if (swappable && asDmy.kind === 'date' && asMdy.kind === 'date') {
      return { kind: 'ambiguous', dmy: asDmy.date, mdy: asMdy.date, text };
    }
    if (order === 'MDY') return asMdy;
    // MIXED: only the reading that can be a date.
    if (parts.a > 12) return asDmy;
    if (parts.b > 12) return asMdy;
    return asDmy;
  }

  // Day, month name, year: 1-Feb-25, 1 Feb 2025, 1st February 2025, 01.Feb.2025.
  const dayFirst =
    /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.,]*(?:of\s+)?([A-Za-z]{3,9}\.?)[\s\-/.,]*(\d{2}|\d{4})$/i.exec(
      text,
    );
  if (dayFirst) {
    const month = monthNumber(dayFirst[2] ?? '');
    if (month === undefined) return { kind: 'unreadable', text };
    const y = dayFirst[3] ?? '';
    return checked(
      fullYear(Number(y), y.length, rule),
      month,
      Number(dayFirst[1]),
      text,
      'text-month',
    );
  }
  // Month name first: February 1, 2025 / Feb 1st 2025.
  const monthFirst = /^([A-Za-z]{3,9}\.?)\s*(\d{1,2})(?:st|nd|rd|th)?[\s,]+(\d{2}|\d{4})$/i.exec(
    text,
  );
  if (monthFirst) {
    const month = monthNumber(monthFirst[1] ?? '');
    if (month === undefined) return { kind: 'unreadable', text };
    const y = monthFirst[3] ?? '';
    return checked(
      fullYear(Number(y), y.length, rule),
      month,
      Number(monthFirst[2]),
      text,
      'text-month',
    );
  }
  return { kind: 'unreadable', text };
}

/** Splits a cell that lists several dates ("01/02/2025; 01/08/2025" or one per line). */
export function splitDateList(cell: Cell): Cell[] {
  if (typeof cell !== 'string') return cell === null ? [] : [cell];
  return cell
    .split(/[;\n|]+|,(?=\s*\d{1,2}[/.-])|\s+and\s+/i)
    .map((part) => tidy(part))
    .filter((part) => part !== '');
}
