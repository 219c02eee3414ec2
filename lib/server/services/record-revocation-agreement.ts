import 'server-only';
// The AMHP's decision on revocation (CTO5 Part 2, s17F(4)(b)), in their own account, before the
// 72 hours end (lib/cto refuses it after). Only the AMHP who was asked can answer.
import { amhpDecisionSchema } from '@/lib/schemas/orders/revocation';
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

export type AmhpDecisionRecorded = {
  eventId: string;
  agreementId: string;
  decision: 'AGREED' | 'DECLINED';
  warnings: { code: string; message: string }[];
};

export function recordRevocationAgreement(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:amhp-agreement',
    auditAction: 'revocation.amhp-decision',
    schema: amhpDecisionSchema,
    actor,
    input,
    execute: async (ctx): Promise<AmhpDecisionRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const recall = currentRecall(order);
      const request = order.amhpAgreements.find(
        (a) =>
          a.purpose === 'REVOCATION' &&
          a.recallId === (recall?.id ?? null) &&
          a.amhpId === ctx.actor.userId &&
          a.decision === 'PENDING',
      );
      if (!recall || !request) {
        return ctx.refuse(
          'NOT_ASKED',
          'You have not been asked to agree to the revocation of this order, or you have already answered.',
        );
      }
      const outcome = decideAt(ctx, order, {
        type: d.decision === 'AGREED' ? 'AMHP_AGREE_REVOCATION' : 'AMHP_DECLINE_REVOCATION',
      });
      await ctx.tx.amhpAgreement.update({
        where: { id: request.id },
        data: { decision: d.decision, respondedAt: ctx.now, reasons: d.reasons ?? null },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        facts: {
          recallId: recall.id,
          agreementId: request.id,
          decision: d.decision,
          localAuthority: d.localAuthority,
          reasons: d.reasons ?? null,
        },
        auditAction: 'revocation.amhp-decision',
      });
      return {
        eventId: result.eventId,
        agreementId: request.id,
        decision: d.decision,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
