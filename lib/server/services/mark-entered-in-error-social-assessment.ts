import 'server-only';
// Marks a social factors assessment "entered in error", with the reason. Never deleted: the
// history and the chronology show it struck through; the next assessment is pre-filled from
// the latest one not in error.
import type { CallOptions } from './run-service';
import { enteredInErrorSchema } from '@/lib/schemas/contact';
import { markingAction, NOT_RECORDER_MESSAGE } from './social/entered-in-error';
import { Refusal, runService, type ServiceActor, type ServiceResult } from './run-service';

export type { CallOptions };

export function markSocialAssessmentEnteredInError(
  actor: ServiceActor,
  assessmentId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ assessmentId: string; patientId: string }>> {
  const { action, recorderOnly } = markingAction(actor, 'record:social-assessment');
  return runService({
    ...options,
    action,
    auditAction: 'social-assessment.mark-entered-in-error',
    schema: enteredInErrorSchema,
    actor,
    input,
    subject: { entityType: 'SocialFactorAssessment', entityId: assessmentId },
    ids: [{ value: assessmentId, what: 'The assessment' }],
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const assessment = /^[0-9a-f-]{36}$/i.test(assessmentId)
        ? await tx.socialFactorAssessment.findFirst({
            where: { id: assessmentId, patient: ctx.patientWhere },
            select: { id: true, patientId: true, assessedById: true, enteredInErrorAt: true },
          })
        : null;
      if (!assessment) return ctx.notFound('The assessment');
      if (recorderOnly && assessment.assessedById !== actor.userId) {
        throw new Refusal('NOT_RECORDER', NOT_RECORDER_MESSAGE, undefined, 'FORBIDDEN');
      }
      if (assessment.enteredInErrorAt) {
        return ctx.refuse(
          'ALREADY_IN_ERROR',
          'This assessment is already marked as entered in error.',
        );
      }
      await tx.socialFactorAssessment.update({
        where: { id: assessment.id },
        data: { enteredInErrorAt: now, enteredInErrorReason: data.reason },
      });
      await ctx.audit({
        action: 'social-assessment.mark-entered-in-error',
        outcome: 'SUCCESS',
        entityType: 'SocialFactorAssessment',
        entityId: assessment.id,
        patientId: assessment.patientId,
      });
      return { assessmentId: assessment.id, patientId: assessment.patientId };
    },
  });
}
