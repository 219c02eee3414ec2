import 'server-only';
// Revocation (s17F(4), CTO5 Parts 1 and 3): the RC's opinion that the s3(2) criteria are met,
// after the AMHP agreed and before the 72 hours end (lib/cto refuses otherwise). The Act then
// applies as before the order was made (s17G): a new period of detention with the same legal
// status, in the hospital where the patient is detained, whose s20 periods restart on the day
// of revocation (C5: lib/cto revocationConsequences). The managers' s68(7) reference and the
// patient's s66(1)(cb) window follow from the stored facts (lib/server/deadlines).
import { revocationConsequences } from '@/lib/cto';
import { revokeOrderSchema } from '@/lib/schemas/orders/revocation';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { writeSocialAssessment } from './social/write-assessment';
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

export type OrderRevoked = {
  eventId: string;
  socialAssessmentId: string;
  revocationId: string;
  legalStatusPeriodId: string;
  revokedOn: string;
  hospitalName: string;
  detentionPeriods: { index: number; start: string; end: string; months: number }[];
  tribunalWindow: { opens: string; closes: string; explain: string };
  managersReference: { dueOn: string; overdueAfter: string; explain: string };
  warnings: { code: string; message: string }[];
};

export function revokeOrder(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  return runOrderService({
    ...options,
    action: 'record:revocation',
    auditAction: 'revocation.revoke',
    schema: revokeOrderSchema,
    actor,
    input,
    execute: async (ctx): Promise<OrderRevoked> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(ctx, order, { type: 'REVOKE' });
      const recall = currentRecall(order);
      const agreement = order.amhpAgreements.find(
        (a) =>
          a.purpose === 'REVOCATION' &&
          a.recallId === (recall?.id ?? null) &&
          a.decision === 'AGREED',
      );
      if (!recall || !agreement || !recall.detentionBeganAt || !agreement.respondedAt) {
        throw new Error('lib/cto accepted a revocation without a recall and an AMHP agreement.');
      }
      const revokedOn = londonDateOf(ctx.now);
      const consequences = revocationConsequences(revokedOn);
      const hospitalId = await hospitalOfDetention(ctx, recall);
      const hospital = await ctx.tx.hospital.findUniqueOrThrow({
        where: { id: hospitalId },
        select: { name: true },
      });

      const formId = await createStatutoryForm(ctx, order, 'CTO5', {
        part1: {
          responsibleClinicianId: ctx.actor.userId,
          hospitalId,
          hospitalName: hospital.name,
          necessaryFor: d.necessaryFor,
          reasons: d.reasons,
          appropriateTreatmentAvailable: true,
        },
        part2: {
          amhpId: agreement.amhpId,
          agreementId: agreement.id,
          signedAt: agreement.respondedAt.toISOString(),
        },
        part3: {
          detainedSince: recall.detentionBeganAt.toISOString(),
          revokedAt: ctx.now.toISOString(),
        },
      });
      const revocation = await ctx.tx.revocation.create({
        data: {
          orderId: order.id,
          recallId: recall.id,
          revokedAt: ctx.now,
          revokedOn: toDbDate(revokedOn),
          hospitalId,
          rcReasons: d.reasons,
          amhpAgreementId: agreement.id,
          cto5FormId: formId,
          recordedById: ctx.actor.userId,
        },
        select: { id: true },
      });
      await ctx.tx.recall.update({
        where: { id: recall.id },
        data: { outcome: 'REVOKED', endedAt: ctx.now, endedById: ctx.actor.userId },
      });
      // s17G: the application has effect again, as if made to the hospital of detention, and the
      // s3 (or s37) periods restart on the day of revocation. s62A: the s58 three-month clock
      // does not restart, so the first medication day carries over.
      const first = consequences.detentionPeriods[0];
      const detention = await ctx.tx.legalStatusPeriod.create({
        data: {
          patientId: order.patientId,
          legalStatusCode: order.legalStatusPeriod.legalStatusCode,
          hospitalId,
          startAt: ctx.now,
          startDate: toDbDate(revokedOn),
          firstMedicationOn: order.legalStatusPeriod.firstMedicationOn,
          expiryDate: first ? toDbDate(first.end) : null,
          revokedOrderId: order.id,
          detentionPeriods: {
            create: consequences.detentionPeriods.map((p) => ({
              index: p.index,
              months: p.months,
              startDate: toDbDate(p.start),
              endDate: toDbDate(p.end),
              alternativeEndDate: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
              basis: p.basis,
            })),
          },
        },
        select: { id: true },
      });
      // What lives only as long as the order ends with it; the ids are kept in the event so a
      // correction can restore exactly these rows.
      const conditions = await ctx.tx.condition.findMany({
        where: { orderId: order.id, status: { in: ['ACTIVE', 'SUSPENDED'] } },
        select: { id: true, status: true },
      });
      await ctx.tx.condition.updateMany({
        where: { id: { in: conditions.map((c) => c.id) } },
        data: { status: 'ENDED', endedAt: ctx.now },
      });
      const extensions = await ctx.tx.extension.findMany({
        where: { orderId: order.id, status: 'IN_PROGRESS', enteredInErrorAt: null },
        select: { id: true },
      });
      await ctx.tx.extension.updateMany({
        where: { id: { in: extensions.map((e) => e.id) } },
        data: { status: 'ABANDONED' },
      });

      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        formId,
        facts: {
          recallId: recall.id,
          revocationId: revocation.id,
          agreementId: agreement.id,
          legalStatusPeriodId: detention.id,
          hospitalId,
          endedConditions: conditions.map((c) => ({ id: c.id, status: c.status })),
          abandonedExtensions: extensions.map((e) => e.id),
        },
        auditAction: 'revocation.revoke',
      });
      const social = await writeSocialAssessment(ctx.tx, {
        patientId: order.patientId,
        orderId: order.id,
        decisionPoint: 'REVOCATION',
        decisionEventId: result.eventId,
        assessedById: ctx.actor.userId,
        assessedOn: londonDateOf(ctx.now),
        input: d.social,
        audit: ctx.audit,
      });
      const window = consequences.patientTribunalWindow;
      return {
        eventId: result.eventId,
        socialAssessmentId: social.assessmentId,
        revocationId: revocation.id,
        legalStatusPeriodId: detention.id,
        revokedOn,
        hospitalName: hospital.name,
        detentionPeriods: consequences.detentionPeriods.map((p) => ({
          index: p.index,
          start: p.start,
          end: p.end,
          months: p.months,
        })),
        tribunalWindow: {
          opens: window.opens.date,
          closes: window.closes.date,
          explain: window.closes.explain,
        },
        managersReference: {
          dueOn: consequences.managersReference.target.date,
          overdueAfter: consequences.managersReference.overdueAfter.date,
          explain: `${consequences.managersReference.target.explain} ${consequences.managersReference.overdueAfter.explain}`,
        },
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
