import 'server-only';
// The patient's latest social factors assessment (not entered in error), for pre-filling the
// next one: decision forms (making, extension, recall, revocation, discharge) and the
// standalone review. Scoped by the actor in the where clause and audited as a read.
import { db } from '@/lib/server/db';
import type {
  DecisionPoint,
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/client';
import { fromDbDate, type IsoDate } from '@/lib/server/dates';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import { latestAssessmentWhere } from '@/lib/server/services/social/write-assessment';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';

export interface LatestSocialAssessment {
  id: string;
  assessedOn: IsoDate;
  assessedById: string;
  assessedByName: string | null;
  decisionPoint: DecisionPoint;
  summary: string | null;
  /** One per domain, in SOCIAL_DOMAINS order: pass to SocialFactorsFieldset's `previous`. */
  ratings: {
    domain: SocialDomain;
    rating: SocialRating;
    significance: DecisionSignificance;
    notes: string | null;
  }[];
}

/** The latest assessment, or null when the patient has none; NotFound outside scope. */
export async function getLatestSocialAssessment(
  ctx: QueryContext,
  patientId: string,
): Promise<{ patient: ScopedPatient; latest: LatestSocialAssessment | null }> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'social-assessment.read-latest');
  const { where, orderBy } = latestAssessmentWhere(patientId);
  const row = await client.socialFactorAssessment.findFirst({
    where: { ...where, patient: scoped.patientWhere },
    orderBy,
    select: {
      id: true,
      assessedOn: true,
      assessedById: true,
      decisionPoint: true,
      summary: true,
      ratings: { select: { domain: true, rating: true, significance: true, notes: true } },
    },
  });
  const assessor = row
    ? await client.user.findUnique({ where: { id: row.assessedById }, select: { name: true } })
    : null;
  await audit(ctx, {
    action: 'social-assessment.read-latest',
    outcome: 'SUCCESS',
    entityType: row ? 'SocialFactorAssessment' : 'Patient',
    entityId: row?.id ?? patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
  });
  if (!row) return { patient: scoped.patient, latest: null };
  const order = new Map(SOCIAL_DOMAINS.map((d, i) => [d, i]));
  return {
    patient: scoped.patient,
    latest: {
      id: row.id,
      assessedOn: fromDbDate(row.assessedOn),
      assessedById: row.assessedById,
      assessedByName: assessor?.name ?? null,
      decisionPoint: row.decisionPoint,
      summary: row.summary,
      ratings: [...row.ratings].sort(
        (a, b) => (order.get(a.domain) ?? 0) - (order.get(b.domain) ?? 0),
      ),
    },
  };
}
