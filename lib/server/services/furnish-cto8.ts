import 'server-only';
// CTO8 (s21B(2), (6A); reg 14(3)): after an absence without leave of more than 28 days around
// the expiry, the RC examines the patient within a week of the return and, with an AMHP's
// agreement, furnishes the report. lib/cto offers it only when s21B applies and refuses it late.
import { orderPeriods } from '@/lib/cto';
import { furnishCto8Schema } from '@/lib/schemas/orders/extension';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  createStatutoryForm,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type Cto8Furnished = {
  eventId: string;
  newExpiry: string | null;
  warnings: { code: string; message: string }[];
};

export function furnishCto8(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'furnish:cto7',
    auditAction: 'extension.furnish-cto8',
    schema: furnishCto8Schema,
    actor,
    input,
    execute: async (ctx): Promise<Cto8Furnished> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const amhp = await ctx.tx.user.findFirst({
        where: { id: d.amhpId, roles: { some: { role: 'AMHP', revokedAt: null } } },
        select: { id: true },
      });
      if (!amhp) {
        return ctx.refuse('NOT_AN_AMHP', 'Select the AMHP who agreed.', {
          amhpId: 'Select the AMHP who agreed',
        });
      }
      const outcome = decideAt(
        ctx,
        order,
        { type: 'FURNISH_CTO8', examinedOn: d.examinedOn, amhpAgreedAt: d.amhpAgreedAt },
        {
          EXAMINATION_OUTSIDE_WINDOW: 'examinedOn',
          CTO7_BEFORE_AMHP_AGREEMENT: 'amhpAgreedAt.date',
          INVALID_INPUT: 'examinedOn',
          BEFORE_ORDER_EFFECTIVE: 'examinedOn',
        },
      );
      const periods = orderPeriods(outcome.order) ?? [];
      const period = periods[periods.length - 1];
      const formId = await createStatutoryForm(
        ctx,
        order,
        'CTO8',
        {
          part1: {
            responsibleClinicianId: ctx.actor.userId,
            examinedOn: d.examinedOn,
            grounds: d.grounds,
            amhpId: amhp.id,
            amhpAgreedAt: d.amhpAgreedAt.toISOString(),
          },
          newExpiry: period?.end ?? null,
        },
        { signedAt: ctx.now, furnishedAt: ctx.now },
      );
      const agreement = await ctx.tx.amhpAgreement.create({
        data: {
          orderId: order.id,
          purpose: 'AWOL_EXTENSION',
          requestedAt: d.amhpAgreedAt,
          requestedById: ctx.actor.userId,
          amhpId: amhp.id,
          decision: 'AGREED',
          respondedAt: d.amhpAgreedAt,
          formId,
        },
        select: { id: true },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        formId,
        facts: {
          agreementId: agreement.id,
          examinedOn: d.examinedOn,
          newExpiry: period?.end ?? null,
        },
        auditAction: 'extension.furnish-cto8',
      });
      if (period) {
        // commit() labels every later period an extension; this one came from a CTO8 (s21B).
        await ctx.tx.ctoPeriod.updateMany({
          where: { orderId: order.id, index: period.index, enteredInErrorAt: null },
          data: { source: 'AWOL_EXTENSION' },
        });
      }
      return {
        eventId: result.eventId,
        newExpiry: period?.end ?? null,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
