import 'server-only';
import { db } from '@/lib/server/db';
import {
  activeBreakGlass,
  audit,
  NotFound,
  resolvePatientAccess,
  type QueryContext,
} from './access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function patientSelect(now: Date) {
  return {
    id: true,
    nhsNumber: true,
    localId: true,
    givenName: true,
    familyName: true,
    preferredName: true,
    dateOfBirth: true,
    sex: true,
    genderIdentity: true,
    ethnicCategory: true,
    maritalStatus: true,
    employmentStatus: true,
    accommodationStatus: true,
    firstLanguage: true,
    interpreterNeeded: true,
    interpreterLanguage: true,
    addressLine1: true,
    addressLine2: true,
    town: true,
    postcode: true,
    phone: true,
    dateOfDeath: true,
    version: true,
    currentTeam: { select: { id: true, name: true } },
    staffAssignments: {
      where: { endedOn: null },
      select: {
        kind: true,
        startedOn: true,
        user: { select: { id: true, name: true, jobTitle: true } },
      },
    },
    relatives: {
      where: { endedOn: null },
      select: { kind: true, name: true, relationship: true, phone: true, address: true },
    },
    orders: {
      orderBy: [{ proposedAt: 'desc' as const }],
      take: 1,
      select: {
        id: true,
        state: true,
        version: true,
        madeOn: true,
        signedAt: true,
        effectiveAt: true,
        currentExpiryDate: true,
        currentExpiryAlternative: true,
        currentPeriodIndex: true,
        endedOn: true,
        endReason: true,
        responsibleHospital: { select: { name: true } },
        responsibleClinician: { select: { name: true } },
        legalStatusPeriod: { select: { legalStatusCode: true, startDate: true } },
        conditions: {
          where: { status: { in: ['ACTIVE' as const, 'SUSPENDED' as const] } },
          orderBy: [{ kind: 'desc' as const }, { startedAt: 'asc' as const }],
          select: { id: true, kind: true, category: true, wording: true, status: true },
        },
        recalls: {
          where: { outcome: 'ONGOING' as const, enteredInErrorAt: null },
          select: { id: true, detentionBeganAt: true, deadlineAt: true, deemedServedAt: true },
        },
        deadlines: {
          where: {
            status: 'OPEN' as const,
            dueOn: { gte: new Date(now.getTime() - 400 * 86_400_000) },
          },
          orderBy: [{ dueOn: 'asc' as const }],
          take: 10,
          select: {
            id: true,
            kind: true,
            title: true,
            dueOn: true,
            dueAt: true,
            opensOn: true,
            basis: true,
            explanation: true,
            alternativeDueOn: true,
            provisional: true,
          },
        },
      },
    },
  };
}

/**
 * One patient, if the actor may see them. Outside the actor's scope the answer is the same
 * as for a patient who does not exist (NotFound), and the attempt is audited as DENIED.
 */
export async function getPatient(ctx: QueryContext, patientId: string) {
  const now = ctx.now ?? new Date();
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const client = ctx.client ?? db;
  const patient = UUID.test(patientId)
    ? await client.patient.findFirst({
        where: { AND: [{ id: patientId }, access.where] },
        select: patientSelect(now),
      })
    : null;
  if (!patient) {
    const exists =
      UUID.test(patientId) && (await client.patient.count({ where: { id: patientId } })) > 0;
    await audit(ctx, {
      action: 'patient.read',
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
  await audit(ctx, {
    action: 'patient.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patient.id,
    patientId: patient.id,
    breakGlassId,
  });
  return { ...patient, breakGlassId };
}

export type PatientDetail = Awaited<ReturnType<typeof getPatient>>;
