import 'server-only';
// s64C(4A): a CTO12 stops covering treatment when the patient withdraws consent or loses
// capacity; a CTO11 (SOAD) is needed before further medication, except in an emergency (s64G).
import { endCertificateSchema } from '@/lib/schemas/orders/certificates';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function endCertificate(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:certificate',
    auditAction: 'order.certificate-ended',
    schema: endCertificateSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const outcome = decide(ctx, order, {
        type: 'CERTIFICATE_ENDED',
        certificateId: data.certificateId,
        reason: data.reason,
      });
      await tx.treatmentCertificate.update({
        where: { id: data.certificateId },
        data: {
          status: 'ENDED',
          endedOn: toDbDate(londonDateOf(now)),
          endReason: data.reason,
          endNotes: data.notes ?? null,
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        facts: { certificateId: data.certificateId, reason: data.reason },
        auditAction: 'order.certificate-ended',
      });
      await ctx.enqueue('notify.cto11-needed', {
        orderId: order.id,
        eventId: result.eventId,
        certificateId: data.certificateId,
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
