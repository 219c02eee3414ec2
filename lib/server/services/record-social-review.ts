import 'server-only';
// A standalone review of the patient's social factors (decision point REVIEW), between the
// statutory decisions: care coordinators and responsible clinicians, for patients on their
// team's list. Pre-filled from the last assessment; written by the same writer the decision
// services use (docs/decisions/501-social-factors-in-every-decision.md).
import type { CallOptions } from './run-service';
import type { CtoState } from '@/lib/generated/prisma/client';
import { socialReviewSchema } from '@/lib/schemas/social-factors';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';
import { writeSocialAssessment } from './social/write-assessment';
import { runService, type ServiceActor, type ServiceResult } from './run-service';

export type { CallOptions };

/** Orders a review belongs to: not ended. */
const LIVE_STATES: CtoState[] = [
  'PROPOSED',
  'AGREED',
  'AWAITING_EFFECT',
  'ACTIVE',
  'RECALL_PENDING',
  'RECALLED',
  'AWOL',
];

export function recordSocialReview(
  actor: ServiceActor,
  patientId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ assessmentId: string; previousId: string | null }>> {
  const parsed = socialReviewSchema.safeParse(input);
  return runService({
    ...options,
    action: 'record:social-assessment',
    auditAction: 'social-assessment.review',
    schema: socialReviewSchema,
    actor,
    input,
    subject: { entityType: 'Patient', entityId: patientId, patientId },
    ids: [{ value: patientId, what: 'The patient' }],
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const patient = await tx.patient.findFirst({
        where: { AND: [{ id: patientId }, ctx.patientWhere] },
        select: {
          id: true,
          dateOfBirth: true,
          orders: {
            where: { state: { in: LIVE_STATES } },
            orderBy: { proposedAt: 'desc' },
            take: 1,
            select: { id: true },
          },
        },
      });
      if (!patient) return ctx.notFound('The patient');
      const today = londonDateOf(now);
      if (data.assessedOn > today) {
        return ctx.refuse('DATE_IN_FUTURE', 'The date of the review cannot be in the future.', {
          assessedOn: 'The date of the review must be today or in the past',
        });
      }
      if (data.assessedOn < fromDbDate(patient.dateOfBirth)) {
        return ctx.refuse(
          'DATE_BEFORE_BIRTH',
          'The date of the review is before the patient was born.',
          {
            assessedOn: 'The date of the review must be after the patient’s date of birth',
          },
        );
      }
      const written = await writeSocialAssessment(tx, {
        patientId: patient.id,
        orderId: patient.orders[0]?.id ?? null,
        decisionPoint: 'REVIEW',
        assessedById: actor.userId,
        assessedOn: data.assessedOn,
        input: data.social,
      });
      await ctx.audit({
        action: 'social-assessment.review',
        outcome: 'SUCCESS',
        entityType: 'SocialFactorAssessment',
        entityId: written.assessmentId,
        patientId: patient.id,
        metadata: { previousId: written.previousId, orderId: patient.orders[0]?.id ?? null },
      });
      return written;
    },
  });
}
