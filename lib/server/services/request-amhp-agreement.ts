import 'server-only';
// The RC asks an AMHP to agree: to revocation (CTO5 Part 2, s17F(4)(b)) or to an extension
// (CTO7 Part 2, s20A(4)(b)). The request is what lets that AMHP open the patient's record (the
// 'requested' scope). lib/cto is asked whether the AMHP could agree now, so a request that
// could never be answered in time (the 72 hours have ended; no examination yet) is refused with
// the law's reason.
import { checkEvent } from '@/lib/cto';
import { requestAmhpAgreementSchema } from '@/lib/schemas/orders/revocation';
import { toSnapshot } from '@/lib/server/orders/snapshot';
import { fromDbDate } from '@/lib/server/dates';
import type { ServiceActor } from './run-service';
import { currentRecall, loadOrderForChange, runOrderService, type CallOptions } from './order-flow';

export type AgreementRequested = {
  agreementId: string;
  amhpName: string;
};

export function requestAmhpAgreement(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'request:amhp-agreement',
    auditAction: 'amhp-agreement.request',
    schema: requestAmhpAgreementSchema,
    actor,
    input,
    execute: async (ctx): Promise<AgreementRequested> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const amhp = await ctx.tx.user.findFirst({
        where: { id: d.amhpId, active: true, roles: { some: { role: 'AMHP', revokedAt: null } } },
        select: { id: true, name: true },
      });
      if (!amhp) {
        return ctx.refuse('NOT_AN_AMHP', 'Select an approved mental health professional.', {
          amhpId: 'Select an approved mental health professional',
        });
      }
      const check = checkEvent(
        toSnapshot(order),
        { type: d.purpose === 'REVOCATION' ? 'AMHP_AGREE_REVOCATION' : 'AMHP_AGREE_EXTENSION' },
        { userId: amhp.id, roles: ['AMHP'] },
        ctx.now,
      );
      if (!check.ok) return ctx.refuse(check.code, check.message);

      const recall = d.purpose === 'REVOCATION' ? currentRecall(order) : null;
      const extension =
        d.purpose === 'EXTENSION'
          ? ([...order.extensions]
              .reverse()
              .find(
                (e) =>
                  e.status === 'IN_PROGRESS' &&
                  order.currentExpiryDate !== null &&
                  fromDbDate(e.expiryDate) === fromDbDate(order.currentExpiryDate),
              ) ?? null)
          : null;
      const subject = { recallId: recall?.id ?? null, extensionId: extension?.id ?? null };
      if (d.purpose === 'EXTENSION' && !extension) {
        return ctx.refuse(
          'CTO7_PART2_BEFORE_PART1',
          'Record the examination (CTO7 Part 1) before asking an AMHP to agree the renewal (extension).',
        );
      }
      const open = order.amhpAgreements.filter(
        (a) =>
          a.purpose === d.purpose &&
          a.recallId === subject.recallId &&
          a.extensionId === subject.extensionId &&
          (a.decision === 'PENDING' || a.decision === 'AGREED'),
      );
      if (open.some((a) => a.decision === 'AGREED')) {
        return ctx.refuse('ALREADY_AGREED', 'An AMHP has already agreed.');
      }
      if (open.some((a) => a.amhpId === amhp.id)) {
        return ctx.refuse('ALREADY_REQUESTED', `${amhp.name} has already been asked.`, {
          amhpId: `${amhp.name} has already been asked`,
        });
      }
      // A request changes what others see on the order: it takes the version like any change.
      await ctx.bumpOrderVersion(order.id, d.expectedVersion);
      const agreement = await ctx.tx.amhpAgreement.create({
        data: {
          orderId: order.id,
          purpose: d.purpose,
          requestedAt: ctx.now,
          requestedById: ctx.actor.userId,
          amhpId: amhp.id,
          decision: 'PENDING',
          ...subject,
        },
        select: { id: true },
      });
      await ctx.audit({
        action: 'amhp-agreement.request',
        outcome: 'SUCCESS',
        entityType: 'AmhpAgreement',
        entityId: agreement.id,
        patientId: order.patientId,
        metadata: { orderId: order.id, purpose: d.purpose, amhpId: amhp.id },
      });
      // The notification names no patient: it links to the order.
      await ctx.enqueue('amhp-agreement.requested', {
        agreementId: agreement.id,
        amhpId: amhp.id,
        orderId: order.id,
        patientId: order.patientId,
        purpose: d.purpose,
      });
      return { agreementId: agreement.id, amhpName: amhp.name };
    },
  });
}
