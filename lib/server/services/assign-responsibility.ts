import 'server-only';
// s19A, reg 17, CTO10: the MHA office assigns responsibility for the community patient to another
// hospital. The order's dates and the s68 applicable day do not change (s19A(2)(b)): only the
// responsible hospital does. CTO10 is the authority where the new hospital is under different
// managers (reg 17(3)); the receiving managers' agreement and the date are recorded on it.
import { assignResponsibilitySchema } from '@/lib/schemas/orders/assignment';
import { compareDates, londonDateOf, londonInstant } from '@/lib/cto';
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

export function assignResponsibility(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:assignment',
    auditAction: 'order.assign-responsibility',
    schema: assignResponsibilitySchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const [from, to] = await Promise.all([
        tx.hospital.findUniqueOrThrow({
          where: { id: order.responsibleHospitalId },
          select: { id: true, name: true, managersName: true },
        }),
        tx.hospital.findFirst({
          where: { id: data.toHospitalId, active: true },
          select: { id: true, name: true, managersName: true },
        }),
      ]);
      if (!to) {
        return ctx.refuse('HOSPITAL_NOT_FOUND', 'Choose a hospital from the list.', {
          toHospitalId: 'Choose a hospital from the list',
        });
      }
      if (to.id === from.id) {
        return ctx.refuse('SAME_HOSPITAL', `${to.name} is already the responsible hospital.`, {
          toHospitalId: 'Choose a different hospital from the one responsible now',
        });
      }
      if (compareDates(data.receivingAgreedOn, data.assignedOn) > 0) {
        return ctx.refuse(
          'AGREEMENT_AFTER_ASSIGNMENT',
          'The receiving managers must agree before the assignment takes place (reg 17(3)(b)).',
          { receivingAgreedOn: 'The agreement must be on or before the date of the assignment' },
        );
      }
      if (compareDates(data.assignedOn, londonDateOf(now)) > 0) {
        return ctx.refuse(
          'EVENT_IN_FUTURE',
          'Record the assignment on or after the day it takes place.',
          { assignedOn: 'The date of the assignment cannot be in the future' },
        );
      }
      // The assignment takes effect on the day the receiving managers specified.
      const today = compareDates(data.assignedOn, londonDateOf(now)) === 0;
      const at = today ? now : londonInstant(data.assignedOn, 9, 0);
      const outcome = decide(ctx, order, {
        type: 'ASSIGN_RESPONSIBILITY',
        at,
        toHospital: to.name,
      });
      const differentManagers = from.managersName !== to.managersName;
      const formId = differentManagers
        ? await createForm(tx, order, 'CTO10', {
            facts: {
              fromHospitalId: from.id,
              fromHospitalName: from.name,
              toHospitalId: to.id,
              toHospitalName: to.name,
              receivingManagersAgreedOn: data.receivingAgreedOn,
              assignmentOn: data.assignedOn,
              notes: data.notes ?? null,
            },
            signedById: actor.userId,
            signedAt: now,
          })
        : null;
      await tx.responsibilityAssignment.create({
        data: {
          orderId: order.id,
          fromHospitalId: from.id,
          toHospitalId: to.id,
          assignedAt: at,
          cto10FormId: formId,
          recordedById: actor.userId,
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: at,
        formId,
        facts: { fromHospitalId: from.id, toHospitalId: to.id, differentManagers },
        // s19A(2)(b): only the responsible hospital changes.
        orderData: { responsibleHospitalId: to.id },
        auditAction: 'order.assign-responsibility',
      });
      // reg 17(4): the receiving managers must tell the patient in writing.
      await ctx.enqueue('notify.assignment', {
        orderId: order.id,
        toHospitalId: to.id,
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
