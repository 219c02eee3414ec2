import 'server-only';
// Renewal (extension), CTO7 Part 1: the RC examined the patient and gives their opinion with
// grounds. lib/cto refuses an examination outside the window (the two months ending with the
// expiry, C3), giving the window's dates. A new examination replaces the last one, and any AMHP
// agreement to it then no longer stands (the AMHP must agree again).
import { examinationSchema } from '@/lib/schemas/orders/extension';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { writeSocialAssessment } from './social/write-assessment';
import type { ServiceActor } from './run-service';
import { ensureExtensionRow } from './extension-rows';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type ExaminationRecorded = {
  eventId: string;
  socialAssessmentId: string;
  extensionId: string;
  examinedOn: string;
  warnings: { code: string; message: string }[];
};

export function recordExtensionExamination(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:extension-step',
    auditAction: 'extension.examine',
    schema: examinationSchema,
    actor,
    input,
    execute: async (ctx): Promise<ExaminationRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'EXAMINE_FOR_EXTENSION', examinedOn: d.examinedOn },
        {
          EXAMINATION_OUTSIDE_WINDOW: 'examinedOn',
          INVALID_INPUT: 'examinedOn',
          EVENT_IN_FUTURE: 'examinedOn',
          BEFORE_ORDER_EFFECTIVE: 'examinedOn',
        },
      );
      const extension = await ensureExtensionRow(ctx, order);
      await ctx.tx.extension.update({
        where: { id: extension.id },
        data: {
          examinedOn: toDbDate(d.examinedOn),
          examinedById: ctx.actor.userId,
          rcReasons: d.grounds,
        },
      });
      // lib/cto: a new examination needs a new AMHP agreement.
      const withdrawn = await ctx.tx.amhpAgreement.findMany({
        where: {
          extensionId: extension.id,
          purpose: 'EXTENSION',
          decision: { in: ['PENDING', 'AGREED'] },
          enteredInErrorAt: null,
        },
        select: { id: true, decision: true },
      });
      await ctx.tx.amhpAgreement.updateMany({
        where: { id: { in: withdrawn.map((a) => a.id) } },
        data: { decision: 'WITHDRAWN' },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        facts: {
          extensionId: extension.id,
          examinedOn: d.examinedOn,
          necessaryFor: d.necessaryFor,
          previousExaminedOn: extension.examinedOn?.toISOString().slice(0, 10) ?? null,
          previousReasons: extension.rcReasons ?? null,
          // Kept so that a correction can restore exactly these answers.
          withdrawnAgreements: withdrawn.map((a) => ({ id: a.id, decision: a.decision })),
          createdExtension: extension.examinedOn === null && extension.consultedOn === null,
        },
        auditAction: 'extension.examine',
      });
      const social = await writeSocialAssessment(ctx.tx, {
        patientId: order.patientId,
        orderId: order.id,
        decisionPoint: 'EXTENSION',
        decisionEventId: result.eventId,
        assessedById: ctx.actor.userId,
        assessedOn: londonDateOf(ctx.now),
        input: d.social,
        audit: ctx.audit,
      });
      return {
        eventId: result.eventId,
        socialAssessmentId: social.assessmentId,
        extensionId: extension.id,
        examinedOn: d.examinedOn,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
