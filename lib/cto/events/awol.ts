/**
 * Absence without leave, Mental Health Act 1983 s18, s21, s21A, s21B.
 *
 * - AWOL_BEGINS (s18(2A), s17E): a recalled patient who fails to return or leaves (not before
 *   the notice counts as served); the 72 hours are suspended (s21(4)) and, around the expiry,
 *   the order continues (s21, C12).
 * - AWOL_ENDS (s18, s21(4), s21-s21B): the return; a patient returned under the notice is
 *   detained from then (CTO4, reg 6(3)(d)); after more than 28 days around the expiry a CTO8 is
 *   due within one week beginning with the return (s21B).
 */
import { formatInstant } from '../dates';
import { awolAroundExpiry } from '../order-facts';
import { type Clock, refuse, type Task, type Warning } from '../outcomes';
import type { OrderSnapshot } from '../types';
import { recallClock } from './clocks-and-tasks';
import { type HandlerTable, mustOrder, setRecall } from './handler';

type AwolEvent = 'AWOL_BEGINS' | 'AWOL_ENDS';

/** Handlers of the absence without leave events. */
export const AWOL_HANDLERS: HandlerTable<AwolEvent> = {
  AWOL_BEGINS: {
    guard: (ctx) => {
      const recall = ctx.order.recall;
      if (
        ctx.state === 'RECALL_PENDING' &&
        recall &&
        ctx.at.getTime() < recall.noticeServedAt.getTime()
      ) {
        return refuse(
          'NOTICE_NOT_YET_SERVED',
          `The recall notice counts as served only from ${formatInstant(recall.noticeServedAt)}; the patient cannot be absent without leave before then.`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      const order: OrderSnapshot = {
        ...before,
        absences: [...before.absences, { from: ctx.at, to: null }],
      };
      const clocks: Clock[] = [];
      const rc = recallClock(order);
      if (rc) clocks.push(rc.clock);
      const awol = awolAroundExpiry(order);
      if (awol)
        clocks.push({
          kind: 'AWOL_EXTENDED_EXPIRY',
          date: awol.result.continuesUntil.date,
          basis: awol.result.continuesUntil.basis,
          explain: awol.result.continuesUntil.explain,
        });
      return {
        order,
        clocks,
        tasks: [
          {
            kind: 'RETURN_AWOL_PATIENT',
            title: 'Take and return the patient (s18)',
            basis: 's18',
            explain:
              'The patient may be taken into custody and returned by an AMHP, hospital staff, a constable or a person authorised by the managers.',
            dueOn: ctx.atDay,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
          },
        ],
      };
    },
  },
  AWOL_ENDS: {
    guard: (ctx) => {
      const open = ctx.order.absences.find((a) => a.to === null);
      if (open && ctx.at.getTime() < open.from.getTime()) {
        return refuse(
          'INVALID_INPUT',
          `The return cannot be before the absence began (${formatInstant(open.from)}).`,
        );
      }
      return undefined;
    },
    apply: (ctx) => {
      const before = mustOrder(ctx);
      let order: OrderSnapshot = {
        ...before,
        absences: before.absences.map((a) => (a.to === null ? { ...a, to: ctx.at } : a)),
      };
      const tasks: Task[] = [];
      const clocks: Clock[] = [];
      const warnings: Warning[] = [];
      if (order.recall && !order.recall.detentionBeganAt) {
        // Returned to hospital under the notice: detention by virtue of it begins now.
        order = setRecall(order, { detentionBeganAt: ctx.at });
        tasks.push({
          kind: 'COMPLETE_CTO4',
          title: 'Complete the CTO4 with the time detention began',
          basis: 'reg 6(3)(d)',
          explain: `The patient was returned ${formatInstant(ctx.at)}; record this on the CTO4.`,
          dueOn: ctx.atDay,
          assigneeRoles: ['MHA_ADMINISTRATOR'],
        });
      }
      const rc = recallClock(order);
      if (rc) {
        clocks.push(rc.clock);
        tasks.push(rc.task);
      }
      const awol = awolAroundExpiry(order);
      if (awol) {
        clocks.push({
          kind: 'AWOL_EXTENDED_EXPIRY',
          date: awol.result.continuesUntil.date,
          basis: awol.result.continuesUntil.basis,
          explain: awol.result.continuesUntil.explain,
        });
        warnings.push({
          code: 'ORDER_CONTINUES_BECAUSE_AWOL',
          message: awol.result.continuesUntil.explain,
        });
        if (awol.result.cto8Due) {
          clocks.push({
            kind: 'CTO8_DUE',
            date: awol.result.cto8Due.date,
            basis: awol.result.cto8Due.basis,
            explain: awol.result.cto8Due.explain,
          });
          tasks.push({
            kind: 'ARRANGE_CTO8',
            title: 'Examine and furnish a CTO8 (after absence of more than 28 days)',
            basis: awol.result.cto8Due.basis,
            explain: awol.result.cto8Due.explain,
            dueOn: awol.result.cto8Due.date,
            assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'AMHP'],
          });
        }
      }
      return { order, clocks, tasks, warnings, completes: ['RETURN_AWOL_PATIENT'] };
    },
  },
};
