import 'server-only';
// C6 depends on the first day medication was given in the patient's continuous period of
// liability to detention (s58(1)(b), s64B-C). When the legal status period lacks it, the MHA
// office or the RC records it; the certificate requirement date and the deadlines are recomputed.
// There is no lifecycle event for it: it is a fact of the underlying detention, recorded once.
import { env } from '@/lib/env';
import { compareDates } from '@/lib/cto';
import { firstMedicationSchema } from '@/lib/schemas/orders/certificates';
import { fromDbDate, londonDateOf, toDbDate } from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  loadOrderForChange,
  type OrderEventResult,
  type OrderServiceOptions,
  keyOf,
} from './order-service-support';

export function recordFirstMedication(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:certificate',
    auditAction: 'order.first-medication',
    schema: firstMedicationSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const lsp = await tx.legalStatusPeriod.findUniqueOrThrow({
        where: { id: order.legalStatusPeriodId },
        select: { id: true, firstMedicationOn: true, startDate: true },
      });
      if (lsp.firstMedicationOn) {
        return ctx.refuse(
          'ALREADY_RECORDED',
          `The first medication date is already recorded (${fromDbDate(lsp.firstMedicationOn)}). To correct it, mark it entered in error first.`,
        );
      }
      if (compareDates(data.firstMedicationOn, londonDateOf(now)) > 0) {
        return ctx.refuse('EVENT_IN_FUTURE', 'The date cannot be in the future.', {
          firstMedicationOn: 'The date cannot be in the future',
        });
      }
      await ctx.bumpOrderVersion(order.id, data.expectedVersion);
      await tx.legalStatusPeriod.update({
        where: { id: lsp.id },
        data: { firstMedicationOn: toDbDate(data.firstMedicationOn) },
      });
      const event = await tx.ctoEvent.create({
        data: {
          orderId: order.id,
          patientId: order.patientId,
          type: 'OTHER',
          occurredAt: now,
          recordedById: actor.userId,
          stateBefore: order.state,
          stateAfter: order.state,
          facts: {
            kind: 'FIRST_MEDICATION_RECORDED',
            legalStatusPeriodId: lsp.id,
            firstMedicationOn: data.firstMedicationOn,
          },
        },
        select: { id: true },
      });
      await recomputeOrderDeadlines(tx, order.id, londonDateOf(now), now, {
        rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
      });
      await ctx.audit({
        action: 'order.first-medication',
        outcome: 'SUCCESS',
        entityType: 'LegalStatusPeriod',
        entityId: lsp.id,
        patientId: order.patientId,
        metadata: { orderId: order.id, eventId: event.id },
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: event.id,
        state: order.state,
        expiry: order.currentExpiryDate ? fromDbDate(order.currentExpiryDate) : null,
        warnings: [],
      };
    },
  });
}
