import 'server-only';
// Every social factors assessment of a patient, newest first, with its ratings and who made
// it: the social factors page (latest assessment, how each domain has moved) and the tribunal's
// social circumstances report. Entries entered in error are included, flagged, so the page can
// show them struck through; the chart leaves them out. Scoped in the where clause, audited.
import { db } from '@/lib/server/db';
import type {
  DecisionPoint,
  DecisionSignificance,
  SocialDomain,
  SocialRating,
} from '@/lib/generated/prisma/client';
import { fromDbDate, type IsoDate } from '@/lib/server/dates';
import { SOCIAL_DOMAINS } from '@/lib/schemas/social-factors';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';

export interface SocialHistoryAssessment {
  id: string;
  assessedOn: IsoDate;
  assessedById: string;
  assessedByName: string | null;
  decisionPoint: DecisionPoint;
  orderId: string | null;
  summary: string | null;
  previousId: string | null;
  createdAt: Date;
  enteredInError: { at: Date; reason: string | null } | null;
  ratings: {
    domain: SocialDomain;
    rating: SocialRating;
    significance: DecisionSignificance;
    notes: string | null;
  }[];
}

export interface SocialHistory {
  patient: ScopedPatient;
  /** Newest first. */
  assessments: SocialHistoryAssessment[];
}

const MAX_ASSESSMENTS = 200;

export async function getSocialHistory(
  ctx: QueryContext,
  patientId: string,
): Promise<SocialHistory> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'social-assessment.read-history');
  const rows = await client.socialFactorAssessment.findMany({
    where: { patientId, patient: scoped.patientWhere },
    orderBy: [{ assessedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_ASSESSMENTS,
    select: {
      id: true,
      assessedOn: true,
      assessedById: true,
      decisionPoint: true,
      orderId: true,
      summary: true,
      previousId: true,
      createdAt: true,
      enteredInErrorAt: true,
      enteredInErrorReason: true,
      ratings: { select: { domain: true, rating: true, significance: true, notes: true } },
    },
  });
  const assessorIds = [...new Set(rows.map((r) => r.assessedById))];
  const assessors = assessorIds.length
    ? await client.user.findMany({
        where: { id: { in: assessorIds } },
        select: { id: true, name: true },
      })
    : [];
  const names = new Map(assessors.map((u) => [u.id, u.name]));
  const order = new Map(SOCIAL_DOMAINS.map((d, i) => [d, i]));
  await audit(ctx, {
    action: 'social-assessment.read-history',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: { count: rows.length },
  });
  return {
    patient: scoped.patient,
    assessments: rows.map((r) => ({
      id: r.id,
      assessedOn: fromDbDate(r.assessedOn),
      assessedById: r.assessedById,
      assessedByName: names.get(r.assessedById) ?? null,
      decisionPoint: r.decisionPoint,
      orderId: r.orderId,
      summary: r.summary,
      previousId: r.previousId,
      createdAt: r.createdAt,
      enteredInError: r.enteredInErrorAt
        ? { at: r.enteredInErrorAt, reason: r.enteredInErrorReason }
        : null,
      ratings: [...r.ratings].sort(
        (a, b) => (order.get(a.domain) ?? 0) - (order.get(b.domain) ?? 0),
      ),
    })),
  };
}
