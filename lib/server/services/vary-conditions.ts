import 'server-only';
// CTO2 (s17B(4); reg 6(2)(b)-(c)): the responsible clinician varies the conditions: changes the
// wording of a discretionary condition (the old row ends and a new one points back at it via
// supersedesId), adds one, or removes one. The two s17B(3) conditions cannot be varied or removed.
// No AMHP agreement is needed under current law; the patient must be given rights information.
import { randomUUID } from 'node:crypto';
import type { ConditionInput } from '@/lib/cto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { varyConditionsSchema } from '@/lib/schemas/orders/conditions';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  createForm,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function varyConditions(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'vary:condition',
    auditAction: 'order.vary-conditions',
    schema: varyConditionsSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const current = order.conditions.filter((c) => c.status !== 'ENDED');
      const target =
        data.change === 'ADD' ? null : (current.find((c) => c.id === data.conditionId) ?? null);
      if (data.change !== 'ADD') {
        if (!target) {
          return ctx.refuse('CONDITION_NOT_FOUND', 'Choose one of the conditions in force.', {
            conditionId: 'Choose one of the conditions in force',
          });
        }
        if (target.kind === 'MANDATORY') {
          // s17B(3): every order contains these two conditions.
          return ctx.refuse(
            'MANDATORY_CONDITION',
            'The conditions under section 17B(3) (availability for examination) are part of every order: they cannot be varied or removed.',
            { conditionId: 'A section 17B(3) condition cannot be varied or removed' },
          );
        }
      }
      const newId = data.change === 'REMOVE' ? null : randomUUID();
      const listed: ConditionInput[] = [
        ...current
          .filter((c) => c.id !== target?.id)
          .map((c) => ({ id: c.id, kind: c.kind, text: c.wording })),
        ...(newId ? [{ id: newId, kind: 'DISCRETIONARY' as const, text: data.wording ?? '' }] : []),
      ];
      const outcome = decide(ctx, order, { type: 'VARY_CONDITIONS', conditions: listed });

      const asVaried = [
        ...current
          .filter((c) => c.id !== target?.id)
          .map((c) => ({ wording: c.wording, kind: c.kind, purpose: c.purpose })),
        ...(newId
          ? [{ wording: data.wording ?? '', kind: 'DISCRETIONARY', purpose: data.purpose ?? null }]
          : []),
      ];
      const formId = await createForm(tx, order, 'CTO2', {
        facts: {
          responsibleClinicianId: actor.userId,
          change: data.change,
          conditionId: target?.id ?? null,
          previousWording: target?.wording ?? null,
          newWording: data.change === 'REMOVE' ? null : (data.wording ?? null),
          purpose: data.purpose ?? null,
          reasons: data.reasons,
          // CTO2 lists the conditions as varied in full.
          conditionsAsVaried: asVaried,
        } satisfies Prisma.InputJsonValue,
        signedById: actor.userId,
        signedAt: now,
        furnishedAt: now,
      });
      if (target) {
        await tx.condition.update({
          where: { id: target.id },
          data: { status: 'ENDED', endedAt: now },
        });
      }
      if (newId) {
        await tx.condition.create({
          data: {
            id: newId,
            orderId: order.id,
            kind: 'DISCRETIONARY',
            category: data.category ?? target?.category ?? 'OTHER',
            wording: data.wording ?? '',
            purpose: data.purpose ?? null,
            status: 'ACTIVE',
            amhpAgreed: false,
            startedAt: now,
            supersedesId: target?.id ?? null,
          },
        });
      }
      await tx.conditionChange.create({
        data: {
          conditionId: newId ?? target?.id ?? '',
          orderId: order.id,
          kind: data.change === 'VARY' ? 'VARIED' : data.change === 'ADD' ? 'ADDED' : 'REMOVED',
          occurredAt: now,
          byId: actor.userId,
          reason: data.reasons,
          previousWording: target?.wording ?? null,
          newWording: data.change === 'REMOVE' ? null : (data.wording ?? null),
          formId,
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        formId,
        facts: {
          change: data.change,
          conditionId: target?.id ?? null,
          newConditionId: newId,
        },
        auditAction: 'order.vary-conditions',
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
      };
    },
  });
}
