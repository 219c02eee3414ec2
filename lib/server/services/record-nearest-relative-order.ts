import 'server-only';
// s23, s25(1): the MHA office records the nearest relative's order for discharge at the moment an
// officer authorised by the managers received it (Kingswood Centre): the discharge takes effect
// 72 hours later unless the responsible clinician furnishes a barring report (M2) before then.
import { nrDischargeTakesEffectAt } from '@/lib/cto';
import { recordNearestRelativeOrderSchema } from '@/lib/schemas/orders/nearest-relative';
import { commit } from '@/lib/server/orders/record-event';
import { decideAt } from './order-flow';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function recordNearestRelativeOrder(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'receive:nr-discharge-order',
    auditAction: 'order.nr-discharge-order',
    schema: recordNearestRelativeOrderSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      // A refusal about the time typed (in the future, before the order took effect, within the
      // six-month bar) is shown beside it.
      const outcome = decideAt(
        ctx,
        order,
        { type: 'NR_DISCHARGE_ORDER_RECEIVED', at: data.receivedAt },
        {
          EVENT_IN_FUTURE: 'receivedAt.date',
          BEFORE_ORDER_EFFECTIVE: 'receivedAt.date',
          NR_BARRED: 'receivedAt.date',
        },
      );
      if (data.nearestRelativeId) {
        const relative = await tx.nearestRelative.findFirst({
          where: { id: data.nearestRelativeId, patientId: order.patientId },
          select: { id: true },
        });
        if (!relative) {
          return ctx.refuse(
            'NEAREST_RELATIVE_NOT_FOUND',
            'Choose the patient’s nearest relative.',
            {
              nearestRelativeId: 'Choose the patient’s nearest relative',
            },
          );
        }
      }
      const takesEffect = nrDischargeTakesEffectAt(data.receivedAt);
      const nrOrder = await tx.nearestRelativeDischargeOrder.create({
        data: {
          orderId: order.id,
          nearestRelativeId: data.nearestRelativeId ?? null,
          receivedAt: data.receivedAt,
          receivedById: actor.userId,
          takesEffectAt: takesEffect.instant,
          outcome: 'PENDING',
        },
        select: { id: true },
      });
      const nrEvent = await tx.nearestRelativeEvent.create({
        select: { id: true },
        data: {
          patientId: order.patientId,
          nearestRelativeId: data.nearestRelativeId ?? null,
          kind: 'DISCHARGE_ORDER_RECEIVED',
          occurredAt: data.receivedAt,
          recordedById: actor.userId,
          notes: `Order for discharge received by ${data.receivedBy}.${data.notes ? ` ${data.notes}` : ''}`,
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: data.receivedAt,
        facts: {
          nrOrderId: nrOrder.id,
          nrEventId: nrEvent.id,
          receivedBy: data.receivedBy,
          takesEffectAt: takesEffect.instant.toISOString(),
        },
        auditAction: 'order.nr-discharge-order',
      });
      // The responsible clinician must consider a barring report within the 72 hours.
      await ctx.enqueue('notify.nr-discharge-order', {
        orderId: order.id,
        eventId: result.eventId,
        nrOrderId: nrOrder.id,
        responsibleClinicianId: order.responsibleClinicianId,
        takesEffectAt: takesEffect.instant.toISOString(),
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
        nrOrderId: nrOrder.id,
        takesEffectAt: takesEffect.instant.toISOString(),
      };
    },
  });
}
