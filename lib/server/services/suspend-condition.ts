import 'server-only';
// s17B(5): the responsible clinician suspends a condition, or ends its suspension, with reasons.
import { conditionSuspensionSchema } from '@/lib/schemas/orders/conditions';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

function changeSuspension(kind: 'SUSPEND' | 'REINSTATE') {
  const suspend = kind === 'SUSPEND';
  const auditAction = suspend ? 'order.suspend-condition' : 'order.reinstate-condition';
  return (
    actor: ServiceActor,
    input: unknown,
    options: OrderServiceOptions = {},
  ): Promise<ServiceResult<OrderEventResult>> =>
    runService({
      ...options,
      action: 'vary:condition',
      auditAction,
      schema: conditionSuspensionSchema,
      actor,
      input,
      idempotencyKey: keyOf(input),
      execute: async (ctx) => {
        const { tx, input: data, now } = ctx;
        const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
        const outcome = decide(ctx, order, {
          type: suspend ? 'SUSPEND_CONDITION' : 'REINSTATE_CONDITION',
          conditionId: data.conditionId,
        });
        const condition = order.conditions.find((c) => c.id === data.conditionId);
        await tx.condition.update({
          where: { id: data.conditionId },
          data: { status: suspend ? 'SUSPENDED' : 'ACTIVE' },
        });
        await tx.conditionChange.create({
          data: {
            conditionId: data.conditionId,
            orderId: order.id,
            kind: suspend ? 'SUSPENDED' : 'REINSTATED',
            occurredAt: now,
            byId: actor.userId,
            reason: data.reasons,
            previousWording: condition?.wording ?? null,
          },
        });
        const result = await commit(ctx, {
          order,
          expectedVersion: data.expectedVersion,
          outcome,
          occurredAt: now,
          facts: { conditionId: data.conditionId },
          auditAction,
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

export const suspendCondition = changeSuspension('SUSPEND');
export const reinstateCondition = changeSuspension('REINSTATE');
