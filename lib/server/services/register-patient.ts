import 'server-only';
// Issue 10 §1: the MHA office registers a patient: identity, demographics, team, care
// coordinator and RC (dated assignments), nearest relative, carer, attorney or deputy, advance
// decision, MAPPA, the s117 authorities and the detention the order will follow. One
// transaction; an NHS number or local identifier already on the register is refused, naming the
// record that has it. The import (issue 10 §2) calls `writeNewPatient` inside its own service.
import { type Prisma } from '@/lib/generated/prisma/client';
import { registerPatientSchema, type RegisterPatientInput } from '@/lib/schemas/patients';
import type { Tx } from '@/lib/server/db';
import { db as defaultDb } from '@/lib/server/db';
import { londonDateOf, londonTime, toDbDate, toDbDateOrNull } from '@/lib/server/dates';
import { checkReferences, describeValue, searchNameOf } from '@/lib/server/patients/record';
import {
  Refusal,
  runService,
  type CallOptions,
  type ServiceActor,
  type ServiceResult,
} from './run-service';

export interface RegisterPatientResult {
  [key: string]: Prisma.InputJsonValue;
  patientId: string;
  version: number;
}

/** A refusal because the patient is already registered names the record that has them. */
export type RegisterPatientOutcome = ServiceResult<RegisterPatientResult> & {
  existingPatientId?: string;
};

function checkDates(data: RegisterPatientInput, today: string): void {
  const errors: Record<string, string> = {};
  if (data.dateOfBirth > today) errors.dateOfBirth = 'The date of birth must be in the past';
  if (data.allocatedOn && data.allocatedOn > today)
    errors.allocatedOn = 'The date the team took the patient on cannot be in the future';
  if (data.allocatedOn && data.allocatedOn < data.dateOfBirth)
    errors.allocatedOn = 'The date the team took the patient on must be after the date of birth';
  if (data.legalStatus && data.legalStatus.startDate > today)
    errors['legalStatus.startDate'] = 'The date detention began cannot be in the future';
  if (data.legalStatus && data.legalStatus.startDate < data.dateOfBirth)
    errors['legalStatus.startDate'] = 'The date detention began must be after the date of birth';
  if (Object.keys(errors).length > 0) {
    throw new Refusal(
      'INVALID_DATE',
      'There is a problem with the dates: check the fields marked.',
      errors,
    );
  }
}

/**
 * Writes a new patient and every row of their record, inside the caller's transaction. Refuses
 * (throws Refusal) for a duplicate NHS number or local identifier, an unknown team, person or
 * hospital, or impossible dates. Does not audit: the caller's service does.
 */
export async function writeNewPatient(
  tx: Tx,
  actor: { userId: string },
  data: RegisterPatientInput,
  now: Date,
): Promise<{ patientId: string; version: number }> {
  const today = londonDateOf(now);
  checkDates(data, today);
  const trust = await tx.trust.findFirst({ select: { id: true } });
  if (!trust) throw new Refusal('NO_TRUST', 'The trust is not set up yet: ask an administrator.');
  const [byNhs, byLocal] = await Promise.all([
    tx.patient.findUnique({ where: { nhsNumber: data.nhsNumber }, select: { id: true } }),
    tx.patient.findUnique({
      where: { trustId_localId: { trustId: trust.id, localId: data.localId } },
      select: { id: true },
    }),
  ]);
  if (byNhs) {
    throw new Refusal(
      'DUPLICATE_NHS_NUMBER',
      'A patient with this NHS number is already registered.',
      { nhsNumber: 'A patient with this NHS number is already registered' },
      'CONFLICT',
    );
  }
  if (byLocal) {
    throw new Refusal(
      'DUPLICATE_LOCAL_ID',
      'A patient with this local identifier is already registered.',
      { localId: 'A patient with this local identifier is already registered' },
      'CONFLICT',
    );
  }
  const names = await checkReferences(tx, data);
  const from = data.allocatedOn ?? today;
  const fromDate = toDbDate(from);
  const patient = await tx.patient.create({
    data: {
      trustId: trust.id,
      nhsNumber: data.nhsNumber,
      localId: data.localId,
      givenName: data.givenName,
      familyName: data.familyName,
      otherNames: data.otherNames,
      searchName: searchNameOf(data.givenName, data.familyName),
      dateOfBirth: toDbDate(data.dateOfBirth),
      sex: data.sex,
      genderIdentity: data.genderIdentity,
      ethnicCategory: data.ethnicCategory,
      addressLine1: data.addressLine1,
      addressLine2: data.addressLine2,
      town: data.town,
      postcode: data.postcode,
      phone: data.phone,
      firstLanguage: data.firstLanguage,
      interpreterNeeded: data.interpreterNeeded,
      interpreterLanguage: data.interpreterNeeded ? data.interpreterLanguage : null,
      mappaCategory: data.mappaCategory,
      mappaLevel: data.mappaLevel,
      s117LocalAuthority: data.s117LocalAuthority,
      s117Icb: data.s117Icb,
      currentTeamId: data.teamId,
    },
    select: { id: true, version: true },
  });
  await tx.patientTeamAllocation.create({
    data: { patientId: patient.id, teamId: data.teamId, startedOn: fromDate },
  });
  const assignments = [
    { kind: 'CARE_COORDINATOR' as const, userId: data.careCoordinatorId },
    { kind: 'RESPONSIBLE_CLINICIAN' as const, userId: data.responsibleClinicianId },
  ].filter((a): a is { kind: typeof a.kind; userId: string } => !!a.userId);
  if (assignments.length > 0) {
    await tx.staffAssignment.createMany({
      data: assignments.map((a) => ({
        patientId: patient.id,
        userId: a.userId,
        kind: a.kind,
        startedOn: fromDate,
        recordedById: actor.userId,
        recordedAt: now,
      })),
    });
  }
  if (data.nearestRelative) {
    const nr = data.nearestRelative;
    const row = await tx.nearestRelative.create({
      data: {
        patientId: patient.id,
        name: nr.name,
        relationship: nr.relationship,
        address: nr.address,
        phone: nr.phone,
        patientObjectsToBeingConsulted: nr.patientObjectsToConsultation,
        startedOn: fromDate,
      },
      select: { id: true },
    });
    await tx.nearestRelativeEvent.create({
      data: {
        patientId: patient.id,
        nearestRelativeId: row.id,
        kind: 'IDENTIFIED',
        occurredAt: now,
        recordedById: actor.userId,
      },
    });
    if (nr.patientObjectsToConsultation) {
      await tx.nearestRelativeEvent.create({
        data: {
          patientId: patient.id,
          nearestRelativeId: row.id,
          kind: 'PATIENT_OBJECTED_TO_CONSULTATION',
          occurredAt: now,
          recordedById: actor.userId,
        },
      });
    }
  }
  if (data.carer) {
    await tx.patientCarer.create({
      data: { patientId: patient.id, ...data.carer, startedOn: fromDate },
    });
  }
  if (data.attorney) {
    await tx.advanceDecision.create({
      data: {
        patientId: patient.id,
        kind: data.attorney.kind,
        summary: data.attorney.name,
        holderName: data.attorney.name,
        madeOn: toDbDateOrNull(data.attorney.madeOn),
      },
    });
  }
  if (data.advanceDecision) {
    await tx.advanceDecision.create({
      data: {
        patientId: patient.id,
        kind: data.advanceDecision.kind,
        summary: data.advanceDecision.summary,
        madeOn: toDbDateOrNull(data.advanceDecision.madeOn),
      },
    });
  }
  if (data.legalStatus) {
    const ls = data.legalStatus;
    await tx.legalStatusPeriod.create({
      data: {
        patientId: patient.id,
        legalStatusCode: ls.code,
        hospitalId: ls.hospitalId,
        startDate: toDbDate(ls.startDate),
        startAt: londonTime(ls.startDate, 0, 0),
        // s68(5): for a s3 the applicable day is the day of admission under the application.
        applicableDay: toDbDate(ls.startDate),
      },
    });
  }
  await tx.patientChange.create({
    data: {
      patientId: patient.id,
      patientVersion: patient.version,
      kind: 'REGISTERED',
      field: '_record',
      newText: `${data.givenName} ${data.familyName}, NHS number ${describeValue('nhsNumber', data.nhsNumber, names)}`,
      changedById: actor.userId,
      changedAt: now,
    },
  });
  return { patientId: patient.id, version: patient.version };
}

export async function registerPatient(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<RegisterPatientOutcome> {
  const parsed = registerPatientSchema.safeParse(input);
  const result = await runService({
    ...options,
    action: 'create:patient',
    auditAction: 'patient.register',
    schema: registerPatientSchema,
    actor,
    input,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx) => {
      const written = await writeNewPatient(ctx.tx, actor, ctx.input, ctx.now);
      await ctx.audit({
        action: 'patient.register',
        outcome: 'SUCCESS',
        entityType: 'Patient',
        entityId: written.patientId,
        patientId: written.patientId,
        metadata: { fields: Object.keys(ctx.input).filter((k) => k !== 'idempotencyKey') },
      });
      return written;
    },
  });
  if (!result.ok && result.reason === 'DUPLICATE_NHS_NUMBER' && parsed.success) {
    // Only the MHA office registers (trust-wide scope), so naming the record tells them nothing
    // they could not read.
    const existing = await (options.db ?? defaultDb).patient.findUnique({
      where: { nhsNumber: parsed.data.nhsNumber },
      select: { id: true },
    });
    if (existing) return { ...result, existingPatientId: existing.id };
  }
  return result;
}
