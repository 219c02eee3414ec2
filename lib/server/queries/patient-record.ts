import 'server-only';
// Issue 10: reads behind the register, edit and care-team pages. The lists a form chooses from
// (teams, care coordinators, RCs, hospitals: no patient data), one patient's record as the edit
// form starts from it with its history, and the dated care-team timeline. Patient reads are
// scoped in the query and audited.
import { db } from '@/lib/server/db';
import { fromDbDate, londonDateOf } from '@/lib/server/dates';
import { loadPatientRecord, type PatientValues } from '@/lib/server/patients/record';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { audit, type QueryContext } from './access';
import { changeDetail, changeTitle } from './patient-change-entries';

export interface Option {
  value: string;
  label: string;
}

export interface PatientFormOptions {
  teams: Option[];
  careCoordinators: Option[];
  responsibleClinicians: Option[];
  hospitals: Option[];
}

/** The choices of the register and edit forms: active teams, staff holding the role, hospitals. */
export async function listPatientFormOptions(
  ctx: Pick<QueryContext, 'client'> = {},
): Promise<PatientFormOptions> {
  const client = ctx.client ?? db;
  const staff = (role: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN') =>
    client.user.findMany({
      where: { active: true, roles: { some: { role, revokedAt: null } } },
      orderBy: [{ name: 'asc' }],
      select: { id: true, name: true, jobTitle: true },
    });
  const [teams, ccs, rcs, hospitals] = await Promise.all([
    client.team.findMany({
      where: { active: true, kind: { in: ['COMMUNITY', 'INPATIENT', 'OTHER'] } },
      orderBy: [{ name: 'asc' }],
      select: { id: true, name: true },
    }),
    staff('CARE_COORDINATOR'),
    staff('RESPONSIBLE_CLINICIAN'),
    client.hospital.findMany({
      where: { active: true },
      orderBy: [{ name: 'asc' }],
      select: { id: true, name: true },
    }),
  ]);
  const person = (u: { id: string; name: string; jobTitle: string | null }) => ({
    value: u.id,
    label: u.jobTitle ? `${u.name} (${u.jobTitle})` : u.name,
  });
  return {
    teams: teams.map((t) => ({ value: t.id, label: t.name })),
    careCoordinators: ccs.map(person),
    responsibleClinicians: rcs.map(person),
    hospitals: hospitals.map((h) => ({ value: h.id, label: h.name })),
  };
}

export interface PatientHistoryItem {
  id: string;
  version: number;
  kind: 'REGISTERED' | 'CHANGE' | 'CORRECTION';
  title: string;
  detail: string | null;
  effectiveOn: string | null;
  changedAt: Date;
  changedBy: string | null;
}

export interface PatientForEdit {
  patient: ScopedPatient;
  version: number;
  values: PatientValues;
  /** The legal status period has an order hanging off it (then it is corrected from the order). */
  legalStatusHasOrder: boolean;
  history: PatientHistoryItem[];
}

async function historyOf(ctx: QueryContext, patientId: string): Promise<PatientHistoryItem[]> {
  const client = ctx.client ?? db;
  const rows = await client.patientChange.findMany({
    where: { patientId },
    orderBy: [{ changedAt: 'desc' }, { field: 'asc' }],
  });
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.changedById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    version: r.patientVersion,
    kind: r.kind,
    title: changeTitle(r),
    detail: changeDetail(r),
    effectiveOn: r.effectiveOn ? fromDbDate(r.effectiveOn) : null,
    changedAt: r.changedAt,
    changedBy: names.get(r.changedById) ?? null,
  }));
}

/**
 * A patient's record as the edit form starts from it, with every earlier edit. NotFound
 * (audited) outside the actor's `update:patient` scope; AccessDenied without the permission.
 */
export async function getPatientForEdit(
  ctx: QueryContext,
  patientId: string,
): Promise<PatientForEdit> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'patient.read', 'update:patient');
  const loaded = await loadPatientRecord(client, scoped.patientWhere);
  if (!loaded) throw new Error('The patient was in scope a moment ago.');
  const history = await historyOf(ctx, patientId);
  await audit(ctx, {
    action: 'patient.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: { view: 'edit' },
  });
  return {
    patient: scoped.patient,
    version: loaded.rows.version,
    values: loaded.values,
    legalStatusHasOrder: loaded.rows.legalStatus?.hasOrder ?? false,
    history,
  };
}

export interface CareTeamSpan {
  id: string;
  kind: 'CARE_COORDINATOR' | 'RESPONSIBLE_CLINICIAN' | 'TEAM' | 'HOSPITAL';
  name: string;
  /** The person, for a care coordinator or RC. */
  userId?: string;
  from: string;
  /** Exclusive: the day the next one took over; null while current. */
  to: string | null;
  recordedBy: string | null;
  recordedAt: Date | null;
}

/**
 * The patient's care coordinators, responsible clinicians and teams, and the hospitals
 * responsible for their orders (s19A), as dated spans, newest first. Assignments corrected
 * away (ended the day they began) are left out.
 */
export async function getCareTeamTimeline(
  ctx: QueryContext,
  patientId: string,
): Promise<{ patient: ScopedPatient; spans: CareTeamSpan[]; version: number }> {
  const client = ctx.client ?? db;
  const scoped = await readPatientInScope(ctx, patientId, 'care-team.read');
  const mine = { patientId, patient: scoped.patientWhere };
  const [assignments, teams, orders, version] = await Promise.all([
    client.staffAssignment.findMany({
      where: mine,
      include: { user: { select: { name: true } } },
    }),
    client.patientTeamAllocation.findMany({
      where: mine,
      include: { team: { select: { name: true } } },
    }),
    client.communityTreatmentOrder.findMany({
      where: mine,
      select: {
        id: true,
        proposedAt: true,
        endedOn: true,
        responsibleHospitalId: true,
        assignments: {
          orderBy: { assignedAt: 'asc' },
          select: {
            id: true,
            assignedAt: true,
            recordedById: true,
            fromHospital: { select: { name: true } },
            toHospital: { select: { name: true } },
          },
        },
        responsibleHospital: { select: { name: true } },
      },
    }),
    client.patient.findFirst({ where: scoped.patientWhere, select: { version: true } }),
  ]);
  const recorders = await client.user.findMany({
    where: {
      id: {
        in: [
          ...assignments.map((a) => a.recordedById),
          ...orders.flatMap((o) => o.assignments.map((a) => a.recordedById)),
        ].filter((v): v is string => !!v),
      },
    },
    select: { id: true, name: true },
  });
  const names = new Map(recorders.map((u) => [u.id, u.name]));
  const spans: CareTeamSpan[] = [];
  for (const a of assignments) {
    if (a.endedOn && a.endedOn.getTime() <= a.startedOn.getTime()) continue;
    spans.push({
      id: `assignment:${a.id}`,
      kind: a.kind,
      name: a.user.name,
      userId: a.userId,
      from: fromDbDate(a.startedOn),
      to: a.endedOn ? fromDbDate(a.endedOn) : null,
      recordedBy: a.recordedById ? (names.get(a.recordedById) ?? null) : null,
      recordedAt: a.recordedAt,
    });
  }
  for (const t of teams) {
    if (t.endedOn && t.endedOn.getTime() <= t.startedOn.getTime()) continue;
    spans.push({
      id: `team:${t.id}`,
      kind: 'TEAM',
      name: t.team.name,
      from: fromDbDate(t.startedOn),
      to: t.endedOn ? fromDbDate(t.endedOn) : null,
      recordedBy: null,
      recordedAt: null,
    });
  }
  // The order's responsible hospital (s19A assignments, recorded on the order's CTO10 page):
  // shown here read-only so the whole care team is on one timeline.
  for (const o of orders) {
    const day = (d: Date) => londonDateOf(d);
    let from = day(o.proposedAt);
    let name = o.assignments[0]?.fromHospital.name ?? o.responsibleHospital.name;
    for (const a of o.assignments) {
      spans.push({
        id: `hospital:${o.id}:${a.id}`,
        kind: 'HOSPITAL',
        name,
        from,
        to: day(a.assignedAt),
        recordedBy: null,
        recordedAt: null,
      });
      from = day(a.assignedAt);
      name = a.toHospital.name;
    }
    spans.push({
      id: `hospital:${o.id}:current`,
      kind: 'HOSPITAL',
      name,
      from,
      to: o.endedOn ? fromDbDate(o.endedOn) : null,
      recordedBy: null,
      recordedAt: null,
    });
  }
  spans.sort((a, b) => b.from.localeCompare(a.from) || a.kind.localeCompare(b.kind));
  await audit(ctx, {
    action: 'care-team.read',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: { count: spans.length },
  });
  return { patient: scoped.patient, spans, version: version?.version ?? 1 };
}
