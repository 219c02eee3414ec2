/**
 * The order's conditions (CTO2), Mental Health Act 1983 s17B.
 *
 * - VARY_CONDITIONS (s17B(4); reg 6(2)(b)-(c)): the responsible clinician varies the conditions
 *   alone (no AMHP); a condition left off the list ends. The variation is furnished to the
 *   managers (CTO2) and the patient is given rights information again (s132A, C13).
 * - SUSPEND_CONDITION / REINSTATE_CONDITION (s17B(5)): a condition in force is suspended, and a
 *   suspended one put back in force.
 */
import { refuse } from '../outcomes';
import type { ConditionSnapshot } from '../types';
import { furnishTask, rightsTask } from './clocks-and-tasks';
import { type HandlerTable, mustOrder, uniqueIds } from './handler';

type ConditionsEvent = 'VARY_CONDITIONS' | 'SUSPEND_CONDITION' | 'REINSTATE_CONDITION';

/** Handlers of the condition events. */
export const CONDITIONS_HANDLERS: HandlerTable<ConditionsEvent> = {
  VARY_CONDITIONS: {
    validate: (_ctx, e) => uniqueIds(e.conditions.map((c) => c.id)),
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      const existing = new Map(order.conditions.map((c) => [c.id, c]));
      const listed = new Set(e.conditions.map((c) => c.id));
      // s17B(4): the RC varies alone; a new discretionary condition keeps amhpAgreed false (true
      // only if the AMHP agreed it when the order was made).
      const conditions: ConditionSnapshot[] = [
        ...e.conditions.map((c) => ({
          id: c.id,
          kind: c.kind,
          ...(c.text !== undefined ? { text: c.text } : {}),
          amhpAgreed: c.kind === 'MANDATORY' || (existing.get(c.id)?.amhpAgreed ?? false),
          status: 'ACTIVE' as const,
        })),
        ...order.conditions
          .filter((c) => !listed.has(c.id))
          .map((c) => ({ ...c, status: 'ENDED' as const })),
      ];
      const rights = rightsTask(ctx.atDay, 'VARIATION', ctx.options);
      return {
        order: { ...order, conditions },
        clocks: [rights.clock],
        tasks: [rights.task, furnishTask('CTO2', ctx.atDay, 'reg 6(2)(c)')],
      };
    },
  },
  SUSPEND_CONDITION: {
    guard: (ctx) =>
      ctx.order.conditions.some((c) => c.status === 'ACTIVE')
        ? undefined
        : refuse('CONDITION_NOT_IN_FORCE', 'No condition is in force to suspend.'),
    validate: (ctx, e) => {
      const c = mustOrder(ctx).conditions.find((x) => x.id === e.conditionId);
      if (!c)
        return refuse(
          'CONDITION_NOT_FOUND',
          `There is no condition “${e.conditionId}” on this order.`,
        );
      if (c.status !== 'ACTIVE')
        return refuse(
          'CONDITION_NOT_IN_FORCE',
          `The condition “${c.text ?? c.id}” is not in force (${c.status.toLowerCase()}).`,
        );
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          conditions: order.conditions.map((c) =>
            c.id === e.conditionId ? { ...c, status: 'SUSPENDED' as const } : c,
          ),
        },
      };
    },
  },
  REINSTATE_CONDITION: {
    guard: (ctx) =>
      ctx.order.conditions.some((c) => c.status === 'SUSPENDED')
        ? undefined
        : refuse('CONDITION_NOT_SUSPENDED', 'No condition is suspended.'),
    validate: (ctx, e) => {
      const c = mustOrder(ctx).conditions.find((x) => x.id === e.conditionId);
      if (!c)
        return refuse(
          'CONDITION_NOT_FOUND',
          `There is no condition “${e.conditionId}” on this order.`,
        );
      if (c.status !== 'SUSPENDED')
        return refuse(
          'CONDITION_NOT_SUSPENDED',
          `The condition “${c.text ?? c.id}” is not suspended.`,
        );
      return undefined;
    },
    apply: (ctx, e) => {
      const order = mustOrder(ctx);
      return {
        order: {
          ...order,
          conditions: order.conditions.map((c) =>
            c.id === e.conditionId ? { ...c, status: 'ACTIVE' as const } : c,
          ),
        },
      };
    },
  },
};
