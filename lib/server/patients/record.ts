import 'server-only';
// A patient's record as the register and edit services see it (issue 10): the current value of
// every field of lib/schemas/patients.ts, read from the Patient row and from the dated rows that
// keep history (team allocations, care coordinator and RC assignments, nearest relative, carers,
// advance decisions, the legal status period), and the checks that an id chosen from a list
// names a real, active team, person or hospital.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { formatLongDate, fromDbDate, fromDbDateOrNull } from '@/lib/server/dates';
import { Refusal, type FieldErrors } from '@/lib/server/services/run-service';
import type { PatientFieldName, RegisterPatientInput } from '@/lib/schemas/patients';
import { ethnicCategoryLabel } from '@/lib/codes/ethnic-category';
import { legalStatusShortLabel } from '@/lib/codes/legal-status';
import { SEX_LABELS } from '@/lib/codes/labels';
import {
  ADVANCE_DECISION_KIND_LABELS,
  ATTORNEY_KIND_LABELS,
  MAPPA_CATEGORY_LABELS,
  MAPPA_LEVEL_LABELS,
} from '@/lib/patients/labels';
import { formatNhsNumber } from '@/lib/patients/nhs-number';

export type PatientValues = {
  [K in PatientFieldName]: RegisterPatientInput[K] | null;
};

/** The Patient columns edited as they are (no dated history row of their own). */
export const SCALAR_FIELDS = [
  'nhsNumber',
  'localId',
  'givenName',
  'familyName',
  'otherNames',
  'dateOfBirth',
  'sex',
  'genderIdentity',
  'ethnicCategory',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'phone',
  'firstLanguage',
  'interpreterNeeded',
  'interpreterLanguage',
  'mappaCategory',
  'mappaLevel',
  's117LocalAuthority',
  's117Icb',
] as const satisfies readonly PatientFieldName[];
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export const ATTORNEY_DB_KINDS = [
  'LASTING_POWER_OF_ATTORNEY_HEALTH',
  'COURT_APPOINTED_DEPUTY',
  'COURT_OF_PROTECTION_ORDER',
] as const;
export const ADVANCE_DB_KINDS = [
  'ADVANCE_DECISION_TO_REFUSE_TREATMENT',
  'ADVANCE_STATEMENT',
] as const;

/** The rows behind the dated fields, so an edit can end or correct them. */
export interface PatientRows {
  id: string;
  version: number;
  dateOfBirth: string;
  teamAllocationId: string | null;
  teamStartedOn: string | null;
  careCoordinator: { id: string; startedOn: string } | null;
  responsibleClinician: { id: string; startedOn: string } | null;
  nearestRelative: { id: string; startedOn: string } | null;
  carer: { id: string; startedOn: string } | null;
  attorneyId: string | null;
  advanceDecisionId: string | null;
  legalStatus: { id: string; hasOrder: boolean } | null;
}

export async function loadPatientRecord(
  tx: Tx | Db,
  where: Prisma.PatientWhereInput,
): Promise<{ values: PatientValues; rows: PatientRows } | null> {
  const p = await tx.patient.findFirst({
    where,
    include: {
      teamAllocations: { where: { endedOn: null }, orderBy: { startedOn: 'desc' }, take: 1 },
      staffAssignments: { where: { endedOn: null }, orderBy: { startedOn: 'desc' } },
      relatives: {
        where: { endedOn: null, kind: 'NEAREST_RELATIVE' },
        orderBy: { startedOn: 'desc' },
        take: 1,
      },
      carers: { where: { endedOn: null }, orderBy: { startedOn: 'desc' }, take: 1 },
      advanceDecisions: { where: { withdrawnOn: null }, orderBy: { recordedAt: 'desc' } },
      legalStatusPeriods: {
        where: { enteredInErrorAt: null, revokedOrderId: null },
        orderBy: { startDate: 'asc' },
        take: 1,
        include: { _count: { select: { orders: true } } },
      },
    },
  });
  if (!p) return null;
  const cc = p.staffAssignments.find((a) => a.kind === 'CARE_COORDINATOR') ?? null;
  const rc = p.staffAssignments.find((a) => a.kind === 'RESPONSIBLE_CLINICIAN') ?? null;
  const nr = p.relatives[0] ?? null;
  const carer = p.carers[0] ?? null;
  const attorney =
    p.advanceDecisions.find((a) => (ATTORNEY_DB_KINDS as readonly string[]).includes(a.kind)) ??
    null;
  const advance =
    p.advanceDecisions.find((a) => (ADVANCE_DB_KINDS as readonly string[]).includes(a.kind)) ??
    null;
  const lsp = p.legalStatusPeriods[0] ?? null;
  const values: PatientValues = {
    nhsNumber: p.nhsNumber,
    localId: p.localId,
    givenName: p.givenName,
    familyName: p.familyName,
    otherNames: p.otherNames,
    dateOfBirth: fromDbDate(p.dateOfBirth),
    sex: p.sex,
    genderIdentity: p.genderIdentity,
    ethnicCategory: p.ethnicCategory,
    addressLine1: p.addressLine1,
    addressLine2: p.addressLine2,
    town: p.town,
    postcode: p.postcode,
    phone: p.phone,
    firstLanguage: p.firstLanguage,
    interpreterNeeded: p.interpreterNeeded,
    interpreterLanguage: p.interpreterLanguage,
    teamId: p.currentTeamId ?? p.teamAllocations[0]?.teamId ?? null,
    careCoordinatorId: cc?.userId ?? null,
    responsibleClinicianId: rc?.userId ?? null,
    nearestRelative: nr
      ? {
          name: nr.name,
          relationship: nr.relationship,
          address: nr.address,
          phone: nr.phone,
          patientObjectsToConsultation: nr.patientObjectsToBeingConsulted,
        }
      : null,
    carer: carer
      ? { name: carer.name, relationship: carer.relationship, contact: carer.contact }
      : null,
    attorney: attorney
      ? {
          kind: attorney.kind as (typeof ATTORNEY_DB_KINDS)[number],
          name: attorney.holderName ?? '',
          madeOn: fromDbDateOrNull(attorney.madeOn),
        }
      : null,
    advanceDecision: advance
      ? {
          kind: advance.kind as (typeof ADVANCE_DB_KINDS)[number],
          summary: advance.summary,
          madeOn: fromDbDateOrNull(advance.madeOn),
        }
      : null,
    mappaCategory: p.mappaCategory,
    mappaLevel: p.mappaLevel,
    s117LocalAuthority: p.s117LocalAuthority,
    s117Icb: p.s117Icb,
    legalStatus: lsp
      ? {
          code: lsp.legalStatusCode as NonNullable<RegisterPatientInput['legalStatus']>['code'],
          startDate: fromDbDate(lsp.startDate),
          hospitalId: lsp.hospitalId,
        }
      : null,
  };
  return {
    values,
    rows: {
      id: p.id,
      version: p.version,
      dateOfBirth: fromDbDate(p.dateOfBirth),
      teamAllocationId: p.teamAllocations[0]?.id ?? null,
      teamStartedOn: p.teamAllocations[0] ? fromDbDate(p.teamAllocations[0].startedOn) : null,
      careCoordinator: cc ? { id: cc.id, startedOn: fromDbDate(cc.startedOn) } : null,
      responsibleClinician: rc ? { id: rc.id, startedOn: fromDbDate(rc.startedOn) } : null,
      nearestRelative: nr ? { id: nr.id, startedOn: fromDbDate(nr.startedOn) } : null,
      carer: carer ? { id: carer.id, startedOn: fromDbDate(carer.startedOn) } : null,
      attorneyId: attorney?.id ?? null,
      advanceDecisionId: advance?.id ?? null,
      legalStatus: lsp ? { id: lsp.id, hasOrder: lsp._count.orders > 0 } : null,
    },
  };
}

/** Names for the ids a record refers to, to write the history in words. */
export interface ReferenceNames {
  teams: Map<string, string>;
  users: Map<string, string>;
  hospitals: Map<string, string>;
}

/**
 * Checks the team, the care coordinator, the RC and the hospital the input names: each must
 * exist and be active, and a care coordinator or RC must hold that role now. Refuses with the
 * field errors; returns their names.
 */
export async function checkReferences(
  tx: Tx,
  input: Partial<
    Pick<
      RegisterPatientInput,
      'teamId' | 'careCoordinatorId' | 'responsibleClinicianId' | 'legalStatus'
    >
  >,
  extra: {
    teamIds?: (string | null)[];
    userIds?: (string | null)[];
    hospitalIds?: (string | null)[];
  } = {},
): Promise<ReferenceNames> {
  const errors: FieldErrors = {};
  const teamIds = [input.teamId, ...(extra.teamIds ?? [])].filter((v): v is string => !!v);
  const userIds = [
    input.careCoordinatorId,
    input.responsibleClinicianId,
    ...(extra.userIds ?? []),
  ].filter((v): v is string => !!v);
  const hospitalIds = [input.legalStatus?.hospitalId, ...(extra.hospitalIds ?? [])].filter(
    (v): v is string => !!v,
  );
  const [teams, users, hospitals] = await Promise.all([
    tx.team.findMany({
      where: { id: { in: teamIds } },
      select: { id: true, name: true, active: true },
    }),
    tx.user.findMany({
      where: { id: { in: userIds } },
      select: {
        id: true,
        name: true,
        active: true,
        roles: { where: { revokedAt: null }, select: { role: true } },
      },
    }),
    tx.hospital.findMany({
      where: { id: { in: hospitalIds } },
      select: { id: true, name: true, active: true },
    }),
  ]);
  if (input.teamId && !teams.some((t) => t.id === input.teamId && t.active)) {
    errors.teamId = 'Choose the patient’s team from the list';
  }
  const holds = (id: string, role: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN') =>
    users.some((u) => u.id === id && u.active && u.roles.some((r) => r.role === role));
  if (input.careCoordinatorId && !holds(input.careCoordinatorId, 'CARE_COORDINATOR')) {
    errors.careCoordinatorId = 'Choose a care coordinator from the list';
  }
  if (
    input.responsibleClinicianId &&
    !holds(input.responsibleClinicianId, 'RESPONSIBLE_CLINICIAN')
  ) {
    errors.responsibleClinicianId = 'Choose a responsible clinician from the list';
  }
  const hospitalId = input.legalStatus?.hospitalId;
  if (hospitalId && !hospitals.some((h) => h.id === hospitalId && h.active)) {
    errors['legalStatus.hospitalId'] = 'Choose the hospital from the list';
  }
  if (Object.keys(errors).length > 0) {
    throw new Refusal(
      'UNKNOWN_REFERENCE',
      'There is a problem with what you entered: check the fields marked.',
      errors,
    );
  }
  return {
    teams: new Map(teams.map((t) => [t.id, t.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
    hospitals: new Map(hospitals.map((h) => [h.id, h.name])),
  };
}

/** A field's value in words, for the history and the chronology. */
export function describeValue(
  field: PatientFieldName,
  value: unknown,
  names: ReferenceNames,
): string | null {
  if (value === null || value === undefined) return null;
  switch (field) {
    case 'nhsNumber':
      return formatNhsNumber(String(value));
    case 'dateOfBirth':
      return formatLongDate(String(value));
    case 'sex':
      return SEX_LABELS[value as keyof typeof SEX_LABELS] ?? String(value);
    case 'ethnicCategory':
      return ethnicCategoryLabel(String(value));
    case 'interpreterNeeded':
      return value ? 'Yes' : 'No';
    case 'teamId':
      return names.teams.get(String(value)) ?? 'A team';
    case 'careCoordinatorId':
    case 'responsibleClinicianId':
      return names.users.get(String(value)) ?? 'A member of staff';
    case 'mappaCategory':
      return MAPPA_CATEGORY_LABELS[value as keyof typeof MAPPA_CATEGORY_LABELS] ?? String(value);
    case 'mappaLevel':
      return MAPPA_LEVEL_LABELS[value as keyof typeof MAPPA_LEVEL_LABELS] ?? String(value);
    case 'nearestRelative': {
      const v = value as NonNullable<PatientValues['nearestRelative']>;
      return `${v.name} (${v.relationship})${v.patientObjectsToConsultation ? ', the patient objects to their being consulted' : ''}`;
    }
    case 'carer': {
      const v = value as NonNullable<PatientValues['carer']>;
      return v.relationship ? `${v.name} (${v.relationship})` : v.name;
    }
    case 'attorney': {
      const v = value as NonNullable<PatientValues['attorney']>;
      return `${ATTORNEY_KIND_LABELS[v.kind]}: ${v.name}`;
    }
    case 'advanceDecision': {
      const v = value as NonNullable<PatientValues['advanceDecision']>;
      return ADVANCE_DECISION_KIND_LABELS[v.kind];
    }
    case 'legalStatus': {
      const v = value as NonNullable<PatientValues['legalStatus']>;
      const hospital = v.hospitalId ? names.hospitals.get(v.hospitalId) : null;
      return `${legalStatusShortLabel(v.code)} from ${formatLongDate(v.startDate)}${hospital ? ` at ${hospital}` : ''}`;
    }
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Two values of a field are the same when their JSON is (keys in the schema's order). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** lower(family + ' ' + given): the indexed search name. */
export function searchNameOf(givenName: string, familyName: string): string {
  return `${familyName} ${givenName}`.toLowerCase();
}
