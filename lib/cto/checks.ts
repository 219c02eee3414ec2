/**
 * Checks that catch the mistakes MHA offices actually make (users-and-peers.md pain point 9;
 * cto-law sections 1 and 8): each returns a specific refusal or warning whose message gives the
 * dates that matter, formatted '4 April 2026'. The lifecycle engine calls these; they are exported
 * so a form can run one on its own (e.g. validate an examination date as it is typed).
 */
import { ctoPeriodsDetailed, madeOnDay } from './clocks';
import {
  compareDates,
  formatDate,
  formatInstant,
  isValidIsoDate,
  londonDateOf,
  parseIsoDate,
  type IsoDate,
} from './dates';
import { refuse, type Refusal, type Warning } from './outcomes';
import {
  ELIGIBLE_LEGAL_STATUS_CODES,
  LEGAL_STATUS_LABELS,
  isEligibleLegalStatus,
  type ConditionSnapshot,
  type OrderState,
} from './types';
import type { ServiceMethod } from './clocks';

export interface ExtensionWindow {
  readonly opens: IsoDate;
  readonly closes: IsoDate;
  /** The expiry the window belongs to. */
  readonly expiry: IsoDate;
  /** True when closes > expiry because the patient was AWOL around it and returned in 28 days. */
  readonly via21A: boolean;
}

function windowText(w: ExtensionWindow): string {
  const base = `The renewal window for the expiry on ${formatDate(w.expiry)} runs from ${formatDate(w.opens)} to ${formatDate(w.closes)}`;
  return w.via21A
    ? `${base} (extended by s21A because the patient was absent without leave)`
    : base;
}

// ---- Making the order -------------------------------------------------------------------------

/** s17A(1)-(2), Sch 1: a CTO cannot be made from s2, restricted patients, guardianship, etc. */
export function checkLegalStatus(code: string | null | undefined): Refusal | undefined {
  if (isEligibleLegalStatus(code)) return undefined;
  const label = code ? (LEGAL_STATUS_LABELS[code] ?? `code ${code}`) : 'not recorded';
  return refuse(
    'INELIGIBLE_LEGAL_STATUS',
    `A community treatment order cannot be made for a patient whose status is ${label}. Only a patient liable to be detained under section 3, or an unrestricted Part 3 patient (section 37; section 47 or 48 without restrictions; section 45A after the limitation direction has ended) can be placed on one (s17A). Eligible codes: ${ELIGIBLE_LEGAL_STATUS_CODES.join(', ')}.`,
  );
}

/** s17B(2): a discretionary condition needs the AMHP's agreement. */
export function checkDiscretionaryConditionsAgreed(
  conditions: readonly ConditionSnapshot[],
): Refusal | undefined {
  const missing = conditions.filter(
    (c) => c.kind === 'DISCRETIONARY' && c.status !== 'ENDED' && !c.amhpAgreed,
  );
  if (missing.length === 0) return undefined;
  const list = missing.map((c) => (c.text ? `“${c.text}”` : c.id)).join(', ');
  return refuse(
    'DISCRETIONARY_CONDITION_WITHOUT_AMHP',
    `The AMHP has not agreed ${missing.length === 1 ? 'this discretionary condition' : 'these discretionary conditions'}: ${list}. A condition under s17B(2) can be set only with the AMHP’s agreement; remove it or obtain agreement in CTO1 Part 2.`,
  );
}

/**
 * The minute an instant falls in. People state the time they sign a form to the minute (the
 * forms ask for a time, not seconds), while an AMHP's agreement recorded in the app carries the
 * second it was saved: forms signed in the same minute are in sequence.
 */
function minuteOf(instant: Date): number {
  return Math.floor(instant.getTime() / 60_000);
}

/** CTO1: Part 3 (the order) cannot come before Part 2 (the AMHP's agreement). */
export function checkPart3AfterPart2(
  signedAt: Date,
  amhpAgreedAt: Date | null,
): Refusal | undefined {
  if (amhpAgreedAt === null) {
    return refuse(
      'PART3_BEFORE_PART2',
      'The order cannot be made (CTO1 Part 3) until an AMHP has agreed in Part 2 (s17A(4)(b)).',
    );
  }
  if (minuteOf(signedAt) < minuteOf(amhpAgreedAt)) {
    return refuse(
      'PART3_BEFORE_PART2',
      `Part 3 is signed ${formatInstant(signedAt)}, before the AMHP agreed in Part 2 (${formatInstant(amhpAgreedAt)}). The forms are out of sequence: Part 3 must come after Part 2.`,
    );
  }
  return undefined;
}

/** An order cannot take effect on a day before it was made. */
export function checkEffectiveTime(
  signedAt: Date,
  effectiveAt: Date,
): Refusal | Warning | undefined {
  const signedOn = londonDateOf(signedAt);
  const effectiveOn = londonDateOf(effectiveAt);
  if (compareDates(effectiveOn, signedOn) < 0) {
    return refuse(
      'EFFECTIVE_BEFORE_SIGNED',
      `The order is stated to take effect on ${formatDate(effectiveOn)}, before Part 3 was signed on ${formatDate(signedOn)}. An order cannot be back-dated.`,
    );
  }
  if (effectiveAt.getTime() < signedAt.getTime()) {
    return {
      code: 'EFFECTIVE_TIME_BEFORE_SIGNATURE_TIME',
      message: `The effective time (${formatInstant(effectiveAt)}) is earlier than the signature (${formatInstant(signedAt)}) on the same day. The order takes effect when signed.`,
    };
  }
  return undefined;
}

/** C2: warn when the signature and effective dates differ. */
export function signedEffectiveWarning(signedAt: Date, effectiveAt: Date): Warning | undefined {
  const m = madeOnDay(signedAt, effectiveAt);
  return m.warning ? { code: 'SIGNED_EFFECTIVE_DIFFER', message: m.warning } : undefined;
}

/**
 * A made-on day of the 29th-31st: month ends make the readings differ (P1 vs naive clamping, and
 * chained vs anchored extensions). Show the dates used and the other reading.
 */
export function monthEndWarning(madeOn: IsoDate): Warning | undefined {
  if (parseIsoDate(madeOn).day < 29) return undefined;
  const periods = ctoPeriodsDetailed(madeOn, 3);
  const parts = periods.map((p) =>
    p.alternativeEnd
      ? `${formatDate(p.end)} (the other reading gives ${formatDate(p.alternativeEnd)})`
      : formatDate(p.end),
  );
  return {
    code: 'MONTH_END_START',
    message: `The order was made on ${formatDate(madeOn)}, at the end of a month, where readings of “months” can differ. The periods end on ${parts.join(', ')}. The earlier dates are used because they are lawful under every reading.`,
  };
}

// ---- Extension --------------------------------------------------------------------------------

export function checkExaminationInWindow(
  examinedOn: IsoDate,
  window: ExtensionWindow,
): Refusal | undefined {
  if (compareDates(examinedOn, window.opens) >= 0 && compareDates(examinedOn, window.closes) <= 0) {
    return undefined;
  }
  const when =
    compareDates(examinedOn, window.opens) < 0
      ? 'before the window opens'
      : 'after the window closed';
  return refuse(
    'EXAMINATION_OUTSIDE_WINDOW',
    `The examination on ${formatDate(examinedOn)} is ${when}. ${windowText(window)}: the examination must fall inside it (s20A(4)); examine the patient again inside the window.`,
  );
}

/** CTO7 Part 3: inside the window, after the AMHP's agreement, after examination and consultation. */
export function checkCto7Furnishing(input: {
  readonly furnishedAt: Date;
  readonly window: ExtensionWindow;
  readonly examinedOn: IsoDate | null;
  readonly consultedOn: IsoDate | null;
  readonly amhpAgreedAt: Date | null;
}): Refusal | undefined {
  const { furnishedAt, window, examinedOn, consultedOn, amhpAgreedAt } = input;
  const day = londonDateOf(furnishedAt);
  if (compareDates(day, window.opens) < 0 || compareDates(day, window.closes) > 0) {
    const late = compareDates(day, window.closes) > 0;
    return refuse(
      'CTO7_OUTSIDE_WINDOW',
      `The extension report cannot be furnished on ${formatDate(day)}. ${windowText(window)}. ${late ? 'There is no power to extend after the order has expired (s20B).' : 'Wait until the window opens.'}`,
    );
  }
  if (examinedOn === null) {
    return refuse(
      'EXAMINATION_MISSING',
      'Record the examination (CTO7 Part 1) before furnishing the report (s20A(4)(a)).',
    );
  }
  const exam = checkExaminationInWindow(examinedOn, window);
  if (exam) return exam;
  if (amhpAgreedAt === null || minuteOf(amhpAgreedAt) > minuteOf(furnishedAt)) {
    return refuse(
      'CTO7_BEFORE_AMHP_AGREEMENT',
      amhpAgreedAt === null
        ? 'The extension report (CTO7 Part 3) cannot be furnished before an AMHP has agreed in Part 2 (s20A(4)(b)).'
        : `The report is furnished ${formatInstant(furnishedAt)}, before the AMHP agreed (${formatInstant(amhpAgreedAt)}). The AMHP must agree first (s20A(4)(b)).`,
    );
  }
  if (consultedOn === null) {
    return refuse(
      'CONSULTATION_MISSING',
      'Record the consultation with another professional concerned with the patient’s treatment before furnishing the report (s20A(9)).',
    );
  }
  return undefined;
}

// ---- Recall and revocation ----------------------------------------------------------------------

/** Recall of an order that has ended: say when and how it ended. */
export function recallOfEndedOrder(state: OrderState, endedOn: IsoDate | null): Refusal {
  const how: Partial<Record<OrderState, string>> = {
    EXPIRED: 'expired',
    DISCHARGED: 'been discharged',
    REVOKED: 'been revoked',
    DIED: 'ended with the patient’s death',
  };
  const when = endedOn
    ? ` (${state === 'EXPIRED' ? 'at the end of' : 'on'} ${formatDate(endedOn)})`
    : '';
  return refuse(
    'RECALL_OF_ENDED_ORDER',
    `This order has ${how[state] ?? 'ended'}${when}. A patient can be recalled only while a community treatment order is in force; a recall now would be unlawful detention.`,
  );
}

export function checkServiceMethod(method: ServiceMethod): Refusal | undefined {
  if (method !== 'EMAIL') return undefined;
  return refuse(
    'CTO3_EMAIL_NOT_VALID_SERVICE',
    'A recall notice (CTO3) cannot be served by email on a community patient (reg 3(1B)). Hand it to the patient, deliver it by hand to their usual or last known address, or send it by first-class post.',
  );
}

export function checkDetentionAfterService(
  detentionBeganAt: Date,
  noticeServedAt: Date,
): Refusal | undefined {
  if (detentionBeganAt.getTime() >= noticeServedAt.getTime()) return undefined;
  return refuse(
    'CTO4_BEFORE_CTO3_SERVED',
    `Detention is recorded as beginning ${formatInstant(detentionBeganAt)}, but the recall notice counts as served only from ${formatInstant(noticeServedAt)}. Detention by virtue of the notice cannot begin before it is served (s17E(6), reg 6(6)).`,
  );
}

export function checkRevocation(input: {
  readonly at: Date;
  readonly deadline: Date;
  readonly awaitingReturn?: boolean;
  readonly amhpAgreedAt: Date | null;
}): Refusal | undefined {
  const { at, deadline, amhpAgreedAt } = input;
  if (input.awaitingReturn !== true && at.getTime() >= deadline.getTime()) {
    return refuse(
      'REVOCATION_AFTER_72_HOURS',
      `The 72 hours ended ${formatInstant(deadline)}. The order can no longer be revoked: the patient must be released and remains on the order (s17F(6)-(7)). Revocation at ${formatInstant(at)} would be unlawful.`,
    );
  }
  if (amhpAgreedAt === null || amhpAgreedAt.getTime() > at.getTime()) {
    return refuse(
      'REVOCATION_WITHOUT_AMHP_AGREEMENT',
      `Revocation needs an AMHP’s written agreement first (CTO5 Part 2, s17F(4)(b)). Ask the AMHP to agree before ${formatInstant(deadline)}, when the 72 hours end.`,
    );
  }
  return undefined;
}

export function checkWithin72Hours(at: Date, deadline: Date, what: string): Refusal | undefined {
  if (at.getTime() < deadline.getTime()) return undefined;
  return refuse(
    'RECALL_72_HOURS_ENDED',
    `The 72 hours ended ${formatInstant(deadline)}, so ${what} is no longer possible; the patient must be released (s17F(6)).`,
  );
}

// ---- Times out of sequence ----------------------------------------------------------------------

/** A time (an instant, or a day typed in a form) an event says something happened. */
export type EventTime = Date | IsoDate;

function isBefore(when: EventTime, earlier: Date): boolean {
  if (typeof when === 'string') {
    return isValidIsoDate(when) && compareDates(when, londonDateOf(earlier)) < 0;
  }
  // Times on forms are stated to the minute: the same minute is in sequence.
  return !Number.isNaN(when.getTime()) && minuteOf(when) < minuteOf(earlier);
}

function given(when: EventTime): string {
  return typeof when === 'string'
    ? `The date given is ${formatDate(when)}.`
    : `The time given is ${formatInstant(when)}.`;
}

/**
 * s17A(1), (5) and s17C; reg 6(1), CTO1 Part 3: a community treatment order has effect from the
 * time the RC states in Part 3, and the patient is a community patient (s17A(7)) only from then.
 * Nothing done under the order (recall s17E, detention s17E(6), transfer s17F(2), release
 * s17F(5), revocation s17F(4), discharge s23, s72, the nearest relative's order s23, s25,
 * absence s18, assignment s19A, certificates s64C, rights information s132A, extension s20A,
 * tribunal s66-s68) can be dated before that time. `action` says what cannot happen, e.g. "The
 * recall notice cannot be served"; a day typed in a form is before only on an earlier day.
 */
export function checkNotBeforeOrderEffective(
  when: EventTime,
  effectiveAt: Date,
  action: string,
): Refusal | undefined {
  if (!isBefore(when, effectiveAt)) return undefined;
  return refuse(
    'BEFORE_ORDER_EFFECTIVE',
    `${action} before the order took effect (${formatInstant(effectiveAt)}). ${given(when)} Check the ${typeof when === 'string' ? 'date' : 'date and time'}: the order has effect only from the time stated in CTO1 Part 3 (s17A).`,
  );
}

/**
 * s17E, s17F(5): a recall begins with the notice (CTO3) being handed over, delivered or posted;
 * nothing about the recall (release) can be dated before it.
 */
export function checkNotBeforeRecallNotice(
  at: Date,
  handedOrPostedAt: Date,
  action: string,
): Refusal | undefined {
  if (!isBefore(at, handedOrPostedAt)) return undefined;
  return refuse(
    'BEFORE_RECALL_NOTICE',
    `${action} before the recall notice was handed over, delivered or posted (${formatInstant(handedOrPostedAt)}). ${given(at)}`,
  );
}

/**
 * s17F(1)-(5), s18: transfer (s17F(2)), revocation and the AMHP's agreement to it (s17F(4)),
 * release (s17F(5)) and absconding from hospital (s18) concern a patient detained by virtue of
 * the recall notice, so none can be dated before detention began (CTO4).
 */
export function checkNotBeforeDetention(
  at: Date,
  detentionBeganAt: Date,
  action: string,
): Refusal | undefined {
  if (!isBefore(at, detentionBeganAt)) return undefined;
  return refuse(
    'BEFORE_DETENTION_BEGAN',
    `${action} before detention after recall began (${formatInstant(detentionBeganAt)}). ${given(at)}`,
  );
}

/**
 * s25(1): the RC's barring report (M2) answers the nearest relative's order for discharge: it is
 * furnished "within 72 hours after" the order (notice) was given to the managers, so it cannot be
 * dated before an authorised officer received it (Kingswood Centre).
 */
export function checkBarringAfterReceipt(furnishedAt: Date, receivedAt: Date): Refusal | undefined {
  if (!isBefore(furnishedAt, receivedAt)) return undefined;
  return refuse(
    'NR_BARRING_BEFORE_ORDER_RECEIVED',
    `The barring report (M2) cannot be furnished on ${formatInstant(furnishedAt)}, before the nearest relative’s order for discharge was received (${formatInstant(receivedAt)}). It must be furnished at or after receipt and within the 72 hours that follow (s25(1)).`,
  );
}
