import 'server-only';
// Shared by the social factors, contacts, quality-of-life and chronology queries: the patient
// loaded with the actor's scope IN the where clause, the refusal audited exactly as getPatient
// does (outside scope looks the same as not there), and the break-glass grant named when
// access comes only from one.
import { db } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Action } from '@/lib/auth/permissions';
import {
  activeBreakGlass,
  audit,
  NotFound,
  resolvePatientAccess,
  type QueryContext,
} from '@/lib/server/queries/access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ScopedPatient {
  id: string;
  givenName: string;
  familyName: string;
  nhsNumber: string | null;
  dateOfBirth: Date;
}

export interface ScopedRead {
  patient: ScopedPatient;
  breakGlassId: string | null;
  /**
   * This patient AND the actor's scope: put it in every query of the patient's data
   * (`where: { patient: scoped.patientWhere, ... }`), so the rows are scoped by the query itself.
   */
  patientWhere: Prisma.PatientWhereInput;
}

/**
 * The patient, if the actor may read them; otherwise NotFound (audited as DENIED when the
 * patient exists, FAILURE when not). `auditAction` names the read ('chronology.read').
 */
export async function readPatientInScope(
  ctx: QueryContext,
  patientId: string,
  auditAction: string,
  action: Action = 'read:patient',
): Promise<ScopedRead> {
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, action);
  const patientWhere: Prisma.PatientWhereInput = { AND: [{ id: patientId }, access.where] };
  const patient = UUID.test(patientId)
    ? await client.patient.findFirst({
        where: patientWhere,
        select: { id: true, givenName: true, familyName: true, nhsNumber: true, dateOfBirth: true },
      })
    : null;
  if (!patient) {
    const exists =
      UUID.test(patientId) && (await client.patient.count({ where: { id: patientId } })) > 0;
    await audit(ctx, {
      action: auditAction,
      outcome: exists ? 'DENIED' : 'FAILURE',
      reason: exists ? 'outside-scope' : 'not-found',
      entityType: 'Patient',
      entityId: exists ? patientId : null,
      patientId: exists ? patientId : null,
    });
    throw new NotFound('Patient');
  }
  const breakGlassId =
    access.scope === 'trust' ? null : await activeBreakGlass({ ...ctx, client }, patientId);
  return { patient, breakGlassId, patientWhere };
}
