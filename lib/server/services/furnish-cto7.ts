import 'server-only';
// Renewal (extension), CTO7 Part 3: the RC furnishes the report to the managers. lib/cto refuses
// it before the AMHP agreed (CTO7_BEFORE_AMHP_AGREEMENT), without the consultation, or outside
// the window; when it is accepted the new period begins and its clocks show at once (commit
// writes the period with this extension).
import { formatDate, orderPeriods } from '@/lib/cto';
import { furnishCto7Schema } from '@/lib/schemas/orders/extension';
import { fromDbDate } from '@/lib/server/dates';
import type { ServiceActor } from './run-service';
import { currentExtensionRow } from './extension-rows';
import {
  commitAndQueue,
  createStatutoryForm,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type Cto7Furnished = {
  eventId: string;
  extensionId: string;
  previousExpiry: string;
  newPeriod: { start: string; end: string; months: number; alternativeEnd: string | null };
  explain: string;
  warnings: { code: string; message: string }[];
};

const FURNISHED_BY = {
  INTERNAL_MAIL: 'today consigning it to the hospital managers’ internal mail system',
  ELECTRONIC:
    'today sending it to the hospital managers, or a person authorised by them to receive it, by means of electronic communication',
  OTHER: 'sending or delivering it without using the hospital managers’ internal mail system',
} as const;

export function furnishCto7(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'furnish:cto7',
    auditAction: 'extension.furnish-cto7',
    schema: furnishCto7Schema,
    actor,
    input,
    execute: async (ctx): Promise<Cto7Furnished> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(ctx, order, { type: 'FURNISH_CTO7' });
      const extension = currentExtensionRow(order);
      const agreement = order.amhpAgreements.find(
        (a) =>
          a.purpose === 'EXTENSION' && a.extensionId === extension?.id && a.decision === 'AGREED',
      );
      const periods = orderPeriods(outcome.order) ?? [];
      const period = periods[periods.length - 1];
      if (!extension || !agreement || !period) {
        throw new Error('lib/cto accepted a CTO7 without an examination and an AMHP agreement.');
      }
      const formId = await createStatutoryForm(
        ctx,
        order,
        'CTO7',
        {
          part1: {
            responsibleClinicianId: ctx.actor.userId,
            orderMadeOn: order.madeOn ? fromDbDate(order.madeOn) : null,
            examinedOn: extension.examinedOn ? fromDbDate(extension.examinedOn) : null,
            grounds: extension.rcReasons,
            deteriorationRiskConsidered: true,
          },
          part2: {
            amhpId: agreement.amhpId,
            agreementId: agreement.id,
            signedAt: agreement.respondedAt?.toISOString() ?? null,
          },
          part3: {
            consultee: extension.consulteeName,
            consulteeProfession: extension.consulteeRole,
            furnishedBy: FURNISHED_BY[d.furnishedBy],
            signedAt: ctx.now.toISOString(),
          },
          extendsExpiry: fromDbDate(extension.expiryDate),
          newExpiry: period.end,
        },
        { signedAt: ctx.now, furnishedAt: ctx.now },
      );
      await ctx.tx.extension.update({
        where: { id: extension.id },
        data: {
          status: 'COMPLETED',
          cto7FurnishedAt: ctx.now,
          cto7FurnishedById: ctx.actor.userId,
          managersReviewDueOn: extension.expiryDate,
          cto7FormId: formId,
        },
      });
      await ctx.tx.amhpAgreement.update({ where: { id: agreement.id }, data: { formId } });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        formId,
        extensionId: extension.id,
        facts: {
          extensionId: extension.id,
          furnishedBy: d.furnishedBy,
          previousExpiry: fromDbDate(extension.expiryDate),
          newExpiry: period.end,
        },
        auditAction: 'extension.furnish-cto7',
      });
      return {
        eventId: result.eventId,
        extensionId: extension.id,
        previousExpiry: fromDbDate(extension.expiryDate),
        newPeriod: {
          start: period.start,
          end: period.end,
          months: period.months,
          alternativeEnd: period.alternativeEnd ?? null,
        },
        explain: `The order is extended from ${formatDate(period.start)} to ${formatDate(period.end)} (${period.months} months, ${period.basis}).`,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
