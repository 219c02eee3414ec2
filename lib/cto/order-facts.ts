/**
 * Facts derived from an order snapshot: its periods (s20A, C1), its expiry, an absence without
 * leave around the expiry (s21, C12), the day it is in force until, the renewal window (s20A(4),
 * s21A, C3) and the recall's 72 hours (s17F, s21(4), C4). Pure: used by the engine, by the event
 * handlers (events/) and by the services.
 */
import type { ExtensionWindow } from './checks';
import {
  type AbsenceInterval,
  awolAtExpiry,
  type AwolAtExpiry,
  ctoPeriodsDetailed,
  type PeriodDetail,
  type RecallDeadline,
  recallDeadlineDetailed,
  renewalWindowDetailed,
} from './clocks';
import { compareDates, type IsoDate, londonDateOf, maxDate } from './dates';
import type { ExtensionSnapshot, OrderSnapshot } from './types';

/** The periods granted so far (the first, plus one per extension), or null if not made. */
export function orderPeriods(order: OrderSnapshot): PeriodDetail[] | null {
  if (order.madeOn === null) return null;
  return ctoPeriodsDetailed(order.madeOn, 1 + Math.max(0, order.extensionsGranted));
}

/** The operational expiry of the current period (C1), or null if not made. */
export function currentExpiry(order: OrderSnapshot): IsoDate | null {
  const periods = orderPeriods(order);
  return periods ? (periods[periods.length - 1]?.end ?? null) : null;
}

/** The absence around the current expiry that s21 applies to (the one giving the latest day). */
export function awolAroundExpiry(
  order: OrderSnapshot,
): { result: Extract<AwolAtExpiry, { applies: true }>; absence: AbsenceInterval } | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  let best: { result: Extract<AwolAtExpiry, { applies: true }>; absence: AbsenceInterval } | null =
    null;
  for (const absence of order.absences) {
    const result = awolAtExpiry({
      expiry,
      absentFrom: londonDateOf(absence.from),
      returnedOn: absence.to ? londonDateOf(absence.to) : null,
    });
    if (!result.applies) continue;
    if (!best || compareDates(result.continuesUntil.date, best.result.continuesUntil.date) > 0) {
      best = { result, absence };
    }
  }
  return best;
}

/** The last day the order is in force: the expiry, or later under s21 (C12). */
export function inForceUntil(order: OrderSnapshot): IsoDate | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  const awol = awolAroundExpiry(order);
  return awol ? maxDate(expiry, awol.result.continuesUntil.date) : expiry;
}

/** C3 window for the current expiry; after AWOL with return within 28 days, s21A widens it. */
export function extensionWindow(order: OrderSnapshot): ExtensionWindow | null {
  const expiry = currentExpiry(order);
  if (expiry === null) return null;
  const w = renewalWindowDetailed(expiry);
  const awol = awolAroundExpiry(order);
  if (awol && awol.result.route === 'S21A') {
    const closes = maxDate(expiry, awol.result.continuesUntil.date);
    return { opens: w.opens.date, closes, expiry, via21A: closes !== expiry };
  }
  return { opens: w.opens.date, closes: expiry, expiry, via21A: false };
}

/** C4 for the current recall, with s21(4) from the order's absences. */
export function currentRecallDeadline(order: OrderSnapshot): RecallDeadline | null {
  const began = order.recall?.detentionBeganAt;
  if (!order.recall || !began) return null;
  return recallDeadlineDetailed(began, order.absences);
}

export function currentExtension(order: OrderSnapshot): ExtensionSnapshot | null {
  const expiry = currentExpiry(order);
  return order.extension && order.extension.forExpiry === expiry ? order.extension : null;
}

/** The extension whose CTO7 was furnished most recently (its forExpiry is the previous period's). */
export function furnishedExtension(order: OrderSnapshot): ExtensionSnapshot | null {
  return order.extension && order.extension.cto7FurnishedAt ? order.extension : null;
}
