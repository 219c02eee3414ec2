/**
 * Discharge, and the nearest relative's order for discharge, Mental Health Act 1983 s23, s25, s72.
 *
 * - DISCHARGE_BY_RC (s23(2)(c)), DISCHARGE_BY_MANAGERS (s23(2)(c), (4)-(6)), DISCHARGE_BY_TRIBUNAL
 *   (s72(1)(c)): the order ends; any recall ends with it; a pending nearest relative's order is
 *   no longer needed.
 * - NR_DISCHARGE_ORDER_RECEIVED (s23(2)(c), s25(1); reg 25): takes effect 72 hours after
 *   receipt unless barred (C11); not while one is pending, nor within six months of a barring
 *   report (s25(1)(b)).
 * - NR_BARRING_REPORT (s25(1); reg 25(1)(b)): the responsible clinician's report (M2), after
 *   receipt and within the 72 hours; it opens the nearest relative's 28 days to apply to the
 *   tribunal (s66(1)(g), (2)(d)) and the six-month bar (s25(1)(b)).
 * - NR_DISCHARGE_TAKES_EFFECT (s23, s25(1)): the system records the unbarred order taking effect.
 */
import { checkBarringAfterReceipt } from '../checks';
import { nrBarEnds, nrDischargeTakesEffectAt, nrTribunalWindow } from '../clocks';
import { addDays, compareDates, formatDate, formatInstant, londonDateOf } from '../dates';
import { refuse, type Warning } from '../outcomes';
import type { CtoEndReason, OrderSnapshot } from '../types';
import { endTask } from './clocks-and-tasks';
import { type Ctx, type Effects, type HandlerTable, mustOrder, setRecall } from './handler';

type DischargeEvent =
  | 'DISCHARGE_BY_RC'
  | 'DISCHARGE_BY_MANAGERS'
  | 'DISCHARGE_BY_TRIBUNAL'
  | 'NR_DISCHARGE_ORDER_RECEIVED'
  | 'NR_BARRING_REPORT'
  | 'NR_DISCHARGE_TAKES_EFFECT';

/** Handlers of the discharge events. */
export const DISCHARGE_NEAREST_RELATIVE_HANDLERS: HandlerTable<DischargeEvent> = {
  DISCHARGE_BY_RC: {
    apply: (ctx) =>
      discharge(ctx, 'by the responsible clinician', 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN'),
  },
  DISCHARGE_BY_MANAGERS: {
    apply: (ctx) => discharge(ctx, 'by the hospital managers', 'DISCHARGED_BY_HOSPITAL_MANAGERS'),
  },
  DISCHARGE_BY_TRIBUNAL: {
    apply: (ctx) => discharge(ctx, 'by the tribunal', 'DISCHARGED_BY_TRIBUNAL'),
  },
  NR_DISCHARGE_ORDER_RECEIVED: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (nr.orderReceivedAt && nr.barredOn === null) {
        return refuse(
          'NR_ORDER_ALREADY_PENDING',
          `A nearest relative’s order received ${formatInstant(nr.orderReceivedAt)} is already pending.`,
        );
      }
      if (nr.lastBarringReportOn) {
        const bar = nrBarEnds(nr.lastBarringReportOn);
        if (compareDates(ctx.atDay, bar.date) <= 0) {
          return refuse(
            'NR_BARRED',
            `After the barring report of ${formatDate(nr.lastBarringReportOn)} the nearest relative cannot order discharge until after ${formatDate(bar.date)} (s25(1)(b)). They may apply to the tribunal instead.`,
          );
        }
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const effect = nrDischargeTakesEffectAt(ctx.at);
      return {
        order: {
          ...order,
          nearestRelative: { ...order.nearestRelative, orderReceivedAt: ctx.at, barredOn: null },
        },
        clocks: [
          {
            kind: 'NEAREST_RELATIVE_DISCHARGE',
            instant: effect.instant,
            basis: effect.basis,
            explain: effect.explain,
          },
        ],
        tasks: [
          {
            kind: 'CONSIDER_NR_BARRING',
            title: 'Consider whether to bar the nearest relative’s discharge (M2)',
            basis: 's25(1)',
            explain: effect.explain,
            dueAt: effect.instant,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN'],
          },
        ],
      };
    },
  },
  NR_BARRING_REPORT: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (!nr.orderReceivedAt)
        return refuse(
          'NO_NR_ORDER_PENDING',
          'There is no nearest relative’s order for discharge to bar.',
        );
      if (nr.barredOn)
        return refuse(
          'NR_ALREADY_BARRED',
          `The nearest relative’s order was already barred on ${formatDate(nr.barredOn)}.`,
        );
      // s25(1): the report answers the order, within the 72 hours after it was received.
      const early = checkBarringAfterReceipt(ctx.at, nr.orderReceivedAt);
      if (early) return early;
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      if (ctx.at.getTime() >= effect.getTime()) {
        return refuse(
          'NR_BARRING_TOO_LATE',
          `The nearest relative’s discharge took effect ${formatInstant(effect)}, 72 hours after the order was received. A barring report now is too late (s25(1)).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const window = nrTribunalWindow(ctx.atDay);
      const bar = nrBarEnds(ctx.atDay);
      return {
        order: {
          ...order,
          nearestRelative: {
            ...order.nearestRelative,
            barredOn: ctx.atDay,
            lastBarringReportOn: ctx.atDay,
          },
        },
        clocks: [
          {
            kind: 'NEAREST_RELATIVE_TRIBUNAL_WINDOW',
            opensOn: window.opens,
            date: window.closes.date,
            basis: window.closes.basis,
            explain: window.closes.explain,
          },
          {
            kind: 'NR_BAR',
            opensOn: ctx.atDay,
            date: bar.date,
            basis: bar.basis,
            explain: bar.explain,
          },
        ],
        tasks: [
          {
            kind: 'INFORM_NR_OF_BARRING',
            title:
              'Tell the nearest relative about the barring report and their right to apply to the tribunal',
            basis: 's25(2), s66(1)(g)',
            explain: window.closes.explain,
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
          {
            kind: 'CONSIDER_MANAGERS_REVIEW_AFTER_BARRING',
            title: 'Managers to consider a review after the barring report',
            basis: 'Code of Practice 38.20-38.21',
            explain:
              'The hospital managers should consider holding a review when the responsible clinician bars a nearest relative’s discharge.',
            dueOn: addDays(ctx.atDay, 7),
            assigneeRoles: ['HOSPITAL_MANAGER', 'MHA_ADMINISTRATOR'],
          },
        ],
        completes: ['CONSIDER_NR_BARRING'],
      };
    },
  },
  NR_DISCHARGE_TAKES_EFFECT: {
    guard: (ctx) => {
      const nr = ctx.order.nearestRelative;
      if (!nr.orderReceivedAt || nr.barredOn)
        return refuse(
          'NO_NR_ORDER_PENDING',
          'There is no unbarred nearest relative’s order pending.',
        );
      const effect = nrDischargeTakesEffectAt(nr.orderReceivedAt).instant;
      return ctx.at.getTime() >= effect.getTime()
        ? undefined
        : refuse(
            'NOT_DUE_YET',
            `The nearest relative’s discharge takes effect ${formatInstant(effect)}, not yet.`,
          );
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const effect = order.nearestRelative.orderReceivedAt
        ? nrDischargeTakesEffectAt(order.nearestRelative.orderReceivedAt).instant
        : ctx.at;
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt
              ? { endedAt: effect, outcome: 'ORDER_ENDED' }
              : {},
          ),
          endedAt: effect,
        },
        endReason: 'DISCHARGED_BY_NEAREST_RELATIVE',
        tasks: [
          endTask(
            londonDateOf(effect),
            `The nearest relative’s order for discharge took effect ${formatInstant(effect)}.`,
          ),
        ],
      };
    },
  },
};

function discharge(
  ctx: Ctx & { order: OrderSnapshot | null },
  by: string,
  endReason: CtoEndReason,
): Effects {
  const order = mustOrder(ctx);
  const warnings: Warning[] = [];
  if (order.nearestRelative.orderReceivedAt && !order.nearestRelative.barredOn) {
    warnings.push({
      code: 'NR_ORDER_PENDING_AT_DISCHARGE',
      message: 'A nearest relative’s order for discharge was pending; it is no longer needed.',
    });
  }
  return {
    order: {
      ...setRecall(
        order,
        order.recall && !order.recall.endedAt ? { endedAt: ctx.at, outcome: 'ORDER_ENDED' } : {},
      ),
      endedAt: ctx.at,
    },
    warnings,
    endReason,
    tasks: [endTask(ctx.atDay, `The order was discharged ${by} on ${formatDate(ctx.atDay)}.`)],
  };
}
