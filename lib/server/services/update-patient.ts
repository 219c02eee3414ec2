import 'server-only';
// Issue 10 §1: every field of a patient's record can be corrected or changed later, and each
// edit keeps its history (PatientChange: what it was, what it became, who, when, and why for a
// correction). A CHANGE happened on a day (a new care coordinator, a move to another team, a
// new nearest relative): the dated rows end that day and new ones begin. A CORRECTION says the
// record was wrong: the current row is put right in place and the reason is kept.
//
// Concurrency and double submission follow the orders' rules (decision 009): the version the
// person saw is checked and bumped first, which takes the patient's row lock, so of two people
// editing at once the second is told the record changed; the idempotency key answers a double
// submission with the first result. (docs/decisions/741-patient-history.md, 742-...)
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  PATIENT_FIELD_NAMES,
  updatePatientSchema,
  type PatientFieldName,
  type UpdatePatientInput,
} from '@/lib/schemas/patients';
import type { Tx } from '@/lib/server/db';
import {
  formatLongDate,
  londonDateOf,
  londonTime,
  toDbDate,
  toDbDateOrNull,
} from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import {
  checkReferences,
  describeValue,
  loadPatientRecord,
  sameValue,
  SCALAR_FIELDS,
  searchNameOf,
  type PatientRows,
  type PatientValues,
  type ScalarField,
} from '@/lib/server/patients/record';
import {
  Refusal,
  runService,
  type CallOptions,
  type FieldErrors,
  type ServiceActor,
  type ServiceResult,
} from './run-service';

export const PATIENT_CONFLICT_MESSAGE =
  'This patient’s record changed since you opened it. Nothing you entered has been saved: reload the page to see the change, then try again.';

export interface UpdatePatientResult {
  [key: string]: Prisma.InputJsonValue;
  patientId: string;
  version: number;
  changed: string[];
}

const LIVE_ORDER: Prisma.CommunityTreatmentOrderWhereInput = {
  endedOn: null,
  state: { notIn: ['DECLINED', 'REVOKED', 'DISCHARGED', 'EXPIRED', 'DIED'] },
};

function conflict(): never {
  throw new Refusal('STALE_VERSION', PATIENT_CONFLICT_MESSAGE, undefined, 'CONFLICT');
}

/** The idempotency key of a raw input, if it has a well-formed one. */
function keyOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const key = (input as { idempotencyKey?: unknown }).idempotencyKey;
  return typeof key === 'string' && /^[A-Za-z0-9-]{8,100}$/.test(key) ? key : null;
}

interface EditContext {
  tx: Tx;
  actorId: string;
  patientId: string;
  rows: PatientRows;
  data: UpdatePatientInput;
  /** The day a change took effect (CHANGE), or today for a correction's new rows. */
  on: string;
  now: Date;
}

/** A dated row ends on the change's day; the change must come after the row began. */
function checkAfter(
  errors: FieldErrors,
  field: string,
  started: string | null | undefined,
  on: string,
  what: string,
): void {
  if (started && on <= started) {
    errors[field] =
      `The change must take effect after ${what} began (${formatLongDate(started)}). If it was recorded wrongly, record a correction instead`;
  }
}

async function applyTeam(e: EditContext, teamId: string): Promise<void> {
  const { tx, rows, patientId } = e;
  if (e.data.kind === 'CHANGE' || !rows.teamAllocationId) {
    if (rows.teamAllocationId) {
      await tx.patientTeamAllocation.update({
        where: { id: rows.teamAllocationId },
        data: { endedOn: toDbDate(e.on) },
      });
    }
    await tx.patientTeamAllocation.create({
      data: { patientId, teamId, startedOn: toDbDate(e.on) },
    });
  } else {
    await tx.patientTeamAllocation.update({
      where: { id: rows.teamAllocationId },
      data: { teamId },
    });
  }
  // The order and its deadlines carry the team for the dashboards (schema: "copied from the
  // patient's team when the order is made or the patient moves").
  await tx.communityTreatmentOrder.updateMany({
    where: { patientId, ...LIVE_ORDER },
    data: { teamId },
  });
  await tx.deadline.updateMany({ where: { patientId, status: 'OPEN' }, data: { teamId } });
}

async function applyAssignment(
  e: EditContext,
  kind: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN',
  current: { id: string; startedOn: string } | null,
  userId: string | null,
): Promise<void> {
  const { tx, patientId, now } = e;
  if (e.data.kind === 'CHANGE') {
    if (current) {
      await tx.staffAssignment.update({
        where: { id: current.id },
        data: { endedOn: toDbDate(e.on) },
      });
    }
    if (userId) {
      await tx.staffAssignment.create({
        data: {
          patientId,
          userId,
          kind,
          startedOn: toDbDate(e.on),
          recordedById: e.actorId,
          recordedAt: now,
        },
      });
    }
  } else if (current && userId) {
    // The wrong person was recorded: the assignment is put right from the day it began.
    await tx.staffAssignment.update({
      where: { id: current.id },
      data: { userId, recordedById: e.actorId, recordedAt: now },
    });
  } else if (current) {
    // Recorded by mistake: it never ran (zero length), the row and its history are kept.
    await tx.staffAssignment.update({
      where: { id: current.id },
      data: { endedOn: toDbDate(current.startedOn) },
    });
  } else if (userId) {
    await tx.staffAssignment.create({
      data: {
        patientId,
        userId,
        kind,
        startedOn: toDbDate(e.rows.teamStartedOn ?? e.on),
        recordedById: e.actorId,
        recordedAt: now,
      },
    });
  }
  if (kind === 'RESPONSIBLE_CLINICIAN' && userId) {
    // One truth: the order's RC follows the patient's RC assignment.
    await tx.communityTreatmentOrder.updateMany({
      where: { patientId, ...LIVE_ORDER },
      data: { responsibleClinicianId: userId },
    });
  }
}

async function applyNearestRelative(
  e: EditContext,
  value: PatientValues['nearestRelative'],
  before: PatientValues['nearestRelative'],
): Promise<void> {
  const { tx, patientId, rows, now } = e;
  const current = rows.nearestRelative;
  let relativeId: string | null = current?.id ?? null;
  if (e.data.kind === 'CHANGE' || !current) {
    if (current) {
      await tx.nearestRelative.update({
        where: { id: current.id },
        data: { endedOn: toDbDate(e.on), endedReason: e.data.reason ?? 'Changed' },
      });
    }
    relativeId = null;
    if (value) {
      const row = await tx.nearestRelative.create({
        data: {
          patientId,
          name: value.name,
          relationship: value.relationship,
          address: value.address,
          phone: value.phone,
          patientObjectsToBeingConsulted: value.patientObjectsToConsultation,
          startedOn: toDbDate(e.on),
        },
        select: { id: true },
      });
      relativeId = row.id;
    }
    await tx.nearestRelativeEvent.create({
      data: {
        patientId,
        nearestRelativeId: relativeId ?? current?.id ?? null,
        kind: current ? 'CHANGED' : 'IDENTIFIED',
        occurredAt: now,
        recordedById: e.actorId,
        notes: e.data.reason,
      },
    });
  } else if (value) {
    await tx.nearestRelative.update({
      where: { id: current.id },
      data: {
        name: value.name,
        relationship: value.relationship,
        address: value.address,
        phone: value.phone,
        patientObjectsToBeingConsulted: value.patientObjectsToConsultation,
      },
    });
  } else {
    await tx.nearestRelative.update({
      where: { id: current.id },
      data: {
        endedOn: toDbDate(current.startedOn),
        endedReason: e.data.reason ?? 'Recorded by mistake',
      },
    });
    relativeId = null;
  }
  if (value?.patientObjectsToConsultation && !before?.patientObjectsToConsultation && relativeId) {
    await tx.nearestRelativeEvent.create({
      data: {
        patientId,
        nearestRelativeId: relativeId,
        kind: 'PATIENT_OBJECTED_TO_CONSULTATION',
        occurredAt: now,
        recordedById: e.actorId,
      },
    });
  }
}

async function applyCarer(e: EditContext, value: PatientValues['carer']): Promise<void> {
  const { tx, patientId } = e;
  const current = e.rows.carer;
  if (e.data.kind === 'CHANGE' || !current) {
    if (current) {
      await tx.patientCarer.update({
        where: { id: current.id },
        data: { endedOn: toDbDate(e.on) },
      });
    }
    if (value) {
      await tx.patientCarer.create({ data: { patientId, ...value, startedOn: toDbDate(e.on) } });
    }
  } else if (value) {
    await tx.patientCarer.update({ where: { id: current.id }, data: value });
  } else {
    await tx.patientCarer.update({
      where: { id: current.id },
      data: { endedOn: toDbDate(current.startedOn) },
    });
  }
}

async function applyAdvance(
  e: EditContext,
  currentId: string | null,
  value: {
    kind: Prisma.AdvanceDecisionCreateInput['kind'];
    summary: string;
    holderName: string | null;
    madeOn: string | null;
  } | null,
): Promise<void> {
  const { tx, patientId } = e;
  if (currentId && (e.data.kind === 'CHANGE' || !value)) {
    await tx.advanceDecision.update({
      where: { id: currentId },
      data: { withdrawnOn: toDbDate(e.on) },
    });
  } else if (currentId && value) {
    await tx.advanceDecision.update({
      where: { id: currentId },
      data: {
        kind: value.kind,
        summary: value.summary,
        holderName: value.holderName,
        madeOn: toDbDateOrNull(value.madeOn),
      },
    });
    return;
  }
  if (value) {
    await tx.advanceDecision.create({
      data: {
        patientId,
        kind: value.kind,
        summary: value.summary,
        holderName: value.holderName,
        madeOn: toDbDateOrNull(value.madeOn),
      },
    });
  }
}

async function applyLegalStatus(
  e: EditContext,
  value: PatientValues['legalStatus'],
): Promise<void> {
  const { tx, patientId, rows, now } = e;
  const current = rows.legalStatus;
  if (current && value) {
    await tx.legalStatusPeriod.update({
      where: { id: current.id },
      data: {
        legalStatusCode: value.code,
        hospitalId: value.hospitalId,
        startDate: toDbDate(value.startDate),
        startAt: londonTime(value.startDate, 0, 0),
        applicableDay: toDbDate(value.startDate),
      },
    });
  } else if (current) {
    await tx.legalStatusPeriod.update({
      where: { id: current.id },
      data: {
        enteredInErrorAt: now,
        enteredInErrorReason: e.data.reason ?? 'Removed from the record',
      },
    });
  } else if (value) {
    await tx.legalStatusPeriod.create({
      data: {
        patientId,
        legalStatusCode: value.code,
        hospitalId: value.hospitalId,
        startDate: toDbDate(value.startDate),
        startAt: londonTime(value.startDate, 0, 0),
        applicableDay: toDbDate(value.startDate),
      },
    });
  }
}

const DB_SCALAR: Record<ScalarField, (v: unknown) => unknown> = {
  nhsNumber: (v) => v,
  localId: (v) => v,
  givenName: (v) => v,
  familyName: (v) => v,
  otherNames: (v) => v,
  dateOfBirth: (v) => toDbDate(String(v)),
  sex: (v) => v,
  genderIdentity: (v) => v,
  ethnicCategory: (v) => v,
  addressLine1: (v) => v,
  addressLine2: (v) => v,
  town: (v) => v,
  postcode: (v) => v,
  phone: (v) => v,
  firstLanguage: (v) => v,
  interpreterNeeded: (v) => v,
  interpreterLanguage: (v) => v,
  mappaCategory: (v) => v,
  mappaLevel: (v) => v,
  s117LocalAuthority: (v) => v,
  s117Icb: (v) => v,
};

/**
 * Corrects or changes a patient's record. `input` is the UpdatePatientInput of
 * lib/schemas/patients.ts: the fields to edit, `kind` (CHANGE or CORRECTION), `reason`
 * (required for a correction), `effectiveOn` (a change's day; today when left out),
 * `expectedVersion` and `idempotencyKey`.
 */
export function updatePatient(
  actor: ServiceActor,
  patientId: string,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<UpdatePatientResult>> {
  return runService({
    ...options,
    action: 'update:patient',
    auditAction: 'patient.update',
    schema: updatePatientSchema,
    actor,
    input,
    subject: { entityType: 'Patient', entityId: patientId, patientId },
    ids: [{ value: patientId, what: 'The patient' }],
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const today = londonDateOf(now);
      const loaded = await loadPatientRecord(tx, { AND: [{ id: patientId }, ctx.patientWhere] });
      if (!loaded) return ctx.notFound('The patient');
      const { values: before, rows } = loaded;
      if (rows.version !== data.expectedVersion) conflict();
      // Takes the row lock: a second editor waits here, then finds the version moved on.
      const bumped = await tx.patient.updateMany({
        where: { id: patientId, version: data.expectedVersion },
        data: { version: { increment: 1 } },
      });
      if (bumped.count !== 1) conflict();
      const version = data.expectedVersion + 1;

      const after: PatientValues = { ...before };
      const changed: PatientFieldName[] = [];
      for (const field of PATIENT_FIELD_NAMES) {
        const next = data[field];
        if (next === undefined) continue;
        if (!sameValue(before[field], next)) {
          (after as Record<string, unknown>)[field] = next;
          changed.push(field);
        }
      }
      if (!after.interpreterNeeded && changed.includes('interpreterNeeded')) {
        after.interpreterLanguage = null;
        if (before.interpreterLanguage !== null && !changed.includes('interpreterLanguage'))
          changed.push('interpreterLanguage');
      }
      if (changed.length === 0) {
        return ctx.refuse('NO_CHANGE', 'Nothing has changed: edit a field, or go back.');
      }

      const errors: FieldErrors = {};
      if (after.interpreterNeeded && !after.interpreterLanguage)
        errors.interpreterLanguage = 'Enter the language the interpreter needs to speak';
      if (after.mappaLevel && (!after.mappaCategory || after.mappaCategory === 'NONE'))
        errors.mappaCategory =
          'Choose the MAPPA category: a level is set only for patients managed under MAPPA';
      if (changed.includes('teamId') && !after.teamId) errors.teamId = 'Choose the patient’s team';
      if (after.dateOfBirth && after.dateOfBirth > today)
        errors.dateOfBirth = 'The date of birth must be in the past';
      const on = data.kind === 'CHANGE' ? (data.effectiveOn ?? today) : today;
      if (data.kind === 'CHANGE') {
        if (on > today)
          errors.effectiveOn = 'The date the change took effect cannot be in the future';
        if (changed.includes('teamId'))
          checkAfter(errors, 'effectiveOn', rows.teamStartedOn, on, 'the current team');
        if (changed.includes('careCoordinatorId'))
          checkAfter(
            errors,
            'effectiveOn',
            rows.careCoordinator?.startedOn,
            on,
            'the current care coordinator',
          );
        if (changed.includes('responsibleClinicianId'))
          checkAfter(
            errors,
            'effectiveOn',
            rows.responsibleClinician?.startedOn,
            on,
            'the current responsible clinician',
          );
        if (changed.includes('nearestRelative'))
          checkAfter(
            errors,
            'effectiveOn',
            rows.nearestRelative?.startedOn,
            on,
            'the current nearest relative',
          );
      }
      if (changed.includes('legalStatus') && rows.legalStatus?.hasOrder) {
        errors['legalStatus.code'] =
          'A community treatment order follows this detention: correct it from the order, not here';
      }
      if (changed.includes('nhsNumber') && after.nhsNumber) {
        const other = await tx.patient.findFirst({
          where: { nhsNumber: after.nhsNumber, id: { not: patientId } },
          select: { id: true },
        });
        if (other) errors.nhsNumber = 'A patient with this NHS number is already registered';
      }
      if (changed.includes('localId') && after.localId) {
        const other = await tx.patient.findFirst({
          where: { localId: after.localId, id: { not: patientId } },
          select: { id: true },
        });
        if (other) errors.localId = 'A patient with this local identifier is already registered';
      }
      if (Object.keys(errors).length > 0) {
        return ctx.refuse(
          'INVALID_EDIT',
          'There is a problem with what you entered: check the fields marked.',
          errors,
        );
      }

      const names = await checkReferences(
        tx,
        {
          ...(changed.includes('teamId') ? { teamId: after.teamId ?? undefined } : {}),
          ...(changed.includes('careCoordinatorId')
            ? { careCoordinatorId: after.careCoordinatorId }
            : {}),
          ...(changed.includes('responsibleClinicianId')
            ? { responsibleClinicianId: after.responsibleClinicianId }
            : {}),
          ...(changed.includes('legalStatus') ? { legalStatus: after.legalStatus } : {}),
        },
        {
          teamIds: [before.teamId],
          userIds: [before.careCoordinatorId, before.responsibleClinicianId],
          hospitalIds: [before.legalStatus?.hospitalId ?? null],
        },
      );

      const e: EditContext = { tx, actorId: actor.userId, patientId, rows, data, on, now };
      const scalar: Record<string, unknown> = {};
      for (const field of changed) {
        if ((SCALAR_FIELDS as readonly string[]).includes(field)) {
          scalar[field] = DB_SCALAR[field as ScalarField](after[field]);
        }
      }
      if (changed.includes('givenName') || changed.includes('familyName')) {
        scalar.searchName = searchNameOf(after.givenName ?? '', after.familyName ?? '');
      }
      if (changed.includes('teamId') && after.teamId) scalar.currentTeamId = after.teamId;
      if (Object.keys(scalar).length > 0) {
        await tx.patient.update({ where: { id: patientId }, data: scalar });
      }
      if (changed.includes('teamId') && after.teamId) await applyTeam(e, after.teamId);
      if (changed.includes('careCoordinatorId'))
        await applyAssignment(e, 'CARE_COORDINATOR', rows.careCoordinator, after.careCoordinatorId);
      if (changed.includes('responsibleClinicianId'))
        await applyAssignment(
          e,
          'RESPONSIBLE_CLINICIAN',
          rows.responsibleClinician,
          after.responsibleClinicianId,
        );
      if (changed.includes('nearestRelative'))
        await applyNearestRelative(e, after.nearestRelative, before.nearestRelative);
      if (changed.includes('carer')) await applyCarer(e, after.carer);
      if (changed.includes('attorney')) {
        const a = after.attorney;
        await applyAdvance(
          e,
          rows.attorneyId,
          a ? { kind: a.kind, summary: a.name, holderName: a.name, madeOn: a.madeOn } : null,
        );
      }
      if (changed.includes('advanceDecision')) {
        const a = after.advanceDecision;
        await applyAdvance(
          e,
          rows.advanceDecisionId,
          a ? { kind: a.kind, summary: a.summary, holderName: null, madeOn: a.madeOn } : null,
        );
      }
      if (changed.includes('legalStatus')) await applyLegalStatus(e, after.legalStatus);

      // Deadlines name their owners (the RC, the care coordinator) and carry the team.
      if (
        ['teamId', 'careCoordinatorId', 'responsibleClinicianId'].some((f) =>
          changed.includes(f as PatientFieldName),
        )
      ) {
        const live = await tx.communityTreatmentOrder.findMany({
          where: { patientId, ...LIVE_ORDER },
          select: { id: true },
        });
        for (const order of live) await recomputeOrderDeadlines(tx, order.id, today, now);
      }

      await tx.patientChange.createMany({
        data: changed.map((field) => ({
          patientId,
          patientVersion: version,
          kind: data.kind,
          field,
          oldValue: (before[field] ?? undefined) as Prisma.InputJsonValue | undefined,
          newValue: (after[field] ?? undefined) as Prisma.InputJsonValue | undefined,
          oldText: describeValue(field, before[field], names),
          newText: describeValue(field, after[field], names),
          reason: data.reason,
          effectiveOn: data.kind === 'CHANGE' ? toDbDate(on) : null,
          changedById: actor.userId,
          changedAt: now,
        })),
      });
      await ctx.audit({
        action: 'patient.update',
        outcome: 'SUCCESS',
        entityType: 'Patient',
        entityId: patientId,
        patientId,
        metadata: { kind: data.kind, fields: changed, version },
      });
      return { patientId, version, changed };
    },
  });
}
