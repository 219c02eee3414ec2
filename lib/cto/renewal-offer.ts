// When the renewal (extension) steps are offered: from a set time before the window opens, not
// months ahead (issue 8 §2).
//
// The law fixes only the window: the examination (s20A(4)) and the furnishing of the CTO7 must
// both fall within the two months ending with the day the period expires (C3, clocks.ts); a
// step recorded before the window opens is refused (EXTENSION_WINDOW). The offer is practice,
// not law: 28 days before the window opens gives the responsible clinician time to book the
// examination, consult a second professional (s20A(9)) and find an AMHP who can agree (s20A(8)),
// so that all three can fall early in the window, while the step does not sit on the patient
// page for months as an action the law would refuse if taken. The same 28 days are the
// responsible clinician's "opening within 28 days" band on the dashboard.
import { addDays, compareDates, formatDate, type IsoDate } from './dates';
import type { EventAvailability } from './lifecycle';
import type { EventType } from './types';

/** How many days before the renewal window opens its steps are offered. */
export const RENEWAL_OFFER_DAYS = 28;

/** The first day the renewal steps are offered, for a window opening on `opens`. */
export function renewalOfferedFrom(opens: IsoDate): IsoDate {
  return addDays(opens, -RENEWAL_OFFER_DAYS);
}

/**
 * Whether the renewal steps are offered on `today` (London): from 28 days before the window
 * opens until it closes. No window (the order not made, or ended): never.
 */
export function renewalStepsOffered(
  today: IsoDate,
  window: { opens: IsoDate; closes: IsoDate } | null,
): boolean {
  if (window === null) return false;
  return (
    compareDates(today, renewalOfferedFrom(window.opens)) >= 0 &&
    compareDates(today, window.closes) <= 0
  );
}

/** The responsible clinician's renewal steps: offered only while `renewalStepsOffered`. */
export const RENEWAL_STEP_EVENTS: readonly EventType[] = [
  'EXAMINE_FOR_EXTENSION',
  'CONSULT_FOR_EXTENSION',
  'FURNISH_CTO7',
];

/**
 * The law's refusals of a renewal step that are about timing or the order of the steps (the
 * window not open, a step before it not taken): before the offer these become "offered from".
 * Refusals about who may act or the order's state are kept as the law gives them.
 */
const TIMING_REFUSALS: readonly string[] = [
  'EXAMINATION_OUTSIDE_WINDOW',
  'EXAMINATION_MISSING',
  'CONSULTATION_MISSING',
  'CTO7_PART2_BEFORE_PART1',
  'CTO7_BEFORE_AMHP_AGREEMENT',
  'CTO7_OUTSIDE_WINDOW',
];

/**
 * The events as offered on `today` (London): until 28 days before the window opens, the renewal
 * steps are not offered (refused as NOT_DUE_YET with the day they will be), whether the law
 * would allow them or refuses them only for timing. Every other event is returned as it is. Used wherever the order's actions are read (getOrder), so
 * the patient page and the renewal page offer the same.
 */
export function withRenewalOffer(
  events: readonly EventAvailability[],
  today: IsoDate,
  window: { opens: IsoDate; closes: IsoDate } | null,
): EventAvailability[] {
  if (window === null || renewalStepsOffered(today, window)) return [...events];
  if (compareDates(today, window.closes) > 0) return [...events];
  const from = renewalOfferedFrom(window.opens);
  return events.map((e) =>
    RENEWAL_STEP_EVENTS.includes(e.type) &&
    (e.allowed || (e.code !== undefined && TIMING_REFUSALS.includes(e.code)))
      ? {
          ...e,
          allowed: false,
          code: 'NOT_DUE_YET' as const,
          message: `The renewal steps are offered from ${formatDate(from)}, ${RENEWAL_OFFER_DAYS} days before the renewal window opens on ${formatDate(window.opens)}.`,
        }
      : e,
  );
}
