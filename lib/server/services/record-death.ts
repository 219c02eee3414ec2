import 'server-only';
// The patient's death: no statutory procedure; the order ends with the patient (cto-law.md
// 1.16). The CQC must be notified (lib/cto creates the task).
import { recordDeathSchema } from '@/lib/schemas/orders/death';
import { toDbDate } from '@/lib/server/dates';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  closeOrderScopedRows,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function recordDeath(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:death',
    auditAction: 'order.death',
    schema: recordDeathSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const outcome = decide(ctx, order, { type: 'DEATH', diedOn: data.diedOn });
      await tx.patient.update({
        where: { id: order.patientId },
        data: { dateOfDeath: toDbDate(data.diedOn), version: { increment: 1 } },
      });
      await tx.amhpAgreement.updateMany({
        where: { orderId: order.id, decision: 'PENDING' },
        data: { decision: 'WITHDRAWN', respondedAt: now, reasons: 'The patient died.' },
      });
      await tx.nearestRelativeDischargeOrder.updateMany({
        where: { orderId: order.id, outcome: 'PENDING' },
        data: { outcome: 'WITHDRAWN' },
      });
      await closeOrderScopedRows(tx, order.id, now);
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        facts: { diedOn: data.diedOn, notes: data.notes ?? null },
        orderData: { endedOn: toDbDate(data.diedOn) },
        auditAction: 'order.death',
      });
      await ctx.enqueue('notify.cqc-death', {
        orderId: order.id,
        diedOn: data.diedOn,
        eventId: result.eventId,
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
