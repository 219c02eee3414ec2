import 'server-only';
// Release from recall (s17F(5)): the RC releases the patient; they remain on the order
// (s17F(7)). lib/cto warns when the release is recorded after the 72 hours ended.
import { releaseFromRecallSchema } from '@/lib/schemas/orders/recall';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  currentRecall,
  decideAt,
  plainWarnings,
  runOrderService,
  type CallOptions,
  loadOrderForChange,
} from './order-flow';

export type PatientReleased = {
  eventId: string;
  state: string;
  expiry: string | null;
  warnings: { code: string; message: string }[];
};

export function releaseFromRecall(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'record:release',
    auditAction: 'recall.release',
    schema: releaseFromRecallSchema,
    actor,
    input,
    execute: async (ctx): Promise<PatientReleased> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(ctx, order, { type: 'RELEASE_FROM_RECALL' });
      const recall = currentRecall(order);
      if (!recall) throw new Error('lib/cto accepted a release without a recall.');
      await ctx.tx.recall.update({
        where: { id: recall.id },
        data: { outcome: 'RELEASED', endedAt: ctx.now, endedById: ctx.actor.userId },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        facts: { recallId: recall.id, reasons: d.reasons ?? null },
        auditAction: 'recall.release',
      });
      return {
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
