import 'server-only';
// A quality-of-life rating (for example ReQoL-10, 0 to 40): care coordinators, for patients on
// their team's list.
import type { CallOptions } from './run-service';
import { recordQualityOfLifeSchema } from '@/lib/schemas/quality-of-life';
import { fromDbDate, londonDateOf, toDbDate } from '@/lib/server/dates';
import { runService, type ServiceActor, type ServiceResult } from './run-service';

export type { CallOptions };

export function recordQualityOfLife(
  actor: ServiceActor,
  patientId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ ratingId: string }>> {
  const parsed = recordQualityOfLifeSchema.safeParse(input);
  return runService({
    ...options,
    action: 'record:quality-of-life',
    auditAction: 'quality-of-life.record',
    schema: recordQualityOfLifeSchema,
    actor,
    input,
    subject: { entityType: 'Patient', entityId: patientId, patientId },
    ids: [{ value: patientId, what: 'The patient' }],
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const patient = await tx.patient.findFirst({
        where: { AND: [{ id: patientId }, ctx.patientWhere] },
        select: { id: true, dateOfBirth: true },
      });
      if (!patient) return ctx.notFound('The patient');
      if (data.ratedOn > londonDateOf(now)) {
        return ctx.refuse('DATE_IN_FUTURE', 'The date of the rating cannot be in the future.', {
          ratedOn: 'The date of the rating must be today or in the past',
        });
      }
      if (data.ratedOn < fromDbDate(patient.dateOfBirth)) {
        return ctx.refuse('DATE_BEFORE_BIRTH', 'The rating is dated before the patient was born.', {
          ratedOn: 'The date of the rating must be after the patient’s date of birth',
        });
      }
      const row = await tx.qualityOfLifeRating.create({
        data: {
          patientId: patient.id,
          ratedOn: toDbDate(data.ratedOn),
          instrument: data.instrument,
          score: data.score,
          maxScore: data.maxScore,
          selfRated: data.selfRated,
          notes: data.notes ?? null,
          recordedById: actor.userId,
        },
        select: { id: true },
      });
      await ctx.audit({
        action: 'quality-of-life.record',
        outcome: 'SUCCESS',
        entityType: 'QualityOfLifeRating',
        entityId: row.id,
        patientId: patient.id,
        metadata: { instrument: data.instrument },
      });
      return { ratingId: row.id };
    },
  });
}
