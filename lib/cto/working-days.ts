/**
 * Working days and business days: not a Saturday, not a Sunday, not an England & Wales bank
 * holiday. "Working day" (HESC Rules r12) and "business day" (Regs 2008 reg 2(1)) are the same
 * test for our purposes. Every answer says whether it relied on a computed (provisional) year.
 */
import { bankHolidayInfo, type BankHoliday } from './bank-holidays';
import { addDays, dayOfWeek, isWeekend, type IsoDate } from './dates';

export interface DayAnswer {
  readonly date: IsoDate;
  readonly provisional: boolean;
  /** Non-working days passed over on the way (weekends and bank holidays). */
  readonly skipped: readonly { date: IsoDate; reason: 'Saturday' | 'Sunday' | BankHoliday }[];
}

export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !bankHolidayInfo(date).isBankHoliday;
}

function skipReason(date: IsoDate): DayAnswer['skipped'][number] | undefined {
  const info = bankHolidayInfo(date);
  if (info.holiday) return { date, reason: info.holiday };
  if (isWeekend(date)) {
    return { date, reason: dayOfWeek(date) === 0 ? 'Sunday' : 'Saturday' };
  }
  return undefined;
}

/** `date` itself if it is a working day, else the next working day (HESC r12). */
export function workingDayOnOrAfter(date: IsoDate): DayAnswer {
  const skipped: DayAnswer['skipped'][number][] = [];
  let provisional = false;
  let d = date;
  for (;;) {
    provisional ||= bankHolidayInfo(d).provisional;
    const reason = skipReason(d);
    if (!reason) return { date: d, provisional, skipped };
    skipped.push(reason);
    d = addDays(d, 1);
  }
}

/**
 * The n-th business day after `date` (n >= 1): the day of posting does not count (reg 6(6)(c):
 * "the second business day after it was posted").
 */
export function nthBusinessDayAfter(date: IsoDate, n: number): DayAnswer {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`n must be a whole number >= 1 (got ${n})`);
  const skipped: DayAnswer['skipped'][number][] = [];
  let provisional = false;
  let d = date;
  let counted = 0;
  while (counted < n) {
    d = addDays(d, 1);
    provisional ||= bankHolidayInfo(d).provisional;
    const reason = skipReason(d);
    if (reason) skipped.push(reason);
    else counted += 1;
  }
  return { date: d, provisional, skipped };
}
