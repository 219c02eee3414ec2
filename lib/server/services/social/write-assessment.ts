import 'server-only';
// Writes a social factors assessment (one SocialFactorAssessment and a SocialFactorRating per
// domain) INSIDE the transaction of the service that records the decision it belongs to:
// making, extension, recall, revocation, discharge, or a standalone review. Call it after
// the decision's own checks have passed, so a refused decision leaves no assessment behind:
//
//   const { assessmentId } = await writeSocialAssessment(ctx.tx, {
//     patientId, orderId, decisionPoint: 'RECALL', decisionEventId: event.id,
//     assessedById: ctx.actor.userId, assessedOn: londonDateOf(ctx.now),
//     input: ctx.input.social, audit: ctx.audit,
//   });
//
// The patient must already have been loaded with the actor's scope in the where clause.
import type { DecisionPoint } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import type { AuditEntry } from '@/lib/server/audit/record-audit';
import { toDbDate, type IsoDate } from '@/lib/server/dates';
import { socialRatingRows, type SocialFactorsInput } from '@/lib/schemas/social-factors';

export interface WriteSocialAssessmentArgs {
  patientId: string;
  orderId?: string | null;
  decisionPoint: DecisionPoint;
  /** The CtoEvent the decision recorded (MAKE, REVOKE ...), when there is one. */
  decisionEventId?: string | null;
  assessedById: string;
  assessedOn: IsoDate;
  /** The parsed `social` value of socialFactorsSchema. */
  input: SocialFactorsInput;
  /** The calling service's ctx.audit: when given, the assessment gets its own audit event. */
  audit?: (entry: Omit<AuditEntry, 'actor' | 'meta'>) => Promise<void>;
}

// A type, not an interface: services return it as JSON (idempotency records store results).
export type WrittenSocialAssessment = {
  assessmentId: string;
  /** The assessment this one follows (the patient's latest before it), or null. */
  previousId: string | null;
};

/** The patient's latest assessment not entered in error (latest date, then latest recorded). */
export function latestAssessmentWhere(patientId: string) {
  return {
    where: { patientId, enteredInErrorAt: null },
    orderBy: [
      { assessedOn: 'desc' as const },
      { createdAt: 'desc' as const },
      { id: 'desc' as const },
    ],
  };
}

export async function writeSocialAssessment(
  tx: Tx,
  args: WriteSocialAssessmentArgs,
): Promise<WrittenSocialAssessment> {
  const previous = await tx.socialFactorAssessment.findFirst({
    ...latestAssessmentWhere(args.patientId),
    select: { id: true },
  });
  const assessment = await tx.socialFactorAssessment.create({
    data: {
      patientId: args.patientId,
      orderId: args.orderId ?? null,
      decisionPoint: args.decisionPoint,
      decisionEventId: args.decisionEventId ?? null,
      assessedOn: toDbDate(args.assessedOn),
      assessedById: args.assessedById,
      summary: args.input.summary ?? null,
      previousId: previous?.id ?? null,
    },
    select: { id: true },
  });
  await tx.socialFactorRating.createMany({
    data: socialRatingRows(args.input).map((row) => ({ assessmentId: assessment.id, ...row })),
  });
  if (args.audit) {
    await args.audit({
      action: 'social-assessment.record',
      outcome: 'SUCCESS',
      entityType: 'SocialFactorAssessment',
      entityId: assessment.id,
      patientId: args.patientId,
      // Codes and identifiers only: never the notes.
      metadata: {
        decisionPoint: args.decisionPoint,
        orderId: args.orderId ?? null,
        decisionEventId: args.decisionEventId ?? null,
        previousId: previous?.id ?? null,
      },
    });
  }
  return { assessmentId: assessment.id, previousId: previous?.id ?? null };
}
