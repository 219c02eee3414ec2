/**
 * The statutory clocks C1-C15 of shared/domain/clock-rules.md (normative). Each function is pure
 * and returns the date with its basis, an explanation and, where the law is uncertain, the other
 * reading. Where two readings differ the product acts on the one that is lawful under both (the
 * earlier expiry, the later opening of a window).
 */
import type { ComputedDate, ComputedInstant } from './computed';
import {
  addDays,
  addHours,
  addMonthsClamped,
  assertValidInstant,
  compareDates,
  dayOfWeek,
  daysBeginningWith,
  endOfLondonDay,
  formatDate,
  formatDateWithWeekday,
  formatInstant,
  londonDateOf,
  maxDate,
  parseIsoDate,
  periodEnd,
  startOfLondonDay,
  windowOpens,
  windowOpensAlternative,
  type IsoDate,
} from './dates';
import { CtoInputError } from './errors';
import { bankHolidayInfo } from './bank-holidays';
import { nthBusinessDayAfter, workingDayOnOrAfter, type DayAnswer } from './working-days';

export const RECALL_HOURS = 72;
export const NR_NOTICE_HOURS = 72;
export const DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS = 7;
export const REVOCATION_REFERENCE_OVERDUE_DAYS = 7;

function monthsWord(months: number): string {
  return months === 6 ? 'six months' : months === 12 ? 'twelve months' : `${months} months`;
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new CtoInputError(
      'INVALID_ARGUMENT',
      `The number of periods must be a whole number of at least 1 (got ${count}).`,
    );
  }
}

function describeSkipped(answer: DayAnswer): string {
  return answer.skipped
    .map((s) => {
      const what = typeof s.reason === 'string' ? `a ${s.reason}` : s.reason.title;
      const note =
        typeof s.reason !== 'string' && s.reason.notes ? ` (${s.reason.notes.toLowerCase()})` : '';
      return `${formatDate(s.date)} is ${what}${note}`;
    })
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// C1. CTO periods (s17C, s20A(1)-(3)); also the s20 detention periods after revocation (C5)
// ---------------------------------------------------------------------------------------------

export interface PeriodDetail {
  /** 0 = the first period, 1 = the first extension, ... */
  readonly index: number;
  readonly start: IsoDate;
  /** Operational end: the earlier of the chained and anchored readings. */
  readonly end: IsoDate;
  readonly months: 6 | 12;
  /** The later reading, present only when the two readings differ. */
  readonly alternativeEnd?: IsoDate;
  readonly chainedEnd: IsoDate;
  readonly anchoredEnd: IsoDate;
  readonly basis: string;
  readonly explain: string;
}

/** Months in period i of the 6, 6, 12, 12 ... sequence (s20A(3), s20(2)). */
export function periodLength(index: number): 6 | 12 {
  return index < 2 ? 6 : 12;
}

/** Months from the anchor to the end of period i: 6, 12, 24, 36 ... */
function cumulativeMonths(index: number): number {
  return index === 0 ? 6 : 12 * index;
}

interface PeriodWording {
  readonly firstBasis: string;
  readonly laterBasis: string;
  readonly anchorLabel: string; // 'the day the order was made'
  readonly firstNoun: string; // 'The first period'
  readonly laterNoun: string; // 'The extension'
}

const CTO_WORDING: PeriodWording = {
  firstBasis: 's20A(1)',
  laterBasis: 's20A(3)',
  anchorLabel: 'the day the order was made',
  firstNoun: 'The community treatment period',
  laterNoun: 'The extension',
};

const DETENTION_WORDING: PeriodWording = {
  firstBasis: 's17G, s20(1)',
  laterBasis: 's17G, s20(2)',
  anchorLabel: 'the day of revocation',
  firstNoun: 'The detention period',
  laterNoun: 'The renewed detention period',
};

function computePeriods(anchor: IsoDate, count: number, wording: PeriodWording): PeriodDetail[] {
  parseIsoDate(anchor);
  assertCount(count);
  const periods: PeriodDetail[] = [];
  let previousChained: IsoDate | undefined;
  let previousEnd: IsoDate | undefined;
  for (let i = 0; i < count; i += 1) {
    const months = periodLength(i);
    const start = previousEnd === undefined ? anchor : addDays(previousEnd, 1);
    const chainedStart = previousChained === undefined ? anchor : addDays(previousChained, 1);
    const chainedEnd = periodEnd(chainedStart, months);
    const anchoredEnd = periodEnd(anchor, cumulativeMonths(i));
    const end = compareDates(chainedEnd, anchoredEnd) <= 0 ? chainedEnd : anchoredEnd;
    const later = end === chainedEnd ? anchoredEnd : chainedEnd;
    const differs = later !== end;
    let explain: string;
    if (i === 0) {
      explain = `${capitalise(monthsWord(months))} beginning with ${formatDate(anchor)} (${wording.anchorLabel}) end on ${formatDate(end)}.`;
    } else if (!differs) {
      explain = `${wording.laterNoun} of ${monthsWord(months)} beginning with ${formatDate(start)} (the day after the previous period ended) ends on ${formatDate(end)}.`;
    } else {
      const chainedText = `${monthsWord(months)} beginning with ${formatDate(chainedStart)}, the day after the previous period ended on the chained reading`;
      const anchoredText = `${monthsWord(cumulativeMonths(i))} beginning with ${formatDate(anchor)}, ${wording.anchorLabel}`;
      explain =
        end === anchoredEnd
          ? `${wording.laterNoun} ends on ${formatDate(end)} on the anchored reading (${anchoredText}). The chained reading (${chainedText}) gives ${formatDate(later)}. The earlier date is used because it is lawful under both readings.`
          : `${wording.laterNoun} ends on ${formatDate(end)} on the chained reading (${chainedText}). The anchored reading (${anchoredText}) gives ${formatDate(later)}. The earlier date is used because it is lawful under both readings.`;
    }
    periods.push({
      index: i,
      start,
      end,
      months,
      ...(differs ? { alternativeEnd: later } : {}),
      chainedEnd,
      anchoredEnd,
      basis: i === 0 ? wording.firstBasis : wording.laterBasis,
      explain,
    });
    previousChained = chainedEnd;
    previousEnd = end;
  }
  return periods;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** C1 with basis and explanation for each period. */
export function ctoPeriodsDetailed(madeOn: IsoDate, count: number): PeriodDetail[] {
  return computePeriods(madeOn, count, CTO_WORDING);
}

/** C1 (contract shape): the operational periods of a CTO made on `madeOn`. */
export function ctoPeriods(
  madeOn: IsoDate,
  count: number,
): { start: IsoDate; end: IsoDate; months: 6 | 12; alternativeEnd?: IsoDate }[] {
  return ctoPeriodsDetailed(madeOn, count).map((p) => ({
    start: p.start,
    end: p.end,
    months: p.months,
    ...(p.alternativeEnd !== undefined ? { alternativeEnd: p.alternativeEnd } : {}),
  }));
}

/** The community treatment period in which `day` falls, if any. */
export function periodContaining(
  madeOn: IsoDate,
  day: IsoDate,
  maxPeriods = 200,
): PeriodDetail | undefined {
  if (compareDates(day, madeOn) < 0) return undefined;
  return ctoPeriodsDetailed(madeOn, maxPeriods).find((p) => compareDates(day, p.end) <= 0);
}

// ---------------------------------------------------------------------------------------------
// C2. The "made on" day (s20A(1))
// ---------------------------------------------------------------------------------------------

export interface MadeOnDay extends ComputedDate {
  readonly signedOn: IsoDate;
  readonly effectiveOn: IsoDate;
  /** Present when the signature and effective dates differ. */
  readonly warning?: string;
}

/**
 * C2: count periods from the earlier of the CTO1 Part 3 signature date and the stated effective
 * date (both as calendar days in England). Whether "made" means signed or effective is not settled
 * (cto-law 1.3); the earlier gives the earlier, safer expiry.
 */
export function madeOnDay(signedAt: Date, effectiveAt: Date): MadeOnDay {
  assertValidInstant(signedAt, 'signature time');
  assertValidInstant(effectiveAt, 'effective time');
  const signedOn = londonDateOf(signedAt);
  const effectiveOn = londonDateOf(effectiveAt);
  const date = compareDates(signedOn, effectiveOn) <= 0 ? signedOn : effectiveOn;
  const other = date === signedOn ? effectiveOn : signedOn;
  if (signedOn === effectiveOn) {
    return {
      date,
      signedOn,
      effectiveOn,
      basis: 's20A(1)',
      explain: `The order was signed and took effect on ${formatDate(date)}; its periods are counted from that day.`,
    };
  }
  const which = date === signedOn ? 'signed' : 'stated to take effect';
  return {
    date,
    signedOn,
    effectiveOn,
    basis: 's20A(1)',
    explain: `Part 3 was signed on ${formatDate(signedOn)} and the order is effective from ${formatDate(effectiveOn)}. Periods are counted from the earlier day, ${formatDate(date)} (the day it was ${which}), which gives the earlier expiry.`,
    alternative: {
      date: other,
      explain: `Counting from ${formatDate(other)} instead would give an expiry of ${formatDate(periodEnd(other, 6))} rather than ${formatDate(periodEnd(date, 6))}.`,
    },
    warning: `The signature date (${formatDate(signedOn)}) and the effective date (${formatDate(effectiveOn)}) differ. The expiry is counted from ${formatDate(date)}; ask the MHA legal lead if in doubt.`,
  };
}

// ---------------------------------------------------------------------------------------------
// C3. Renewal (extension) window (s20A(4), s20B)
// ---------------------------------------------------------------------------------------------

export interface RenewalWindowDetail {
  readonly opens: ComputedDate;
  readonly closes: ComputedDate;
}

export function renewalWindowDetailed(expiry: IsoDate, basis = 's20A(4)'): RenewalWindowDetail {
  const opens = windowOpens(expiry, 2);
  const alt = windowOpensAlternative(expiry, 2);
  return {
    opens: {
      date: opens,
      basis,
      explain: `The two months ending with ${formatDate(expiry)} begin on ${formatDate(opens)}. The examination and the furnishing of the report must both fall on or after this day.`,
      ...(alt !== undefined
        ? {
            alternative: {
              date: alt,
              explain: `Another reading of the month end would open the window on ${formatDate(alt)}; the later opening, ${formatDate(opens)}, is used because it is valid under both readings.`,
            },
          }
        : {}),
    },
    closes: {
      date: expiry,
      basis: `${basis}, s20B`,
      explain: `The window closes at the end of ${formatDate(expiry)}, the day the period expires. Nothing can be done after it: the order expires at midnight unless the report has been furnished.`,
    },
  };
}

/** C3 (contract shape). */
export function renewalWindow(expiry: IsoDate): { opens: IsoDate; closes: IsoDate } {
  const w = renewalWindowDetailed(expiry);
  return { opens: w.opens.date, closes: w.closes.date };
}

export function isInRenewalWindow(day: IsoDate, expiry: IsoDate): boolean {
  const w = renewalWindow(expiry);
  return compareDates(day, w.opens) >= 0 && compareDates(day, w.closes) <= 0;
}

// ---------------------------------------------------------------------------------------------
// C4. Recall: the 72 hours (s17E, s17F(6), (8)(a), s21(4))
// ---------------------------------------------------------------------------------------------

export interface AbsenceInterval {
  readonly from: Date;
  /** When the patient returned or was returned; null while still absent. */
  readonly to: Date | null;
}

export interface RecallDeadline extends ComputedInstant {
  /** The patient is AWOL on the day the 72 hours would end and has not returned: the deadline
   * becomes 72 hours from the return (s21(4)), so it cannot be known yet. */
  readonly awaitingReturn?: boolean;
}

/** C4 (contract shape): T0 + 72 hours exactly (P4). */
export function recallDeadline(detentionBegan: Date): Date {
  assertValidInstant(detentionBegan, 'time detention began');
  return addHours(detentionBegan, RECALL_HOURS);
}

/**
 * C4 when only the day is known (a register imported from a spreadsheet): the last calendar day
 * on which a patient detained after recall on `detainedOn` can still be detained, released or
 * have the order revoked. The 72 hours run from the moment detention began (s17F(8)(a)) and end
 * by law at most three days later (s17F(4), (6)); with no time, that day is the latest possible.
 */
export function lastDayOfRecallDetention(detainedOn: IsoDate): IsoDate {
  return addDays(detainedOn, RECALL_HOURS / 24);
}

/**
 * C4 with AWOL. s21(4): if the patient is absent without leave on the day on which the 72 hours
 * would end, they end 72 hours after the return instead. Where the patient was absent on that day
 * but back before the moment the 72 hours ended, the literal reading still gives a fresh 72 hours;
 * we act on the original, earlier deadline (lawful under both readings) and show the later one.
 * A transfer (CTO6) never restarts the clock (s17F(3)): it is simply not an input here.
 */
export function recallDeadlineDetailed(
  detentionBegan: Date,
  absences: readonly AbsenceInterval[] = [],
): RecallDeadline {
  let deadline = recallDeadline(detentionBegan);
  let explain = `Detention after recall began ${formatInstant(detentionBegan)}. The patient must be released, or the order revoked, before ${formatInstant(deadline)}: 72 hours of elapsed time (a clock change does not move it).`;
  let basis = 's17F(6), s17F(8)(a)';
  const sorted = [...absences].sort((a, b) => a.from.getTime() - b.from.getTime());
  for (let guard = 0; guard < 100; guard += 1) {
    const day = londonDateOf(deadline);
    const dayStart = startOfLondonDay(day).getTime();
    const dayEnd = endOfLondonDay(day).getTime();
    const current = deadline;
    const absence = sorted.find(
      (a) =>
        a.from.getTime() < current.getTime() &&
        a.from.getTime() < dayEnd &&
        (a.to === null || a.to.getTime() >= dayStart),
    );
    if (!absence) break;
    if (absence.to === null) {
      return {
        instant: deadline,
        basis: `${basis}, s21(4)`,
        explain: `${explain} The patient is absent without leave on ${formatDate(day)}, the day the 72 hours would end, so they will end 72 hours after the patient returns or is returned.`,
        awaitingReturn: true,
      };
    }
    const fresh = addHours(absence.to, RECALL_HOURS);
    if (absence.to.getTime() >= deadline.getTime()) {
      basis = `${basis}, s21(4)`;
      explain = `The patient was absent without leave on ${formatDate(day)}, when the 72 hours would have ended (${formatInstant(deadline)}), and returned ${formatInstant(absence.to)}. A fresh 72 hours runs from the return: release or revoke before ${formatInstant(fresh)}.`;
      deadline = fresh;
      continue;
    }
    return {
      instant: deadline,
      basis,
      explain: `${explain} The patient was absent without leave earlier on ${formatDate(day)} but was back (${formatInstant(absence.to)}) before the 72 hours ended.`,
      alternative: {
        instant: fresh,
        explain: `Read literally, s21(4) applies to any absence on ${formatDate(day)}, which would give 72 hours from the return: ${formatInstant(fresh)}. The earlier time is used because it is lawful under both readings.`,
      },
    };
  }
  return { instant: deadline, basis, explain };
}

// ---------------------------------------------------------------------------------------------
// C5. Detention after revocation (s17G, s20, s66(1)(cb), s68(7), s62A)
// ---------------------------------------------------------------------------------------------

export interface RevocationConsequences {
  readonly revokedOn: IsoDate;
  /** The restarted s3/s37 periods: 6 months beginning with R, then 6, then 12. */
  readonly detentionPeriods: readonly PeriodDetail[];
  readonly firstPeriodEnd: ComputedDate;
  /** Renewal (s20) examination window for the first detention period. */
  readonly renewalWindow: RenewalWindowDetail;
  readonly patientTribunalWindow: { readonly opens: ComputedDate; readonly closes: ComputedDate };
  readonly managersReference: {
    readonly target: ComputedDate;
    readonly overdueAfter: ComputedDate;
  };
  /** Always false: the Part 4 three-month medication clock is not reset (s62A). */
  readonly part4ThreeMonthClockReset: false;
  readonly part4Explain: string;
}

export function revocationConsequences(revokedOn: IsoDate, periods = 3): RevocationConsequences {
  const detentionPeriods = computePeriods(revokedOn, periods, DETENTION_WORDING);
  const first = detentionPeriods[0];
  if (!first) throw new CtoInputError('INVALID_ARGUMENT', 'At least one period is needed.');
  const window = renewalWindowDetailed(first.end, 's20(3)');
  const overdue = addDays(revokedOn, REVOCATION_REFERENCE_OVERDUE_DAYS);
  return {
    revokedOn,
    detentionPeriods,
    firstPeriodEnd: {
      date: first.end,
      basis: first.basis,
      explain: `After revocation on ${formatDate(revokedOn)} the detention runs as if the patient had been admitted that day: six months beginning with ${formatDate(revokedOn)} end on ${formatDate(first.end)}.`,
    },
    renewalWindow: window,
    patientTribunalWindow: {
      opens: {
        date: revokedOn,
        basis: 's66(1)(cb), s66(2)(cb)',
        explain: `The patient may apply to the tribunal from ${formatDate(revokedOn)}, the day of revocation.`,
      },
      closes: {
        date: first.end,
        basis: 's66(1)(cb), s66(2)(cb)',
        explain: `The patient may apply until the end of ${formatDate(first.end)}, the end of the first six-month detention period.`,
      },
    },
    managersReference: {
      target: {
        date: revokedOn,
        basis: 's68(7)',
        explain: `The hospital managers must refer the case to the tribunal as soon as possible after revocation: the target is ${formatDate(revokedOn)}, the day of revocation.`,
      },
      overdueAfter: {
        date: overdue,
        basis: 's68(7)',
        explain: `The reference is overdue if it has not been made by ${formatDate(overdue)}, ${REVOCATION_REFERENCE_OVERDUE_DAYS} days after revocation.`,
      },
    },
    part4ThreeMonthClockReset: false,
    part4Explain:
      'The Part 4 three-month medication period is not reset by revocation: the patient is treated as having remained liable to be detained since the order was made (s62A). A s58 certificate may be needed at once.',
  };
}

// ---------------------------------------------------------------------------------------------
// C6. Part 4A certificate (s64B, s64C, s58)
// ---------------------------------------------------------------------------------------------

export function certificateRequiredFromDetailed(
  ctoMadeOn: IsoDate,
  firstMedicationOn: IsoDate,
): ComputedDate {
  const oneMonthEnd = periodEnd(ctoMadeOn, 1);
  const threeMonthEnd = periodEnd(firstMedicationOn, 3);
  const later = maxDate(oneMonthEnd, threeMonthEnd);
  const date = addDays(later, 1);
  return {
    date,
    basis: 's64B, s64C, s58',
    explain: `One month beginning with ${formatDate(ctoMadeOn)} (the order was made) ends on ${formatDate(oneMonthEnd)}; three months beginning with ${formatDate(firstMedicationOn)} (first medication while liable to detention) end on ${formatDate(threeMonthEnd)}. A CTO11 or CTO12 is needed for medication from the day after the later of the two: ${formatDate(date)}. ECT always needs a certificate.`,
  };
}

/** C6 (contract shape). */
export function certificateRequiredFrom(ctoMadeOn: IsoDate, firstMedicationOn: IsoDate): IsoDate {
  return certificateRequiredFromDetailed(ctoMadeOn, firstMedicationOn).date;
}

// ---------------------------------------------------------------------------------------------
// C7. Tribunal documents (HESC r32(6), r12; PD 2013)
// ---------------------------------------------------------------------------------------------

export interface TribunalDocumentsDue extends ComputedDate {
  readonly nursingReportRequired: boolean;
}

export function tribunalDocumentsDueDetailed(
  receivedOn: IsoDate,
  options: { patientIsInpatient?: boolean } = {},
): TribunalDocumentsDue {
  const raw = addDays(receivedOn, 21);
  const answer = workingDayOnOrAfter(raw);
  const nursing = options.patientIsInpatient === true;
  const moved =
    answer.date === raw
      ? ''
      : ` That is not a working day (${describeSkipped(answer)}), so they are due on the next working day.`;
  return {
    date: answer.date,
    basis: 'HESC Rules r32(6), r12',
    explain: `The statement and reports must reach the tribunal within 3 weeks of ${formatDate(receivedOn)}: by 5pm on ${formatDateWithWeekday(raw)}.${moved}${nursing ? ' A nursing report is needed too because the patient is an in-patient.' : ''}`,
    nursingReportRequired: nursing,
    ...(answer.provisional ? { provisional: true } : {}),
  };
}

/** C7 (contract shape). */
export function tribunalDocumentsDue(receivedOn: IsoDate): IsoDate {
  return tribunalDocumentsDueDetailed(receivedOn).date;
}

// ---------------------------------------------------------------------------------------------
// C8. First managers' reference (s68(2)-(5))
// ---------------------------------------------------------------------------------------------

export interface ManagersReferenceDue extends ComputedDate {
  /** False when an application or reference in the period means no reference is due. */
  readonly required: boolean;
}

export function firstManagersReferenceDueDetailed(
  applicableDay: IsoDate,
  options: { applicationOrReferenceInPeriod?: boolean } = {},
): ManagersReferenceDue {
  const end = periodEnd(applicableDay, 6);
  const date = addDays(end, 1);
  if (options.applicationOrReferenceInPeriod === true) {
    return {
      date,
      required: false,
      basis: 's68(2), s68(3)',
      explain: `An application or reference was made in the six months beginning with ${formatDate(applicableDay)}, so no first reference is due.`,
    };
  }
  const nonWorking = bankHolidayInfo(date).isBankHoliday || [0, 6].includes(dayOfWeek(date));
  return {
    date,
    required: true,
    basis: 's68(2), s68(5)',
    explain: `Six months beginning with ${formatDate(applicableDay)} (the applicable day) end on ${formatDate(end)}; the managers must refer the case on ${formatDateWithWeekday(date)}, unless an application or reference is made before then.${nonWorking ? ' That is not a working day: prepare the reference in advance and send it according to local policy.' : ''}`,
  };
}

/** C8 (contract shape). */
export function firstManagersReferenceDue(applicableDay: IsoDate): IsoDate {
  return firstManagersReferenceDueDetailed(applicableDay).date;
}

// ---------------------------------------------------------------------------------------------
// C9. Periodic managers' reference (s68(6), s68(4))
// ---------------------------------------------------------------------------------------------

export function periodicReferenceDueDetailed(
  lastConsidered: IsoDate,
  under18: boolean,
): ComputedDate {
  const years = under18 ? 1 : 3;
  const anniversary = addMonthsClamped(lastConsidered, years * 12);
  const date = addDays(anniversary, 1);
  return {
    date,
    basis: 's68(6)',
    explain: `The tribunal last considered the case on ${formatDate(lastConsidered)}. A reference is due when more than ${years === 1 ? 'one year' : 'three years'} have passed${under18 ? ' (the patient is under 18)' : ''}: on ${formatDate(date)}. Recompute after every hearing; a withdrawn application does not count (s68(4)).`,
  };
}

/** C9 (contract shape). */
export function periodicReferenceDue(lastConsidered: IsoDate, under18: boolean): IsoDate {
  return periodicReferenceDueDetailed(lastConsidered, under18).date;
}

// ---------------------------------------------------------------------------------------------
// C10. Patient's application windows (s66(1)(ca), (cb), (fza), s66(2))
// ---------------------------------------------------------------------------------------------

export interface ApplicationWindow {
  readonly opens: IsoDate;
  readonly closes: IsoDate;
  readonly basis: string;
  readonly explain: string;
}

/** One window per community treatment period; one application per window (s77(2)). */
export function applicationWindows(madeOn: IsoDate, count: number): ApplicationWindow[] {
  return ctoPeriodsDetailed(madeOn, count).map((p) => {
    const basis = p.index === 0 ? 's66(1)(ca), s66(2)(ca)' : 's66(1)(fza), s66(2)(fza)';
    const what = p.index === 0 ? 'the order was made' : 'the order was extended';
    return {
      opens: p.start,
      closes: p.end,
      basis,
      explain: `Because ${what}, the patient may apply to the tribunal once between ${formatDate(p.start)} and ${formatDate(p.end)}.`,
    };
  });
}

export function revocationApplicationWindow(revokedOn: IsoDate): ApplicationWindow {
  const closes = periodEnd(revokedOn, 6);
  return {
    opens: revokedOn,
    closes,
    basis: 's66(1)(cb), s66(2)(cb)',
    explain: `Because the order was revoked, the patient may apply to the tribunal once between ${formatDate(revokedOn)} and ${formatDate(closes)}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// C11. Nearest relative (s23, s25, s66(1)(g))
// ---------------------------------------------------------------------------------------------

export function nrDischargeTakesEffectAt(orderReceivedAt: Date): ComputedInstant {
  const instant = addHours(orderReceivedAt, NR_NOTICE_HOURS);
  return {
    instant,
    basis: 's23, s25(1)',
    explain: `The nearest relative's order for discharge was received ${formatInstant(orderReceivedAt)}. It takes effect ${formatInstant(instant)} (72 hours later) unless the responsible clinician furnishes a barring report (M2) before then.`,
  };
}

export function nrTribunalWindow(barringReportOn: IsoDate): {
  opens: IsoDate;
  closes: ComputedDate;
} {
  const closes = daysBeginningWith(barringReportOn, 28);
  return {
    opens: barringReportOn,
    closes: {
      date: closes,
      basis: 's66(1)(g), s66(2)(d)',
      explain: `The nearest relative may apply to the tribunal within 28 days beginning with ${formatDate(barringReportOn)}: by ${formatDate(closes)}.`,
    },
  };
}

export function nrBarEnds(barringReportOn: IsoDate): ComputedDate {
  const date = periodEnd(barringReportOn, 6);
  return {
    date,
    basis: 's25(1)(b)',
    explain: `After the barring report of ${formatDate(barringReportOn)} the nearest relative cannot order discharge again within six months beginning with that day: the bar ends at the end of ${formatDate(date)}.`,
  };
}

// ---------------------------------------------------------------------------------------------
// C12. AWOL at expiry (s21, s21A, s21B)
// ---------------------------------------------------------------------------------------------

export type AwolAtExpiry =
  | { readonly applies: false; readonly explain: string }
  | {
      readonly applies: true;
      readonly route: 'NOT_RETURNED' | 'S21A' | 'S21B';
      /** The order stays in force until the end of this day. */
      readonly continuesUntil: ComputedDate;
      /** Last day of the 28 days beginning with the first day of absence. */
      readonly returnWithin28DaysBy: IsoDate;
      /** S21A: the extension (if made) runs from E + 1. S21B: a CTO8 extension runs from E + 1. */
      readonly extensionEffectiveFrom: IsoDate;
      /** S21B only: CTO8 (with AMHP agreement) must be furnished by the end of this day. */
      readonly cto8Due?: ComputedDate;
    };

export function awolAtExpiry(input: {
  readonly expiry: IsoDate;
  /** First day of absence (calendar day in England). */
  readonly absentFrom: IsoDate;
  readonly returnedOn?: IsoDate | null;
}): AwolAtExpiry {
  const { expiry, absentFrom } = input;
  const returnedOn = input.returnedOn ?? null;
  const weekStart = addDays(expiry, -6);
  if (returnedOn !== null && compareDates(returnedOn, absentFrom) < 0) {
    throw new CtoInputError('INVALID_ARGUMENT', 'The return cannot be before the absence began.');
  }
  const absentInWeek =
    compareDates(absentFrom, expiry) <= 0 &&
    (returnedOn === null || compareDates(returnedOn, weekStart) >= 0);
  if (!absentInWeek) {
    return {
      applies: false,
      explain: `The patient was not absent without leave on ${formatDate(expiry)} or in the 7 days ending with it, so s21 does not change the expiry.`,
    };
  }
  const by28 = daysBeginningWith(absentFrom, 28);
  const effectiveFrom = addDays(expiry, 1);
  if (returnedOn === null) {
    const limit = maxDate(periodEnd(absentFrom, 6), expiry);
    return {
      applies: true,
      route: 'NOT_RETURNED',
      returnWithin28DaysBy: by28,
      extensionEffectiveFrom: effectiveFrom,
      continuesUntil: {
        date: limit,
        basis: 's21(1)-(2), s18(4)',
        explain: `The patient has been absent without leave since ${formatDate(absentFrom)}, around the expiry on ${formatDate(expiry)}. The order continues until one week after the return; if the patient is not returned, until the end of ${formatDate(limit)} (the latest day they could be taken into custody).`,
      },
    };
  }
  const weekEnd = daysBeginningWith(returnedOn, 7);
  if (compareDates(returnedOn, by28) <= 0) {
    const until = maxDate(weekEnd, expiry);
    return {
      applies: true,
      route: 'S21A',
      returnWithin28DaysBy: by28,
      extensionEffectiveFrom: effectiveFrom,
      continuesUntil: {
        date: until,
        basis: 's21(1)-(2), s21A',
        explain: `The patient was absent without leave around the expiry on ${formatDate(expiry)} and returned on ${formatDate(returnedOn)}, within 28 days of the absence beginning (${formatDate(absentFrom)}). The order continues until the end of ${formatDate(until)} (7 days beginning with the return). The extension examination and report (CTO7) may be done in that time; an extension runs from ${formatDate(effectiveFrom)}.`,
      },
    };
  }
  return {
    applies: true,
    route: 'S21B',
    returnWithin28DaysBy: by28,
    extensionEffectiveFrom: effectiveFrom,
    continuesUntil: {
      date: weekEnd,
      basis: 's21(1)-(2), s21B',
      explain: `The patient returned on ${formatDate(returnedOn)}, more than 28 days after the absence began on ${formatDate(absentFrom)}. The order continues until the end of ${formatDate(weekEnd)}; unless a CTO8 is furnished by then, it ends.`,
    },
    cto8Due: {
      date: weekEnd,
      basis: 's21B(2), s21B(6A)',
      explain: `The responsible clinician must examine the patient and, with an AMHP's agreement, furnish a CTO8 within one week beginning with the return: by ${formatDate(weekEnd)}.`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// C13. Rights information (s132A)
// ---------------------------------------------------------------------------------------------

/** Same values as the Prisma enum RightsTrigger. */
export type RightsTrigger =
  'MAKING' | 'EXTENSION' | 'VARIATION' | 'RECALL' | 'REVOCATION' | 'PERIODIC' | 'OTHER';

const RIGHTS_TRIGGER_WORDS: Record<RightsTrigger, string> = {
  MAKING: 'the order was made',
  EXTENSION: 'the order was extended',
  VARIATION: 'the conditions were varied',
  RECALL: 'the patient was recalled',
  REVOCATION: 'the order was revoked',
  PERIODIC: 'information is due to be repeated',
  OTHER: 'something changed',
};

export function rightsInformationDue(
  triggerOn: IsoDate,
  trigger: RightsTrigger,
  targetDays: number = DEFAULT_RIGHTS_INFORMATION_TARGET_DAYS,
): ComputedDate {
  if (!Number.isInteger(targetDays) || targetDays < 0) {
    throw new CtoInputError(
      'INVALID_DAYS',
      `The target must be a whole number of days (got ${targetDays}).`,
    );
  }
  const date = addDays(triggerOn, targetDays);
  return {
    date,
    basis: 's132A',
    explain: `Because ${RIGHTS_TRIGGER_WORDS[trigger]} on ${formatDate(triggerOn)}, give the patient (and the nearest relative, unless the patient objects) their rights information orally and in writing, by ${formatDate(date)} (local target: ${targetDays} days).`,
  };
}

// ---------------------------------------------------------------------------------------------
// C14. Managers' review of an extension (CoP 38.14, 38.50)
// ---------------------------------------------------------------------------------------------

export function managersReviewDue(expiryExtended: IsoDate): ComputedDate {
  return {
    date: expiryExtended,
    basis: 'Code of Practice 38.14, 38.50',
    explain: `The hospital managers should review the extension by ${formatDate(expiryExtended)}, the day the period it extends would have expired; after that the review is overdue.`,
  };
}

// ---------------------------------------------------------------------------------------------
// C15. Recall notice service (reg 6(5)-(6), reg 3(1B) of SI 2008/1184)
// ---------------------------------------------------------------------------------------------

export const SERVICE_METHODS = [
  'HANDED_TO_PATIENT',
  'DELIVERED_TO_ADDRESS',
  'FIRST_CLASS_POST',
  'EMAIL',
] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export type RecallNoticeService =
  | (ComputedInstant & { readonly ok: true; readonly servedOn: IsoDate })
  | { readonly ok: false; readonly code: 'CTO3_EMAIL_NOT_VALID_SERVICE'; readonly message: string };

/**
 * When a CTO3 is served (and so the earliest moment detention by virtue of it can begin).
 * Handed to the patient: that moment. Delivered by hand to the usual or last known address: the
 * next day, any day of the week (from its first moment). First-class post: the second business day
 * after posting. Email alone is never service on a community patient (reg 3(1B)).
 */
export function recallNoticeService(method: ServiceMethod, at: Date): RecallNoticeService {
  assertValidInstant(at, 'time of service');
  const day = londonDateOf(at);
  switch (method) {
    case 'HANDED_TO_PATIENT':
      return {
        ok: true,
        instant: at,
        servedOn: day,
        basis: 'reg 6(5)(a), 6(6)(a)',
        explain: `Handed to the patient ${formatInstant(at)}: served at that moment.`,
      };
    case 'DELIVERED_TO_ADDRESS': {
      const servedOn = addDays(day, 1);
      return {
        ok: true,
        instant: startOfLondonDay(servedOn),
        servedOn,
        basis: 'reg 6(5)(b), 6(6)(b)',
        explain: `Delivered by hand to the patient's address on ${formatDate(day)}: served on the next day, ${formatDateWithWeekday(servedOn)} (which need not be a business day).`,
      };
    }
    case 'FIRST_CLASS_POST': {
      const answer = nthBusinessDayAfter(day, 2);
      const skipped = answer.skipped.length > 0 ? ` (${describeSkipped(answer)})` : '';
      return {
        ok: true,
        instant: startOfLondonDay(answer.date),
        servedOn: answer.date,
        basis: 'reg 6(5)(c), 6(6)(c)',
        explain: `Posted first class on ${formatDateWithWeekday(day)}: served on the second business day after posting, ${formatDateWithWeekday(answer.date)}${skipped}.`,
        ...(answer.provisional ? { provisional: true } : {}),
      };
    }
    case 'EMAIL':
      return {
        ok: false,
        code: 'CTO3_EMAIL_NOT_VALID_SERVICE',
        message:
          'A recall notice (CTO3) cannot be served by email on a community patient (reg 3(1B)). Hand it to the patient, deliver it by hand to their usual or last known address, or send it by first-class post.',
      };
  }
}
