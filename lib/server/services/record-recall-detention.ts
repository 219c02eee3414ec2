import 'server-only';
// CTO4 (reg 6(3)(d)): the time detention in hospital by virtue of the recall notice began. It
// starts the 72 hours (C4, s17F(6), (8)(a)); lib/cto refuses it before the notice counts as
// served, or without a notice at all.
import { currentRecallDeadline } from '@/lib/cto';
import { recordDetentionSchema } from '@/lib/schemas/orders/recall';
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

export type DetentionRecorded = {
  eventId: string;
  state: string;
  detentionBeganAt: string;
  /** The 72 hours end at this instant (ISO), from lib/cto. */
  deadlineAt: string;
  deadlineExplain: string;
  warnings: { code: string; message: string }[];
};

export function recordRecallDetention(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:detention',
    auditAction: 'recall.detention',
    schema: recordDetentionSchema,
    actor,
    input,
    execute: async (ctx): Promise<DetentionRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'DETENTION_BEGINS', detentionBeganAt: d.detentionBeganAt, at: d.detentionBeganAt },
        {
          NOTICE_NOT_YET_SERVED: 'detentionBeganAt.date',
          CTO4_BEFORE_CTO3_SERVED: 'detentionBeganAt.date',
          EVENT_IN_FUTURE: 'detentionBeganAt.date',
          BEFORE_ORDER_EFFECTIVE: 'detentionBeganAt.date',
        },
      );
      const recall = currentRecall(order);
      const deadline = currentRecallDeadline(outcome.order);
      if (!recall || !deadline) throw new Error('lib/cto accepted a CTO4 without a recall.');
      const hospitalId = await hospitalOfDetention(ctx, recall);
      const hospital = await ctx.tx.hospital.findUnique({
        where: { id: hospitalId },
        select: { name: true, address: true },
      });
      const formId = await createStatutoryForm(ctx, order, 'CTO4', {
        recallId: recall.id,
        hospitalId,
        hospitalName: hospital?.name ?? null,
        detentionBeganAt: d.detentionBeganAt.toISOString(),
      });
      await ctx.tx.recall.update({
        where: { id: recall.id },
        data: {
          detentionBeganAt: d.detentionBeganAt,
          deadlineAt: deadline.instant,
          cto4FormId: formId,
        },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: d.detentionBeganAt,
        formId,
        facts: {
          recallId: recall.id,
          detentionBeganAt: d.detentionBeganAt.toISOString(),
          deadlineAt: deadline.instant.toISOString(),
        },
        auditAction: 'recall.detention',
      });
      return {
        eventId: result.eventId,
        state: result.state,
        detentionBeganAt: d.detentionBeganAt.toISOString(),
        deadlineAt: deadline.instant.toISOString(),
        deadlineExplain: deadline.explain,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
