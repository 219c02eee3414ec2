import 'server-only';
// How often the patient should be seen while on this order (issue 8 §1, decisions 701 and
// 824): the care coordinator or the responsible clinician of the patient's team sets it, or
// clears it back to the trust's default. Not statutory: no lib/cto event, but the order's
// version is checked and bumped like any change, and the change is audited with both values.
import { contactFrequencySchema } from '@/lib/schemas/orders/contact-frequency';
import { IN_FORCE_STATES } from '@/lib/cto';
import { loadOrderForChange } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import { keyOf, type OrderServiceOptions } from './order-service-support';

export interface ContactFrequencyResult {
  orderId: string;
  patientId: string;
  /** The order's own frequency; null: the trust's default. */
  contactFrequencyDays: number | null;
}

export function setContactFrequency(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<ContactFrequencyResult>> {
  return runService({
    ...options,
    action: 'set:contact-frequency',
    auditAction: 'order.contact-frequency',
    schema: contactFrequencySchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const live =
        IN_FORCE_STATES.includes(order.state) ||
        order.state === 'PROPOSED' ||
        order.state === 'AGREED' ||
        order.state === 'AWAITING_EFFECT';
      if (!live) {
        ctx.refuse(
          'ORDER_ENDED',
          'This order has ended: how often the patient is seen is set on the order in force.',
        );
      }
      await tx.communityTreatmentOrder.update({
        where: { id: order.id },
        data: { contactFrequencyDays: data.contactFrequencyDays },
      });
      await ctx.audit({
        action: 'order.contact-frequency',
        outcome: 'SUCCESS',
        entityType: 'CommunityTreatmentOrder',
        entityId: order.id,
        patientId: order.patientId,
        metadata: { from: order.contactFrequencyDays, to: data.contactFrequencyDays },
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        contactFrequencyDays: data.contactFrequencyDays,
      };
    },
  });
}
