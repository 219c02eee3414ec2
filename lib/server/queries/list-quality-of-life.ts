import 'server-only';
// A patient's quality-of-life ratings, oldest first (the order a chart reads). Scoped in the
// where clause, audited.
import { db } from '@/lib/server/db';
import { fromDbDate, type IsoDate } from '@/lib/server/dates';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';

export interface QualityOfLifeItem {
  id: string;
  ratedOn: IsoDate;
  instrument: string;
  score: number;
  maxScore: number;
  selfRated: boolean;
  notes: string | null;
  recordedByName: string | null;
  enteredInError: boolean;
}

export async function listQualityOfLife(
  ctx: QueryContext,
  patientId: string,
): Promise<{ patient: ScopedPatient; items: QualityOfLifeItem[] }> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'quality-of-life.list');
  const rows = await client.qualityOfLifeRating.findMany({
    where: { patientId, patient: scoped.patientWhere },
    orderBy: [{ ratedOn: 'asc' }, { createdAt: 'asc' }],
    take: 500,
    select: {
      id: true,
      ratedOn: true,
      instrument: true,
      score: true,
      maxScore: true,
      selfRated: true,
      notes: true,
      recordedById: true,
      enteredInErrorAt: true,
    },
  });
  const ids = [...new Set(rows.map((r) => r.recordedById).filter((v): v is string => !!v))];
  const users = ids.length
    ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  await audit(ctx, {
    action: 'quality-of-life.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: { count: rows.length },
  });
  return {
    patient: scoped.patient,
    items: rows.map((r) => ({
      id: r.id,
      ratedOn: fromDbDate(r.ratedOn),
      instrument: r.instrument,
      score: r.score,
      maxScore: r.maxScore,
      selfRated: r.selfRated,
      notes: r.notes,
      recordedByName: r.recordedById ? (names.get(r.recordedById) ?? null) : null,
      enteredInError: r.enteredInErrorAt !== null,
    })),
  };
}
