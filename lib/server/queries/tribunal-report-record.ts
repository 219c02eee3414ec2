// What the record says, gathered for a report's pre-fill (issue 9 §2; lib/tribunal/prefill.ts
// turns it into sections). The caller passes the patient scope (the where clause it was given)
// and its database client, so a service can gather inside its transaction; the caller audits.
// No 'server-only' marker: the demo seed (prisma/seed/tribunal.ts) uses it too.
// Age comes from lib/cto; every other date is only read, never worked out.
import { ageOn } from '@/lib/cto';
import { CTO_EVENT_TYPE_LABELS, CTO_STATE_LABELS } from '@/lib/codes/labels';
import { legalStatusLabel } from '@/lib/codes/legal-status';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { fromDbDate, londonDateOf, type IsoDate } from '@/lib/server/dates';
import type { ReportRecord } from '@/lib/tribunal/prefill';

/** The CTO events a report's legal history and chronology name (the rest are detail). */
const HISTORY_EVENTS = [
  'MAKE',
  'VARY_CONDITIONS',
  'FURNISH_CTO7',
  'FURNISH_CTO8',
  'MANAGERS_REVIEW_EXTENSION',
  'SERVE_RECALL_NOTICE',
  'DETENTION_BEGINS',
  'RELEASE_FROM_RECALL',
  'REVOKE',
  'DISCHARGE_BY_RC',
  'DISCHARGE_BY_MANAGERS',
  'DISCHARGE_BY_TRIBUNAL',
  'NR_BARRING_REPORT',
  'AWOL_BEGINS',
  'AWOL_ENDS',
  'ASSIGN_RESPONSIBILITY',
  'CERTIFICATE_GIVEN',
  'TRIBUNAL_HEARING_HELD',
  'EXPIRE',
] as const;

const KIND_OF_EVENT: Record<string, string> = {
  SERVE_RECALL_NOTICE: 'recall',
  DETENTION_BEGINS: 'recall',
  RELEASE_FROM_RECALL: 'recall',
  REVOKE: 'revocation',
  DISCHARGE_BY_RC: 'discharge',
  DISCHARGE_BY_MANAGERS: 'discharge',
  DISCHARGE_BY_TRIBUNAL: 'discharge',
  TRIBUNAL_HEARING_HELD: 'hearing',
};

export async function gatherReportRecord(
  client: Db | Tx,
  patientId: string,
  patientWhere: Prisma.PatientWhereInput,
  options: { now: Date; excludeCaseId?: string | null },
): Promise<ReportRecord | null> {
  const asOf = londonDateOf(options.now);
  const patient = await client.patient.findFirst({
    where: { AND: [{ id: patientId }, patientWhere] },
    select: {
      givenName: true,
      familyName: true,
      otherNames: true,
      dateOfBirth: true,
      addressLine1: true,
      addressLine2: true,
      town: true,
      postcode: true,
      firstLanguage: true,
      interpreterNeeded: true,
      interpreterLanguage: true,
      maritalStatus: true,
      accommodationStatus: true,
      employmentStatus: true,
      mappaCategory: true,
      mappaLevel: true,
      s117LocalAuthority: true,
      s117Icb: true,
    },
  });
  if (!patient) return null;
  const mine = { patientId };
  const [
    order,
    periods,
    events,
    assignments,
    relatives,
    carers,
    social,
    contacts,
    activities,
    qol,
    cases,
  ] = await Promise.all([
    client.communityTreatmentOrder.findFirst({
      where: { ...mine, state: { notIn: ['PROPOSED', 'DECLINED'] } },
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        state: true,
        signedAt: true,
        effectiveAt: true,
        responsibleHospital: { select: { name: true } },
        conditions: {
          where: { status: { not: 'ENDED' } },
          orderBy: { startedAt: 'asc' },
          select: { kind: true, wording: true, startedAt: true, status: true },
        },
      },
    }),
    client.legalStatusPeriod.findMany({
      where: { ...mine, enteredInErrorAt: null },
      orderBy: { startDate: 'asc' },
      select: {
        legalStatusCode: true,
        startDate: true,
        endDate: true,
        hospital: { select: { name: true } },
      },
    }),
    client.ctoEvent.findMany({
      where: { ...mine, enteredInErrorAt: null, type: { in: [...HISTORY_EVENTS] } },
      orderBy: { occurredAt: 'asc' },
      select: { type: true, occurredAt: true, formId: true },
      take: 500,
    }),
    client.staffAssignment.findMany({
      where: mine,
      orderBy: { startedOn: 'asc' },
      select: { kind: true, startedOn: true, endedOn: true, user: { select: { name: true } } },
    }),
    client.nearestRelative.findMany({
      where: { ...mine, endedOn: null, kind: 'NEAREST_RELATIVE' },
      orderBy: { startedOn: 'desc' },
      take: 1,
      select: {
        name: true,
        relationship: true,
        address: true,
        patientObjectsToBeingConsulted: true,
        displacedByCourt: true,
      },
    }),
    client.patientCarer.findMany({
      where: { ...mine, endedOn: null },
      orderBy: { startedOn: 'asc' },
      select: { name: true, relationship: true },
    }),
    client.socialFactorAssessment.findMany({
      where: { ...mine, enteredInErrorAt: null },
      orderBy: { assessedOn: 'asc' },
      take: 20,
      select: {
        assessedOn: true,
        decisionPoint: true,
        ratings: { select: { domain: true, rating: true, notes: true } },
      },
    }),
    client.contact.findMany({
      where: { ...mine, enteredInErrorAt: null },
      orderBy: { occurredAt: 'desc' },
      take: 8,
      select: { occurredAt: true, mode: true, summary: true, staff: { select: { name: true } } },
    }),
    client.careActivity.findMany({
      where: { ...mine, enteredInErrorAt: null, OR: [{ endedOn: null }] },
      orderBy: { startedOn: 'asc' },
      take: 20,
      select: { kind: true, description: true, startedOn: true, endedOn: true },
    }),
    client.qualityOfLifeRating.findMany({
      where: { ...mine, enteredInErrorAt: null },
      orderBy: { ratedOn: 'asc' },
      take: 12,
      select: { ratedOn: true, instrument: true, score: true, maxScore: true, selfRated: true },
    }),
    client.tribunalCase.findMany({
      where: {
        ...mine,
        enteredInErrorAt: null,
        ...(options.excludeCaseId ? { id: { not: options.excludeCaseId } } : {}),
      },
      orderBy: { receivedOn: 'asc' },
      select: {
        receivedOn: true,
        kind: true,
        basis: true,
        status: true,
        hearings: { select: { heldOn: true, outcome: true }, orderBy: { scheduledAt: 'asc' } },
      },
    }),
  ]);
  const formTypes = new Map<string, string>();
  const formIds = events.map((e) => e.formId).filter((id): id is string => id !== null);
  if (formIds.length) {
    const forms = await client.statutoryForm.findMany({
      where: { id: { in: formIds }, patientId },
      select: { id: true, type: true },
    });
    for (const f of forms) formTypes.set(f.id, f.type);
  }
  const chronology: ReportRecord['chronology'] = [
    ...periods.map((p) => ({
      on: fromDbDate(p.startDate),
      kind: 'legal-status',
      title: `Detained: ${legalStatusLabel(p.legalStatusCode)}${p.hospital ? ` at ${p.hospital.name}` : ''}${p.endDate ? `, until ${fromDbDate(p.endDate)}` : ''}`,
      detail: null,
      form: null,
    })),
    ...events.map((e) => ({
      on: londonDateOf(e.occurredAt),
      kind: KIND_OF_EVENT[e.type] ?? 'order',
      title: CTO_EVENT_TYPE_LABELS[e.type],
      detail: null,
      form: e.formId ? (formTypes.get(e.formId) ?? null) : null,
    })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));

  const current = (kind: string) =>
    assignments.filter((a) => a.kind === kind && a.endedOn === null).at(-1) ?? null;
  const rc = current('RESPONSIBLE_CLINICIAN');
  const cc = current('CARE_COORDINATOR');
  const nr = relatives[0] ?? null;
  const madeAt = order?.effectiveAt ?? order?.signedAt ?? null;
  const address = [patient.addressLine1, patient.addressLine2, patient.town, patient.postcode]
    .filter(Boolean)
    .join(', ');
  const day = (d: Date): IsoDate => fromDbDate(d);
  return {
    asOf,
    patient: {
      name: `${patient.givenName} ${patient.familyName}`,
      otherNames: patient.otherNames,
      dateOfBirth: day(patient.dateOfBirth),
      ageYears: ageOn(day(patient.dateOfBirth), asOf),
      address: address || null,
      firstLanguage: patient.firstLanguage,
      interpreterNeeded: patient.interpreterNeeded,
      interpreterLanguage: patient.interpreterLanguage,
      maritalStatus: patient.maritalStatus,
      accommodationStatus: patient.accommodationStatus,
      employmentStatus: patient.employmentStatus,
      mappa: { category: patient.mappaCategory, level: patient.mappaLevel },
      s117LocalAuthority: patient.s117LocalAuthority,
      s117Icb: patient.s117Icb,
    },
    order: order
      ? {
          madeOn: madeAt ? londonDateOf(madeAt) : null,
          state: CTO_STATE_LABELS[order.state],
          responsibleHospital: order.responsibleHospital.name,
        }
      : null,
    chronology,
    conditions: (order?.conditions ?? []).map((c) => ({
      mandatory: c.kind === 'MANDATORY',
      wording: c.wording,
      since: londonDateOf(c.startedAt),
      suspended: c.status === 'SUSPENDED',
    })),
    careTeam: {
      rc: rc ? { name: rc.user.name, since: day(rc.startedOn) } : null,
      careCoordinator: cc ? { name: cc.user.name, since: day(cc.startedOn) } : null,
      formerRcs: assignments
        .filter((a) => a.kind === 'RESPONSIBLE_CLINICIAN' && a.endedOn !== null)
        .map((a) => ({ name: a.user.name, from: day(a.startedOn), to: day(a.endedOn as Date) })),
    },
    nearestRelative: nr
      ? {
          name: nr.name,
          relationship: nr.relationship,
          address: nr.address,
          patientObjects: nr.patientObjectsToBeingConsulted,
          displacedByCourt: nr.displacedByCourt,
        }
      : null,
    carers: carers.map((c) => ({ name: c.name, relationship: c.relationship })),
    socialAssessments: social.map((a) => ({
      assessedOn: day(a.assessedOn),
      decisionPoint: a.decisionPoint,
      ratings: a.ratings.map((r) => ({ domain: r.domain, rating: r.rating, notes: r.notes })),
    })),
    contacts: contacts.map((c) => ({
      on: londonDateOf(c.occurredAt),
      mode: c.mode,
      staff: c.staff.name,
      summary: c.summary,
    })),
    careActivities: activities.map((a) => ({
      kind: a.kind,
      description: a.description,
      startedOn: day(a.startedOn),
      endedOn: a.endedOn ? day(a.endedOn) : null,
    })),
    qualityOfLife: qol.map((q) => ({
      ratedOn: day(q.ratedOn),
      instrument: q.instrument,
      score: q.score,
      maxScore: q.maxScore,
      selfRated: q.selfRated,
    })),
    previousTribunals: cases.map((c) => ({
      receivedOn: day(c.receivedOn),
      kind: c.kind,
      basis: c.basis,
      status: c.status,
      hearings: c.hearings.map((h) => ({
        heldOn: h.heldOn ? day(h.heldOn) : null,
        outcome: h.outcome,
      })),
    })),
  };
}
