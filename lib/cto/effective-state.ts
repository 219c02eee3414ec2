/**
 * Time passing: what time alone does to an order, with no one acting. Pure: `now` is a parameter.
 */
import { nrDischargeTakesEffectAt } from './clocks';
import {
  compareDates,
  endOfLondonDay,
  formatDate,
  formatInstant,
  type IsoDate,
  londonDateOf,
} from './dates';
import {
  currentExpiry,
  currentExtension,
  currentRecallDeadline,
  extensionWindow,
  inForceUntil,
} from './order-facts';
import type { Alert } from './outcomes';
import {
  type EventType,
  IN_FORCE_STATES,
  isTerminalState,
  type OrderSnapshot,
  type OrderState,
} from './types';

export interface EffectiveState {
  /** The state the law gives the order at `now`. */
  readonly state: OrderState;
  readonly recordedState: OrderState;
  readonly changed: boolean;
  /** Time events to record (with SYSTEM_ACTOR, in order) to bring the record up to date. */
  readonly dueTimeEvents: readonly EventType[];
  readonly reason?: string;
  /** When the order ended, if time ended it. */
  readonly endedAt?: Date;
  readonly expiry: IsoDate | null;
  readonly inForceUntil: IsoDate | null;
  readonly alerts: readonly Alert[];
}

/**
 * What time has done to the order. An order whose last day (in England) has ended is EXPIRED from
 * the next day without anyone acting; a nearest relative's unbarred order discharges 72 hours
 * after receipt; an order made with a later effective time becomes ACTIVE at that time.
 * A RECALLED order past its 72 hours stays RECALLED with a RELEASE_REQUIRED alert: the record
 * must not pretend the patient has been released (s17F(6)) until someone records it.
 */
export function effectiveState(order: OrderSnapshot, now: Date): EffectiveState {
  const recordedState = order.state;
  const expiry = currentExpiry(order);
  const until = inForceUntil(order);
  const base = { recordedState, expiry, inForceUntil: until };
  if (isTerminalState(recordedState)) {
    return { ...base, state: recordedState, changed: false, dueTimeEvents: [], alerts: [] };
  }
  let state: OrderState = recordedState;
  const due: EventType[] = [];
  const alerts: Alert[] = [];
  if (
    state === 'AWAITING_EFFECT' &&
    order.effectiveAt &&
    now.getTime() >= order.effectiveAt.getTime()
  ) {
    state = 'ACTIVE';
    due.push('TAKE_EFFECT');
  }
  if (IN_FORCE_STATES.includes(state)) {
    const endings: { at: Date; state: OrderState; event: EventType; reason: string }[] = [];
    if (until !== null) {
      const endAt = endOfLondonDay(until);
      if (now.getTime() >= endAt.getTime()) {
        endings.push({
          at: endAt,
          state: 'EXPIRED',
          event: 'EXPIRE',
          reason:
            until === expiry
              ? `The order expired at the end of ${formatDate(until)} with no extension furnished (s20B).`
              : `The order expired at the end of ${formatDate(until)}, the end of its extension under s21 after the patient’s absence.`,
        });
      }
    }
    const nr = order.nearestRelative;
    if (nr.orderReceivedAt && nr.barredOn === null) {
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      if (now.getTime() >= effect.getTime()) {
        endings.push({
          at: effect,
          state: 'DISCHARGED',
          event: 'NR_DISCHARGE_TAKES_EFFECT',
          reason: `The nearest relative’s order for discharge took effect ${formatInstant(effect)}, with no barring report (s23, s25).`,
        });
      } else {
        alerts.push({
          code: 'NR_DISCHARGE_PENDING',
          message: `The nearest relative’s order for discharge takes effect ${formatInstant(effect)} unless the responsible clinician furnishes a barring report (M2) before then.`,
        });
      }
    }
    endings.sort((a, b) => a.at.getTime() - b.at.getTime());
    const first = endings[0];
    if (first) {
      return {
        ...base,
        state: first.state,
        changed: true,
        dueTimeEvents: [...due, first.event],
        reason: first.reason,
        endedAt: first.at,
        alerts: [],
      };
    }
    if (until !== null && expiry !== null && until !== expiry) {
      alerts.push({
        code: 'ORDER_CONTINUES_BECAUSE_AWOL',
        message: `The period ended on ${formatDate(expiry)}, but because the patient was absent without leave around then the order continues until the end of ${formatDate(until)} (s21).`,
      });
    }
    const window = extensionWindow(order);
    const today = londonDateOf(now);
    if (
      window &&
      compareDates(today, window.opens) >= 0 &&
      compareDates(today, window.closes) <= 0 &&
      !currentExtension(order)?.cto7FurnishedAt
    ) {
      alerts.push({
        code: 'EXTENSION_WINDOW_OPEN',
        message: `The renewal (extension) window is open from ${formatDate(window.opens)} to ${formatDate(window.closes)}. Without a CTO7 furnished by the end of ${formatDate(window.closes)} the order expires.`,
      });
    }
    if (state === 'RECALLED') {
      const deadline = currentRecallDeadline(order);
      if (deadline && !deadline.awaitingReturn && now.getTime() >= deadline.instant.getTime()) {
        due.push('SEVENTY_TWO_HOURS_END');
        alerts.push({
          code: 'RELEASE_REQUIRED',
          message: `The 72 hours ended ${formatInstant(deadline.instant)}. The patient must be released now (s17F(6)); they remain on the order. Revocation is no longer possible.`,
        });
      }
    }
    if (state === 'AWOL') {
      const deadline = currentRecallDeadline(order);
      if (deadline?.awaitingReturn) {
        alerts.push({ code: 'AWAITING_RETURN_72_HOURS', message: deadline.explain });
      }
    }
  }
  return {
    ...base,
    state,
    changed: state !== recordedState,
    dueTimeEvents: due,
    ...(state !== recordedState
      ? { reason: 'The order took effect at the time stated in CTO1 Part 3.' }
      : {}),
    alerts,
  };
}
