import 'server-only';
// CTO1 Part 2 (s17A(4)(b), s17B(2)): the AMHP whose agreement was asked agrees that the
// criteria are met, that it is appropriate to make the order and to each discretionary
// condition; or declines with reasons, which ends this attempt (DECLINED, the reasons kept).
import type { Prisma } from '@/lib/generated/prisma/client';
import { makingAgreementSchema } from '@/lib/schemas/orders/agreement';
import { commit, decide } from '@/lib/server/orders/record-event';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  closeOrderScopedRows,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function respondToMakingAgreement(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:amhp-agreement',
    auditAction: 'order.amhp-agreement',
    schema: makingAgreementSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const agreement = order.amhpAgreements.find(
        (a) => a.purpose === 'MAKING' && a.decision === 'PENDING' && a.amhpId === actor.userId,
      );
      if (!agreement) {
        return ctx.refuse(
          'NO_AGREEMENT_REQUESTED',
          'Your agreement is not waiting on this order: it was asked of another AMHP, or it has already been given or declined.',
        );
      }
      const discretionary = order.conditions.filter(
        (c) => c.kind === 'DISCRETIONARY' && c.status !== 'ENDED',
      );
      const agreeing = data.decision === 'AGREE';
      const unknown = data.agreedConditionIds.filter(
        (id) => !discretionary.some((c) => c.id === id),
      );
      if (unknown.length > 0) {
        return ctx.refuse('CONDITION_NOT_FOUND', 'A condition you chose is not on this order.', {
          agreedConditionIds: 'Choose from the conditions listed',
        });
      }
      const outcome = decide(
        ctx,
        order,
        agreeing
          ? { type: 'AMHP_AGREE_MAKING', agreedConditionIds: data.agreedConditionIds }
          : { type: 'AMHP_DECLINE_MAKING', reason: data.reasons ?? '' },
      );

      const agreedAll = discretionary.every((c) => data.agreedConditionIds.includes(c.id));
      await tx.amhpAgreement.update({
        where: { id: agreement.id },
        data: {
          decision: agreeing ? 'AGREED' : 'DECLINED',
          respondedAt: now,
          reasons: data.reasons ?? null,
          agreesToConditions: agreeing ? agreedAll : null,
        },
      });
      if (agreeing && data.agreedConditionIds.length > 0) {
        await tx.condition.updateMany({
          where: { orderId: order.id, id: { in: data.agreedConditionIds } },
          data: { amhpAgreed: true },
        });
      }
      if (!agreeing) await closeOrderScopedRows(tx, order.id, now);

      const part2 = {
        amhpId: actor.userId,
        amhpName: actor.name ?? null,
        localAuthority: data.localAuthority ?? null,
        approvedBy: data.approvedBy ?? data.localAuthority ?? null,
        agrees: agreeing,
        criteriaMet: agreeing ? data.criteriaMet : false,
        appropriate: agreeing ? data.appropriate : false,
        agreedConditionIds: agreeing ? data.agreedConditionIds : [],
        notAgreedConditionIds: agreeing
          ? discretionary.filter((c) => !data.agreedConditionIds.includes(c.id)).map((c) => c.id)
          : discretionary.map((c) => c.id),
        agreesToConditions: agreeing ? agreedAll : false,
        reasons: data.reasons ?? null,
        signedAt: now.toISOString(),
      };
      const form = agreement.formId
        ? await tx.statutoryForm.findFirst({
            where: { id: agreement.formId, orderId: order.id },
            select: { id: true, facts: true },
          })
        : null;
      if (form) {
        const facts = (form.facts ?? {}) as Prisma.JsonObject;
        await tx.statutoryForm.update({
          where: { id: form.id },
          data: { facts: { ...facts, part2 } },
        });
      }

      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        formId: form?.id ?? null,
        facts: {
          agreementId: agreement.id,
          decision: agreeing ? 'AGREED' : 'DECLINED',
          agreedConditionIds: part2.agreedConditionIds,
          notAgreedConditionIds: part2.notAgreedConditionIds,
          ...(agreeing ? {} : { reasons: data.reasons ?? null }),
        },
        orderData: agreeing ? {} : { endedAt: now, endedOn: toDbDate(londonDateOf(now)) },
        auditAction: 'order.amhp-agreement',
      });
      await ctx.enqueue('notify.amhp-agreement-answered', {
        agreementId: agreement.id,
        eventId: result.eventId,
        orderId: order.id,
        responsibleClinicianId: order.responsibleClinicianId,
        decision: agreeing ? 'AGREED' : 'DECLINED',
      });
      const notAgreed = discretionary.filter((c) => !data.agreedConditionIds.includes(c.id));
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: [
          ...warningMessages(result.warnings),
          ...(agreeing && notAgreed.length > 0
            ? [
                `You did not agree ${notAgreed.length === 1 ? 'one discretionary condition' : `${notAgreed.length} discretionary conditions`}: the responsible clinician cannot make the order with ${notAgreed.length === 1 ? 'it' : 'them'} (s17B(2)).`,
              ]
            : []),
        ],
      };
    },
  });
}
