/**
 * Making the order (CTO1 Parts 1-3), Mental Health Act 1983 s17A and s17B.
 *
 * - PROPOSE (s17A(1)-(5), s17B): the responsible clinician proposes the order for a patient
 *   detained for treatment, with its conditions; the mandatory ones (s17B(3)) need no agreement.
 * - AMHP_AGREE_MAKING / AMHP_DECLINE_MAKING (s17A(4)(b), s17B(2)): an AMHP agrees (Part 2),
 *   including each discretionary condition, or declines and the proposal ends.
 * - WITHDRAW_PROPOSAL (s17A): the clinician withdraws a proposal not yet made.
 * - MAKE (s17A(1), (4), s20A(1); reg 6(1)): Part 3 is signed after Part 2, every discretionary
 *   condition agreed; the day it is made counts from its signature and effective time (C2).
 *   It starts the first period (s20A(1), C1), the renewal window (s20A(4), C3), the patient's
 *   tribunal window (s66(1)(ca), C10), rights information (s132A, C13), the Part 4A certificate
 *   date (s64B, s64C, C6) or a task to record first medication, the managers' first reference
 *   for a s3 patient (s68(2), C8), and the CTO1 to be furnished to the managers (reg 6(1)(b)).
 * - TAKE_EFFECT (s17A; CTO1 Part 3): an order made with a later effective time takes effect.
 */
import {
  checkDiscretionaryConditionsAgreed,
  checkEffectiveTime,
  checkLegalStatus,
  checkPart3AfterPart2,
  monthEndWarning,
  signedEffectiveWarning,
} from '../checks';
import {
  certificateRequiredFromDetailed,
  firstManagersReferenceDueDetailed,
  madeOnDay,
} from '../clocks';
import { addDays, formatInstant, londonDateOf } from '../dates';
import { type Clock, refuse, type Task, type Warning } from '../outcomes';
import { blankOrder, type ConditionSnapshot, type OrderSnapshot } from '../types';
import { expiryClocks, furnishTask, rightsTask } from './clocks-and-tasks';
import {
  FUTURE_TOLERANCE_MS,
  type HandlerTable,
  mustOrder,
  uniqueIds,
  validInstant,
} from './handler';

type MakingEvent =
  | 'PROPOSE'
  | 'AMHP_AGREE_MAKING'
  | 'AMHP_DECLINE_MAKING'
  | 'WITHDRAW_PROPOSAL'
  | 'MAKE'
  | 'TAKE_EFFECT';

/** Handlers of the making events; the transition table says who and from which states. */
export const MAKING_HANDLERS: HandlerTable<MakingEvent> = {
  PROPOSE: {
    validate: (_ctx, e) =>
      checkLegalStatus(e.legalStatusCode) ?? uniqueIds(e.conditions.map((c) => c.id)),
    apply: (ctx, e) => ({
      order: {
        ...blankFrom(ctx.order),
        state: 'PROPOSED',
        legalStatusCode: e.legalStatusCode,
        proposedAt: ctx.at,
        conditions: e.conditions.map((c) => ({
          id: c.id,
          kind: c.kind,
          ...(c.text !== undefined ? { text: c.text } : {}),
          amhpAgreed: c.kind === 'MANDATORY',
          status: 'ACTIVE' as const,
        })),
      },
    }),
  },
  AMHP_AGREE_MAKING: {
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const unknown = (e.agreedConditionIds ?? []).find(
        (id) => !order.conditions.some((c) => c.id === id),
      );
      if (unknown !== undefined)
        return refuse('CONDITION_NOT_FOUND', `There is no condition “${unknown}” on this order.`);
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const agreed = (c: ConditionSnapshot): boolean =>
        c.kind === 'MANDATORY' ||
        e.agreedConditionIds === undefined ||
        e.agreedConditionIds.includes(c.id);
      return {
        order: {
          ...order,
          amhpAgreedAt: ctx.at,
          conditions: order.conditions.map((c) => ({ ...c, amhpAgreed: agreed(c) })),
        },
      };
    },
  },
  AMHP_DECLINE_MAKING: {
    apply: (ctx) => ({ order: { ...mustOrder(ctx), endedAt: ctx.at } }),
  },
  WITHDRAW_PROPOSAL: {
    apply: (ctx) => ({ order: { ...mustOrder(ctx), endedAt: ctx.at } }),
  },
  MAKE: {
    guard: (ctx) =>
      checkLegalStatus(ctx.order.legalStatusCode) ??
      checkPart3AfterPart2(ctx.at, ctx.order.amhpAgreedAt) ??
      checkDiscretionaryConditionsAgreed(ctx.order.conditions),
    validate: (ctx, e) => {
      const order = mustOrder(ctx);
      const signedAt = e.signedAt ?? ctx.at;
      const bad =
        validInstant(signedAt, 'signature time') ?? validInstant(e.effectiveAt, 'effective time');
      if (bad) return bad;
      if (signedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) {
        return refuse(
          'EVENT_IN_FUTURE',
          `Part 3 cannot be signed in the future (${formatInstant(signedAt)}).`,
        );
      }
      const sequence = checkPart3AfterPart2(signedAt, order.amhpAgreedAt);
      if (sequence) return sequence;
      const effective = checkEffectiveTime(signedAt, e.effectiveAt);
      if (effective && 'ok' in effective) return effective;
      const madeOn = madeOnDay(signedAt, e.effectiveAt).date;
      return [
        effective,
        signedEffectiveWarning(signedAt, e.effectiveAt),
        monthEndWarning(madeOn),
      ].filter((w): w is Warning => w !== undefined && !('ok' in w));
    },
    apply: (ctx, e) => {
      const signedAt = e.signedAt ?? ctx.at;
      const made = madeOnDay(signedAt, e.effectiveAt);
      const inEffect = e.effectiveAt.getTime() <= ctx.now.getTime();
      const order: OrderSnapshot = {
        ...mustOrder(ctx),
        signedAt,
        effectiveAt: e.effectiveAt,
        madeOn: made.date,
        extensionsGranted: 0,
        extension: null,
      };
      const { clocks, tasks } = expiryClocks(order);
      const rights = rightsTask(made.date, 'MAKING', ctx.options);
      const extraClocks: Clock[] = [];
      const extraTasks: Task[] = [furnishTask('CTO1', londonDateOf(signedAt), 'reg 6(1)(b)')];
      if (!inEffect) {
        extraClocks.push({
          kind: 'EFFECTIVE_TIME',
          instant: e.effectiveAt,
          basis: 's17A; CTO1 Part 3',
          explain: `The order takes effect ${formatInstant(e.effectiveAt)}.`,
        });
      }
      if (order.firstMedicationOn) {
        const c = certificateRequiredFromDetailed(made.date, order.firstMedicationOn);
        extraClocks.push({
          kind: 'CERTIFICATE_REQUIRED',
          date: c.date,
          basis: c.basis,
          explain: c.explain,
        });
        extraTasks.push({
          kind: 'ARRANGE_PART4A_CERTIFICATE',
          title: 'Arrange a Part 4A certificate (CTO11 or CTO12)',
          basis: c.basis,
          explain: c.explain,
          dueOn: addDays(c.date, -1),
          assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
        });
      } else {
        extraTasks.push({
          kind: 'RECORD_FIRST_MEDICATION_DATE',
          title: 'Record the first date medication was given while liable to be detained',
          basis: 's64B, s64C, s58',
          explain:
            'The date a Part 4A certificate is needed depends on it (one month after the order was made, or three months after first medication, whichever is later).',
          dueOn: made.date,
          assigneeRoles: ['RESPONSIBLE_CLINICIAN', 'MHA_ADMINISTRATOR'],
        });
      }
      if (order.applicableDay && order.legalStatusCode === '03') {
        const ref = firstManagersReferenceDueDetailed(order.applicableDay);
        extraClocks.push({
          kind: 'FIRST_MANAGERS_REFERENCE',
          date: ref.date,
          basis: ref.basis,
          explain: ref.explain,
        });
        extraTasks.push({
          kind: 'FIRST_MANAGERS_REFERENCE',
          title: 'Refer the case to the tribunal (first reference), unless an application is made',
          basis: ref.basis,
          explain: ref.explain,
          dueOn: ref.date,
          assigneeRoles: ['MHA_ADMINISTRATOR'],
        });
      }
      return {
        order,
        state: inEffect ? 'ACTIVE' : 'AWAITING_EFFECT',
        clocks: [...extraClocks, ...clocks, rights.clock],
        tasks: [rights.task, ...extraTasks, ...tasks],
      };
    },
  },
  TAKE_EFFECT: {
    guard: (ctx) =>
      ctx.order.effectiveAt && ctx.at.getTime() >= ctx.order.effectiveAt.getTime()
        ? undefined
        : refuse(
            'NOT_DUE_YET',
            ctx.order.effectiveAt
              ? `The order takes effect ${formatInstant(ctx.order.effectiveAt)}, not yet.`
              : 'The order has no effective time.',
          ),
    apply: (ctx) => ({ order: mustOrder(ctx) }),
  },
};

function blankFrom(order: OrderSnapshot | null): OrderSnapshot {
  return blankOrder({
    ...(order?.id !== undefined ? { id: order.id } : {}),
    firstMedicationOn: order?.firstMedicationOn ?? null,
    applicableDay: order?.applicableDay ?? null,
  });
}
