/**
 * Patients (with a valid test-range NHS number and their team allocation), staff assignments,
 * nearest relatives and legal status periods (MHS401).
 */
import { isValidNhsNumber } from '@/lib/cto';
import type { Prisma, RelativeKind, Sex, StaffAssignmentKind } from '@/lib/generated/prisma/client';
import { toDbDate, toDbDateOrNull, londonDateOf, type IsoDate } from '@/lib/server/dates';
import { randomInt } from 'node:crypto';
import { newId, unique, type FactoryDb } from './db';

// --- NHS numbers -----------------------------------------------------------------------------

/**
 * The `n`th valid NHS number in the 999 test range (999 000 000x upwards), skipping the nine-digit
 * stems whose check digit would be 10 (never issued). Deterministic: the seed uses it.
 */
export function testNhsNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 900_000) throw new RangeError(`n out of range: ${n}`);
  let valid = -1;
  for (let stem = 0; stem < 1_000_000; stem += 1) {
    const candidate = nhsNumberForStem(stem);
    if (candidate === undefined) continue;
    valid += 1;
    if (valid === n) return candidate;
  }
  throw new RangeError(`No test NHS number number ${n}.`);
}

/** The valid 999-range number whose digits 4-9 are `stem`, or undefined when that stem cannot be valid. */
export function nhsNumberForStem(stem: number): string | undefined {
  const nine = `999${String(stem).padStart(6, '0')}`;
  for (let check = 0; check <= 9; check += 1) {
    const candidate = `${nine}${check}`;
    if (isValidNhsNumber(candidate)) return candidate;
  }
  return undefined;
}

// Tests share one database: start each process at a random place in the range and count up.
let nextStem = randomInt(0, 900_000);

/** A fresh valid 999-range NHS number, no spaces (unique within this process). */
export function randomTestNhsNumber(): string {
  for (;;) {
    nextStem = (nextStem + 1) % 1_000_000;
    const candidate = nhsNumberForStem(nextStem);
    if (candidate !== undefined) return candidate;
  }
}

export function searchNameOf(familyName: string, givenName: string): string {
  return `${familyName} ${givenName}`.toLowerCase();
}

// --- Patient ---------------------------------------------------------------------------------

export type PatientInput = {
  trustId: string;
  /** The community team that holds the patient (a PatientTeamAllocation row is made too). */
  teamId?: string | null;
  allocatedOn?: IsoDate;
  dateOfBirth?: IsoDate;
  dateOfDeath?: IsoDate | null;
  sex?: Sex;
} & Partial<
  Omit<
    Prisma.PatientCreateManyInput,
    'trustId' | 'currentTeamId' | 'dateOfBirth' | 'dateOfDeath' | 'sex' | 'searchName'
  >
>;

export function buildPatient(input: PatientInput): Prisma.PatientCreateManyInput {
  const {
    teamId = null,
    allocatedOn: _allocatedOn,
    dateOfBirth = '1985-06-15',
    dateOfDeath = null,
    sex = 'MALE',
    ...rest
  } = input;
  const u = unique();
  const givenName = rest.givenName ?? 'Alex';
  const familyName = rest.familyName ?? `Testpatient-${u}`;
  return {
    id: newId(),
    nhsNumber: randomTestNhsNumber(),
    localId: `LOC-${u.toUpperCase()}`,
    ethnicCategory: 'Z',
    ...rest,
    givenName,
    familyName,
    searchName: searchNameOf(familyName, givenName),
    dateOfBirth: toDbDate(dateOfBirth),
    dateOfDeath: toDbDateOrNull(dateOfDeath),
    sex,
    currentTeamId: teamId,
  };
}

/** Inserts the patient and, when a team is given, the current PatientTeamAllocation. */
export async function createPatient(db: FactoryDb, input: PatientInput) {
  const data = buildPatient(input);
  const patient = await db.patient.create({ data });
  if (data.currentTeamId) {
    await db.patientTeamAllocation.create({
      data: {
        id: newId(),
        patientId: patient.id,
        teamId: data.currentTeamId,
        startedOn: toDbDate(input.allocatedOn ?? londonDateOf(new Date())),
      },
    });
  }
  return patient;
}

// --- Staff assignments (MHS402) ----------------------------------------------------------------

export interface StaffAssignmentInput {
  patientId: string;
  userId: string;
  kind: StaffAssignmentKind;
  startedOn: IsoDate;
  endedOn?: IsoDate | null;
}

export function buildStaffAssignment(
  input: StaffAssignmentInput,
): Prisma.StaffAssignmentCreateManyInput {
  return {
    id: newId(),
    patientId: input.patientId,
    userId: input.userId,
    kind: input.kind,
    startedOn: toDbDate(input.startedOn),
    endedOn: toDbDateOrNull(input.endedOn),
  };
}

export function createStaffAssignment(db: FactoryDb, input: StaffAssignmentInput) {
  return db.staffAssignment.create({ data: buildStaffAssignment(input) });
}

/** The care coordinator and responsible clinician of a patient, in one round trip. */
export async function assignCareTeam(
  db: FactoryDb,
  input: {
    patientId: string;
    careCoordinatorId: string;
    responsibleClinicianId: string;
    startedOn: IsoDate;
  },
): Promise<void> {
  await db.staffAssignment.createMany({
    data: [
      buildStaffAssignment({
        patientId: input.patientId,
        userId: input.careCoordinatorId,
        kind: 'CARE_COORDINATOR',
        startedOn: input.startedOn,
      }),
      buildStaffAssignment({
        patientId: input.patientId,
        userId: input.responsibleClinicianId,
        kind: 'RESPONSIBLE_CLINICIAN',
        startedOn: input.startedOn,
      }),
    ],
  });
}

// --- Nearest relative (s26) ----------------------------------------------------------------

export interface NearestRelativeInput {
  patientId: string;
  name?: string;
  relationship?: string;
  kind?: RelativeKind;
  address?: string | null;
  phone?: string | null;
  startedOn: IsoDate;
  endedOn?: IsoDate | null;
  patientObjectsToBeingConsulted?: boolean;
  notes?: string | null;
  /** Records an IDENTIFIED event at this time (default: 09:00 UTC on startedOn). */
  identifiedAt?: Date;
  recordedById?: string | null;
}

export async function createNearestRelative(db: FactoryDb, input: NearestRelativeInput) {
  const id = newId();
  const relative = await db.nearestRelative.create({
    data: {
      id,
      patientId: input.patientId,
      kind: input.kind ?? 'NEAREST_RELATIVE',
      name: input.name ?? `Relative ${unique()}`,
      relationship: input.relationship ?? 'Mother',
      address: input.address ?? null,
      phone: input.phone ?? null,
      startedOn: toDbDate(input.startedOn),
      endedOn: toDbDateOrNull(input.endedOn),
      patientObjectsToBeingConsulted: input.patientObjectsToBeingConsulted ?? false,
      notes: input.notes ?? null,
    },
  });
  await db.nearestRelativeEvent.create({
    data: {
      id: newId(),
      patientId: input.patientId,
      nearestRelativeId: id,
      kind: 'IDENTIFIED',
      occurredAt: input.identifiedAt ?? new Date(`${input.startedOn}T09:00:00Z`),
      recordedById: input.recordedById ?? null,
      notes: 'Identified under section 26.',
    },
  });
  return relative;
}

// --- Legal status period (MHS401) ----------------------------------------------------------------

export interface LegalStatusPeriodInput {
  patientId: string;
  /** MHSDS legal status code: '03' s3 (default), '10' s37, '16' s47 ... (lib/codes/legal-status.ts) */
  legalStatusCode?: string;
  hospitalId?: string | null;
  startAt: Date;
  /** s68(5) applicable day; defaults to the start date for s3 ('03'), none otherwise. */
  applicableDay?: IsoDate | null;
  firstMedicationOn?: IsoDate | null;
  expiryDate?: IsoDate | null;
  endAt?: Date | null;
  endReason?: string | null;
  revokedOrderId?: string | null;
}

export function buildLegalStatusPeriod(
  input: LegalStatusPeriodInput,
): Prisma.LegalStatusPeriodCreateManyInput {
  const code = input.legalStatusCode ?? '03';
  const startDate = londonDateOf(input.startAt);
  const applicableDay =
    input.applicableDay !== undefined ? input.applicableDay : code === '03' ? startDate : null;
  return {
    id: newId(),
    patientId: input.patientId,
    legalStatusCode: code,
    hospitalId: input.hospitalId ?? null,
    startAt: input.startAt,
    startDate: toDbDate(startDate),
    applicableDay: toDbDateOrNull(applicableDay),
    firstMedicationOn: toDbDateOrNull(input.firstMedicationOn),
    expiryDate: toDbDateOrNull(input.expiryDate),
    endAt: input.endAt ?? null,
    endDate: input.endAt ? toDbDate(londonDateOf(input.endAt)) : null,
    endReason: input.endReason ?? null,
    revokedOrderId: input.revokedOrderId ?? null,
  };
}

export function createLegalStatusPeriod(db: FactoryDb, input: LegalStatusPeriodInput) {
  return db.legalStatusPeriod.create({ data: buildLegalStatusPeriod(input) });
}
