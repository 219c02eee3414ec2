import 'server-only';
// CTO6 (s17F(2)-(3), reg 9): a recalled patient moves to another hospital. The 72 hours do not
// restart (s17F(3)): lib/cto keeps the deadline; this service never touches it.
import { currentRecallDeadline } from '@/lib/cto';
import { transferRecalledSchema } from '@/lib/schemas/orders/recall';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  createStatutoryForm,
  currentRecall,
  decideAt,
  hospitalOfDetention,
  plainWarnings,
  runOrderService,
  type CallOptions,
  loadOrderForChange,
} from './order-flow';

export type PatientTransferred = {
  eventId: string;
  transferId: string;
  toHospitalName: string;
  deadlineAt: string | null;
  warnings: { code: string; message: string }[];
};

export function transferRecalledPatient(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:transfer',
    auditAction: 'recall.transfer',
    schema: transferRecalledSchema,
    actor,
    input,
    execute: async (ctx): Promise<PatientTransferred> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const to = await ctx.tx.hospital.findFirst({
        where: { id: d.toHospitalId, active: true },
        select: { id: true, name: true, underOurManagers: true },
      });
      if (!to) {
        return ctx.refuse(
          'NO_SUCH_HOSPITAL',
          'Select the hospital the patient is transferred to.',
          {
            toHospitalId: 'Select the hospital the patient is transferred to',
          },
        );
      }
      const outcome = decideAt(
        ctx,
        order,
        { type: 'TRANSFER_DURING_RECALL', toHospital: to.id, at: d.transferredAt },
        {
          RECALL_72_HOURS_ENDED: 'transferredAt.date',
          EVENT_IN_FUTURE: 'transferredAt.date',
          BEFORE_ORDER_EFFECTIVE: 'transferredAt.date',
          BEFORE_DETENTION_BEGAN: 'transferredAt.date',
        },
      );
      const recall = currentRecall(order);
      if (!recall) throw new Error('lib/cto accepted a transfer without a recall.');
      const fromHospitalId = await hospitalOfDetention(ctx, recall);
      if (fromHospitalId === to.id) {
        return ctx.refuse('SAME_HOSPITAL', 'The patient is already detained in that hospital.', {
          toHospitalId: 'Select a different hospital from the one the patient is in now',
        });
      }
      const formId = await createStatutoryForm(ctx, order, 'CTO6', {
        recallId: recall.id,
        fromHospitalId,
        toHospitalId: to.id,
        toHospitalName: to.name,
        differentManagers: !to.underOurManagers,
        transferredAt: d.transferredAt.toISOString(),
      });
      const transfer = await ctx.tx.recallTransfer.create({
        data: {
          recallId: recall.id,
          fromHospitalId,
          toHospitalId: to.id,
          transferredAt: d.transferredAt,
          cto6FormId: formId,
          recordedById: ctx.actor.userId,
        },
        select: { id: true },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: d.transferredAt,
        formId,
        facts: {
          recallId: recall.id,
          transferId: transfer.id,
          fromHospitalId,
          toHospitalId: to.id,
        },
        auditAction: 'recall.transfer',
      });
      const deadline = currentRecallDeadline(outcome.order);
      return {
        eventId: result.eventId,
        transferId: transfer.id,
        toHospitalName: to.name,
        deadlineAt: deadline && !deadline.awaitingReturn ? deadline.instant.toISOString() : null,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
