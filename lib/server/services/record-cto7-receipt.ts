import 'server-only';
// CTO7 Part 4 (reg 13(7)): the managers of the responsible hospital record receipt of the
// report. lib/cto refuses it before Part 3, or twice.
import { cto7ReceiptSchema } from '@/lib/schemas/orders/extension';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type Cto7Received = {
  eventId: string;
  extensionId: string;
  warnings: { code: string; message: string }[];
};

export function recordCto7Receipt(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'receive:cto7',
    auditAction: 'extension.receive-cto7',
    schema: cto7ReceiptSchema,
    actor,
    input,
    execute: async (ctx): Promise<Cto7Received> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const furnished = [...order.extensions].reverse().find((e) => e.cto7FurnishedAt !== null);
      // The form takes hours and minutes: a receipt typed in the same minute as the furnishing
      // is that moment, not before it.
      const receivedAt =
        furnished?.cto7FurnishedAt &&
        d.receivedAt < furnished.cto7FurnishedAt &&
        furnished.cto7FurnishedAt.getTime() - d.receivedAt.getTime() < 60_000
          ? furnished.cto7FurnishedAt
          : d.receivedAt;
      const outcome = decideAt(
        ctx,
        order,
        { type: 'MANAGERS_RECEIVE_CTO7', at: receivedAt },
        {
          CTO7_PART4_BEFORE_PART3: 'receivedAt.date',
          EVENT_IN_FUTURE: 'receivedAt.date',
          BEFORE_ORDER_EFFECTIVE: 'receivedAt.date',
        },
      );
      const extension = [...order.extensions].reverse().find((e) => e.cto7FurnishedAt !== null);
      if (!extension) throw new Error('lib/cto accepted Part 4 without a furnished CTO7.');
      await ctx.tx.extension.update({
        where: { id: extension.id },
        data: { managersReceivedAt: receivedAt, managersReceivedById: ctx.actor.userId },
      });
      if (extension.cto7FormId) {
        await ctx.tx.statutoryForm.update({
          where: { id: extension.cto7FormId },
          data: { receivedAt, receivedById: ctx.actor.userId },
        });
      }
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: receivedAt,
        formId: extension.cto7FormId,
        facts: { extensionId: extension.id, receivedAt: receivedAt.toISOString() },
        auditAction: 'extension.receive-cto7',
      });
      return {
        eventId: result.eventId,
        extensionId: extension.id,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
