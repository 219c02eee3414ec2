/**
 * The order ending by time or death, and the one administrative event.
 *
 * - ASSIGN_RESPONSIBILITY (s19A; reg 17): responsibility passes to another hospital (CTO10);
 *   the order's dates and the s68 applicable day do not change (s19A(2)(b)).
 * - DEATH (common law; CQC (Registration) Regulations 2009 reg 17): the order ends; the CQC is
 *   told of the death of a patient subject to the Act.
 * - EXPIRE (s20B, s17C(a)): the system records that the order expired at the end of its last
 *   day with no extension furnished, or at the end of its extension under s21 after an absence
 *   (s21B: not extended after the absence).
 */
import { addDays, endOfLondonDay, formatDate } from '../dates';
import { awolAroundExpiry, inForceUntil } from '../order-facts';
import { refuse, type Warning } from '../outcomes';
import { endTask } from './clocks-and-tasks';
import { type HandlerTable, mustOrder, notAfterToday, setRecall, validDay } from './handler';

type EndingAdministrationEvent = 'ASSIGN_RESPONSIBILITY' | 'DEATH' | 'EXPIRE';

/** Handlers of the ending and administrative events. */
export const ENDING_ADMINISTRATION_HANDLERS: HandlerTable<EndingAdministrationEvent> = {
  ASSIGN_RESPONSIBILITY: {
    apply: (ctx) => ({ order: mustOrder(ctx) }),
  },
  DEATH: {
    validate: (ctx, e) =>
      validDay(e.diedOn, 'date of death') ?? notAfterToday(e.diedOn, ctx.atDay, 'date of death'),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt
              ? { endedAt: ctx.at, outcome: 'ORDER_ENDED' }
              : {},
          ),
          diedOn: e.diedOn,
          endedAt: ctx.at,
        },
        endReason: 'DIED',
        tasks: [
          {
            kind: 'NOTIFY_CQC_OF_DEATH',
            title: 'Notify the CQC of the death of a patient subject to the Act',
            basis: 'CQC (Registration) Regulations 2009 reg 17',
            explain: `The patient died on ${formatDate(e.diedOn)} while subject to the Act (community patient).`,
            dueOn: ctx.atDay,
            assigneeRoles: ['MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },
  EXPIRE: {
    guard: (ctx) => {
      const until = inForceUntil(ctx.order);
      if (until === null || ctx.at.getTime() < endOfLondonDay(until).getTime()) {
        return refuse(
          'NOT_DUE_YET',
          until
            ? `The order is in force until the end of ${formatDate(until)}.`
            : 'The order has not been made.',
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const order = mustOrder(ctx);
      const until = inForceUntil(order) ?? ctx.atDay;
      const endedAt = endOfLondonDay(until);
      const warnings: Warning[] = [];
      if (ctx.state === 'RECALLED' || ctx.state === 'RECALL_PENDING' || ctx.state === 'AWOL') {
        warnings.push({
          code: 'EXPIRED_DURING_RECALL',
          message: `The order expired at the end of ${formatDate(until)} while the patient was recalled. There is no longer any authority to detain or recall them (s20B).`,
        });
      }
      return {
        order: {
          ...setRecall(
            order,
            order.recall && !order.recall.endedAt ? { endedAt, outcome: 'ORDER_ENDED' } : {},
          ),
          endedAt,
        },
        endReason:
          awolAroundExpiry(order)?.result.route === 'S21B' ? 'NOT_EXTENDED_AFTER_AWOL' : 'EXPIRED',
        warnings,
        tasks: [
          endTask(
            addDays(until, 1),
            `The order expired at the end of ${formatDate(until)} (s20B).`,
          ),
        ],
      };
    },
  },
};
