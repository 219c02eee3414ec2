/**
 * Reconciling the expiry a register states with the one the law gives (issue 10 §2). The
 * computed expiry is lib/cto's: the end of the last period from `ctoPeriods` (s20A(1)-(3)) for
 * the start date and the renewals recorded; nothing here counts months itself. A difference is
 * explained where a known cause fits, for a person to decide; it is never overwritten either
 * way (decision 753). Pure.
 */
import { addDays, ctoPeriods, formatDate, parseIsoDate, type IsoDate } from '@/lib/cto';

export type Explanation =
  | { kind: 'missed-renewal'; missing: number; message: string }
  | { kind: 'not-updated-after-renewal'; message: string }
  | { kind: 'other-reading'; message: string }
  | { kind: 'same-day-number'; message: string }
  | { kind: 'month-end'; message: string }
  | { kind: 'unexplained'; message: string };

export type Reconciliation =
  | { kind: 'no-stated-expiry'; computed: IsoDate }
  | { kind: 'agrees'; computed: IsoDate }
  | {
      kind: 'mismatch';
      stated: IsoDate;
      computed: IsoDate;
      alternative?: IsoDate;
      explanation: Explanation;
    };

/** The periods lib/cto gives for a start date and a number of renewals (extensions). */
export function periodsFor(start: IsoDate, renewals: number) {
  return ctoPeriods(start, renewals + 1);
}

/** The expiry (and its other reading, if any) lib/cto computes. */
export function computedExpiry(
  start: IsoDate,
  renewals: number,
): { end: IsoDate; alternativeEnd?: IsoDate } {
  const periods = periodsFor(start, renewals);
  const last = periods[periods.length - 1];
  if (!last) throw new Error('ctoPeriods returned no period.');
  return last.alternativeEnd
    ? { end: last.end, alternativeEnd: last.alternativeEnd }
    : { end: last.end };
}

function explain(
  start: IsoDate,
  renewals: number,
  stated: IsoDate,
  computed: IsoDate,
  alternative?: IsoDate,
): Explanation {
  if (alternative && stated === alternative) {
    return {
      kind: 'other-reading',
      message: `The register's date is the other reading of the month-end rule for extensions (counted from the previous period's end rather than from the day the order was made); lib/cto uses the earlier date, ${formatDate(computed)}, because it is lawful under both readings.`,
    };
  }
  for (let missing = 1; missing <= 3; missing += 1) {
    const more = computedExpiry(start, renewals + missing);
    if (more.end === stated || more.alternativeEnd === stated) {
      return {
        kind: 'missed-renewal',
        missing,
        message: `The register's date is the end of ${missing === 1 ? 'one more period' : `${missing} more periods`} than the renewals it records: ${missing === 1 ? 'a renewal' : `${missing} renewals`} may be missing from the "Renewed on" column.`,
      };
    }
  }
  if (renewals > 0) {
    const fewer = computedExpiry(start, renewals - 1);
    if (fewer.end === stated || fewer.alternativeEnd === stated) {
      return {
        kind: 'not-updated-after-renewal',
        message: `The register's date is the expiry before the last renewal: the expiry column may not have been updated when the order was renewed.`,
      };
    }
  }
  if (stated === addDays(computed, 1)) {
    return {
      kind: 'same-day-number',
      message: `The register's date is one day later: it counts to the same day of the month. A period "beginning with" the day the order was made ends the day before (s20A(1)), so lib/cto gives ${formatDate(computed)}.`,
    };
  }
  const startDay = parseIsoDate(start).day;
  const gap = Math.abs(daysApart(stated, computed));
  if (startDay >= 29 && gap <= 3) {
    return {
      kind: 'month-end',
      message: `The order started on day ${startDay} of the month, which the end month does not have: when the day is missing the period ends on the last day of that month (the month-end rule), so lib/cto gives ${formatDate(computed)}.`,
    };
  }
  return {
    kind: 'unexplained',
    message: `No rule we know explains the difference: check the start date and the renewal dates against the forms (CTO1 and CTO7).`,
  };
}

function daysApart(a: IsoDate, b: IsoDate): number {
  const ms = Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Compares the register's expiry with lib/cto's. */
export function reconcileExpiry(
  start: IsoDate,
  renewals: number,
  stated: IsoDate | null,
): Reconciliation {
  const computed = computedExpiry(start, renewals);
  if (stated === null) return { kind: 'no-stated-expiry', computed: computed.end };
  if (stated === computed.end) return { kind: 'agrees', computed: computed.end };
  return {
    kind: 'mismatch',
    stated,
    computed: computed.end,
    ...(computed.alternativeEnd ? { alternative: computed.alternativeEnd } : {}),
    explanation: explain(start, renewals, stated, computed.end, computed.alternativeEnd),
  };
}
