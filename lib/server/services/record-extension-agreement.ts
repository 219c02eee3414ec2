import 'server-only';
// The AMHP's decision on the renewal (extension), CTO7 Part 2 (s20A(4)(b), (8)), in their own
// account. lib/cto refuses it before the RC's examination (Part 1).
import { amhpDecisionSchema } from '@/lib/schemas/orders/revocation';
import type { ServiceActor } from './run-service';
import { currentExtensionRow } from './extension-rows';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type ExtensionDecisionRecorded = {
  eventId: string;
  agreementId: string;
  decision: 'AGREED' | 'DECLINED';
  warnings: { code: string; message: string }[];
};

export function recordExtensionAgreement(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:amhp-agreement',
    auditAction: 'extension.amhp-decision',
    schema: amhpDecisionSchema,
    actor,
    input,
    execute: async (ctx): Promise<ExtensionDecisionRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const extension = currentExtensionRow(order);
      const request = order.amhpAgreements.find(
        (a) =>
          a.purpose === 'EXTENSION' &&
          extension !== null &&
          a.extensionId === extension.id &&
          a.amhpId === ctx.actor.userId &&
          a.decision === 'PENDING',
      );
      if (!extension || !request) {
        return ctx.refuse(
          'NOT_ASKED',
          'You have not been asked to agree to the renewal (extension) of this order, or you have already answered.',
        );
      }
      const outcome = decideAt(ctx, order, {
        type: d.decision === 'AGREED' ? 'AMHP_AGREE_EXTENSION' : 'AMHP_DECLINE_EXTENSION',
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
          extensionId: extension.id,
          agreementId: request.id,
          decision: d.decision,
          localAuthority: d.localAuthority,
          reasons: d.reasons ?? null,
        },
        auditAction: 'extension.amhp-decision',
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
