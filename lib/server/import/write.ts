import 'server-only';
// Writes the orders planned by lib/import (evaluateRecord) in bulk, inside the caller's
// transaction: the patient (unless they are already in the app), their team and staff, the
// underlying section, the order, its periods from lib/cto, and its history as events marked as
// imported with the file and row they came from. Then every clock is computed by the same pure
// computation as for any order (computeOrderDeadlines, which reads lib/cto), from the facts held
// here in memory, and the deadlines written in bulk (decision 811): reloading 10,000 orders to
// recompute them was what made a large commit slow. An order for a patient already in the app
// (their tribunal cases and care coordinator live in the database) is recomputed from the
// database as usual. Nothing here decides anything about the law.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { bulkInsert, uuidV7 } from './bulk-insert';
import { recallDeadline } from '@/lib/cto';
import { londonDateOf, londonTime, toDbDate, type IsoDate } from '@/lib/server/dates';
import {
  computeOrderDeadlines,
  type ComputeOptions,
  type OrderDeadlineFacts,
  type RightsTriggerKind,
} from '@/lib/server/deadlines/compute-order-deadlines';
import {
  deadlineRow,
  recomputeDeadlinesForOrders,
  TRIGGER_EVENT_KINDS,
} from '@/lib/server/deadlines/recompute';
import { importKey, type ImportRecord, type OrderPlan } from '@/lib/import/rows';

export interface RowToWrite {
  readonly row: number;
  readonly record: ImportRecord;
  readonly plan: OrderPlan;
}

export interface Written {
  readonly row: number;
  readonly patientId: string;
  readonly orderId: string;
  readonly newPatient: boolean;
}

// s17B(3): the two conditions every order has, whatever the register says.
const MANDATORY_CONDITIONS = [
  {
    category: 'EXAMINATION_FOR_EXTENSION' as const,
    wording:
      'The patient is to make himself or herself available for examination under section 20A, as requested.',
  },
  {
    category: 'EXAMINATION_FOR_CERTIFICATE' as const,
    wording:
      'If it is proposed to give a certificate under Part 4A of the Act in the patient’s case, the patient is to make himself or herself available for examination to enable the certificate to be given, as requested.',
  },
];

export async function writeImportedOrders(
  tx: Tx,
  input: {
    trustId: string;
    importId: string;
    fileName: string;
    fileSha256: string;
    actorId: string;
    rows: readonly RowToWrite[];
    /** The London day and instant of the import: the clocks are computed as of then. */
    today: IsoDate;
    now: Date;
    deadlineOptions: ComputeOptions;
  },
): Promise<Written[]> {
  const patients: Prisma.PatientCreateManyInput[] = [];
  const allocations: Prisma.PatientTeamAllocationCreateManyInput[] = [];
  const assignments: Prisma.StaffAssignmentCreateManyInput[] = [];
  const legal: Prisma.LegalStatusPeriodCreateManyInput[] = [];
  const orders: Prisma.CommunityTreatmentOrderCreateManyInput[] = [];
  const periods: Prisma.CtoPeriodCreateManyInput[] = [];
  const events: Prisma.CtoEventCreateManyInput[] = [];
  const conditions: Prisma.ConditionCreateManyInput[] = [];
  const imported: Prisma.ImportedOrderCreateManyInput[] = [];
  const recalls: Prisma.RecallCreateManyInput[] = [];
  const revocations: Prisma.RevocationCreateManyInput[] = [];
  // The detentions that follow a revocation name their order: written after the orders.
  const detentions: Prisma.LegalStatusPeriodCreateManyInput[] = [];
  const detentionPeriods: Prisma.DetentionPeriodCreateManyInput[] = [];
  const deadlines: Prisma.DeadlineCreateManyInput[] = [];
  const recomputeFromDatabase: string[] = [];
  const written: Written[] = [];
  const importedOn = londonDateOf(input.now);

  for (const { row, record, plan } of input.rows) {
    const newPatient = record.existingPatientId === null;
    const patientId = record.existingPatientId ?? uuidV7();
    const orderId = uuidV7();
    const legalId = uuidV7();
    const madeAt = londonTime(plan.madeOn, 12, 0);
    const endedOn = plan.endedOn;

    const source = (column: string | null) => ({
      importId: input.importId,
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      row,
      column,
    });

    // Events of one day keep their order: a minute apart from midday (an EXPIRE at midnight).
    const times = plan.events.map((e, i) =>
      e.type === 'EXPIRE'
        ? londonTime(e.on, 0, 0)
        : new Date(londonTime(e.on, 12, 0).getTime() + i * 60_000),
    );
    const timeOf = (type: string, recall?: number): Date | null => {
      const at = plan.events.findIndex((e) => e.type === type && e.recall === recall);
      return at >= 0 ? (times[at] ?? null) : null;
    };

    // The order ends when its last event happens (a revocation at the REVOKE's moment).
    const endedAt = endedOn
      ? (timeOf(
          plan.state === 'REVOKED'
            ? 'REVOKE'
            : plan.state === 'DISCHARGED'
              ? 'DISCHARGE_BY_RC'
              : 'EXPIRE',
        ) ?? londonTime(endedOn, plan.state === 'EXPIRED' ? 0 : 12, 0))
      : null;
    if (newPatient) {
      patients.push({
        id: patientId,
        trustId: input.trustId,
        nhsNumber: record.nhsNumber,
        localId: record.localId,
        givenName: record.givenName,
        familyName: record.familyName,
        searchName: `${record.familyName} ${record.givenName}`.toLowerCase(),
        dateOfBirth: toDbDate(plan.dateOfBirth),
        sex: record.sex,
        ethnicCategory: record.ethnicCategory,
        currentTeamId: record.teamId,
        updatedAt: input.now,
      });
      if (record.teamId) {
        allocations.push({
          id: uuidV7(),
          patientId,
          teamId: record.teamId,
          startedOn: toDbDate(plan.madeOn),
          endedOn: null,
        });
      }
      for (const [userId, kind] of [
        [record.careCoordinatorId, 'CARE_COORDINATOR'],
        [record.responsibleClinicianId, 'RESPONSIBLE_CLINICIAN'],
      ] as const) {
        if (!userId) continue;
        assignments.push({
          id: uuidV7(),
          patientId,
          userId,
          kind,
          startedOn: toDbDate(plan.madeOn),
          endedOn: endedOn ? toDbDate(endedOn) : null,
        });
      }
    }
    legal.push({
      id: legalId,
      patientId,
      legalStatusCode: record.legalStatusCode,
      hospitalId: record.hospitalId,
      // The register does not give the detention's own start: the order's start stands in.
      startAt: londonTime(plan.madeOn, 0, 0),
      startDate: toDbDate(plan.madeOn),
    });
    const last = plan.periods[plan.periods.length - 1];
    orders.push({
      id: orderId,
      patientId,
      legalStatusPeriodId: legalId,
      responsibleHospitalId: record.hospitalId,
      responsibleClinicianId: record.responsibleClinicianId,
      teamId: record.teamId,
      state: plan.state,
      version: 1,
      proposedAt: madeAt,
      signedAt: madeAt,
      effectiveAt: madeAt,
      madeOn: toDbDate(plan.madeOn),
      currentExpiryDate: toDbDate(plan.currentExpiry),
      currentExpiryAlternative: plan.currentExpiryAlternative
        ? toDbDate(plan.currentExpiryAlternative)
        : null,
      currentPeriodIndex: last?.index ?? 0,
      endedAt,
      endedOn: endedOn ? toDbDate(endedOn) : null,
      endReason: plan.endReason,
      updatedAt: input.now,
    });
    for (const p of plan.periods) {
      periods.push({
        id: uuidV7(),
        orderId,
        index: p.index,
        months: p.months,
        startDate: toDbDate(p.start),
        endDate: toDbDate(p.end),
        alternativeEndDate: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
        source: p.source,
      });
    }
    for (const c of MANDATORY_CONDITIONS) {
      conditions.push({
        id: uuidV7(),
        orderId,
        kind: 'MANDATORY',
        category: c.category,
        wording: c.wording,
        purpose: 'ENSURE_TREATMENT',
        status: plan.state === 'ACTIVE' ? 'ACTIVE' : 'ENDED',
        startedAt: madeAt,
        endedAt: plan.state === 'ACTIVE' ? null : endedAt,
      });
    }
    // Recalls (s17E) and their end: released within the 72 hours, or the order revoked (s17F).
    // The register holds days only: the ground, the notice and its service are not recorded
    // (null), and the recall day at midday stands in for the times (decision 813).
    const recallIds = plan.recalls.map(() => uuidV7());
    const recallFacts: OrderDeadlineFacts['recalls'][number][] = [];
    plan.recalls.forEach((r, k) => {
      const began = timeOf('DETENTION_BEGINS', k) ?? londonTime(r.on, 12, 0);
      const ended =
        r.outcome === 'REVOKED'
          ? (timeOf('REVOKE') ?? began)
          : (timeOf('RELEASE_FROM_RECALL', k) ?? began);
      const id = recallIds[k] as string;
      recalls.push({
        id,
        orderId,
        ground: null,
        reasons: r.assumed
          ? 'Not in the register, which records the revocation that followed this recall.'
          : 'Imported from the register, which records the day of recall only.',
        hospitalId: record.hospitalId,
        noticeSignedAt: began,
        serviceMethod: null,
        servedOrPostedAt: began,
        deemedServedAt: began,
        detentionBeganAt: began,
        deadlineAt: recallDeadline(began),
        outcome: r.outcome,
        endedAt: ended,
      });
      recallFacts.push({
        id,
        outcome: r.outcome,
        detentionBeganAt: began,
        deadlineAt: recallDeadline(began),
      });
    });
    let revocationId: string | null = null;
    let detentionId: string | null = null;
    let revocationFacts: OrderDeadlineFacts['revocation'] = null;
    let detentionFacts: OrderDeadlineFacts['revocationDetention'] = null;
    if (plan.revocation) {
      const k = plan.recalls.findIndex((r) => r.outcome === 'REVOKED');
      const revokedAt = timeOf('REVOKE') ?? londonTime(plan.revocation.on, 12, 0);
      revocationId = uuidV7();
      revocations.push({
        id: revocationId,
        orderId,
        recallId: recallIds[k] as string,
        revokedAt,
        revokedOn: toDbDate(plan.revocation.on),
        hospitalId: record.hospitalId,
        rcReasons: 'Imported from the register, which records the day of revocation only.',
        amhpAgreementId: null,
        recordedById: input.actorId,
        createdAt: input.now,
      });
      revocationFacts = { revokedOn: plan.revocation.on, revokedAt, importedOn };
      const periods = plan.revocation.detentionPeriods;
      if (periods) {
        // s17G: the detention the order followed has effect again from the day of revocation.
        detentionId = uuidV7();
        detentions.push({
          id: detentionId,
          patientId,
          legalStatusCode: record.legalStatusCode,
          hospitalId: record.hospitalId,
          startAt: revokedAt,
          startDate: toDbDate(plan.revocation.on),
          expiryDate: periods[0] ? toDbDate(periods[0].end) : null,
          revokedOrderId: orderId,
        });
        for (const p of periods) {
          detentionPeriods.push({
            id: uuidV7(),
            legalStatusPeriodId: detentionId,
            index: p.index,
            months: p.months,
            startDate: toDbDate(p.start),
            endDate: toDbDate(p.end),
            alternativeEndDate: p.alternativeEnd ? toDbDate(p.alternativeEnd) : null,
            basis: p.basis,
          });
        }
        detentionFacts = {
          legalStatusCode: record.legalStatusCode,
          ended: false,
          expiryDate: periods[0]?.end ?? null,
          periods: periods.map((p) => ({
            index: p.index,
            months: p.months,
            startDate: p.start,
            endDate: p.end,
            alternativeEndDate: p.alternativeEnd ?? null,
          })),
        };
      }
    }

    const triggers: OrderDeadlineFacts['rightsTriggers'][number][] = [];
    plan.events.forEach((e, i) => {
      const eventId = uuidV7();
      const trigger = TRIGGER_EVENT_KINDS[e.type as keyof typeof TRIGGER_EVENT_KINDS] as
        RightsTriggerKind | undefined;
      if (trigger) triggers.push({ eventId, kind: trigger, occurredOn: e.on, importedOn });
      events.push({
        id: eventId,
        orderId,
        patientId,
        type: e.type,
        occurredAt: times[i] as Date,
        recordedAt: input.now,
        recordedById: input.actorId,
        stateBefore: e.stateBefore,
        stateAfter: e.stateAfter,
        facts: {
          imported: source(e.column),
          note: e.note,
          ...(e.recall !== undefined ? { recallId: recallIds[e.recall] } : {}),
          ...(e.type === 'REVOKE'
            ? { revocationId, legalStatusPeriodId: detentionId, hospitalId: record.hospitalId }
            : {}),
          ...(e.type === 'MAKE'
            ? {
                madeOn: plan.madeOn,
                statedExpiry: plan.statedExpiry,
                computedExpiry: plan.currentExpiry,
                reconciliation: plan.reconciliation.kind,
                decisions: plan.decisions.map((d) => ({ ...d })),
              }
            : {}),
        } as Prisma.InputJsonValue,
      });
    });
    imported.push({
      key: importKey(record.nhsNumber, plan.madeOn),
      orderId,
      patientId,
      importId: input.importId,
      row,
    });
    written.push({ row, patientId, orderId, newPatient });

    if (!newPatient) {
      recomputeFromDatabase.push(orderId);
      continue;
    }
    // The facts recompute.ts would load back, as they were just written (a new patient has no
    // tribunal case, certificate, recall or rights record yet).
    const facts: OrderDeadlineFacts = {
      orderId,
      patientId,
      teamId: record.teamId,
      state: plan.state,
      responsibleClinicianId: record.responsibleClinicianId,
      careCoordinatorId: endedOn ? null : record.careCoordinatorId,
      patientDateOfBirth: plan.dateOfBirth,
      madeOn: plan.madeOn,
      currentExpiryDate: plan.currentExpiry,
      currentExpiryAlternative: plan.currentExpiryAlternative,
      currentPeriodIndex: last?.index ?? 0,
      underlying: {
        legalStatusCode: record.legalStatusCode,
        applicableDay: null,
        firstMedicationOn: null,
      },
      extensions: [],
      recalls: recallFacts,
      certificates: [],
      rightsTriggers: triggers,
      rightsRecords: [],
      tribunalCases: [],
      nearestRelativeOrders: [],
      revocation: revocationFacts,
      revocationDetention: detentionFacts,
    };
    for (const value of computeOrderDeadlines(
      facts,
      input.today,
      input.now,
      input.deadlineOptions,
    )) {
      deadlines.push({ ...deadlineRow(facts, value), id: uuidV7(), updatedAt: input.now });
    }
  }

  await bulkInsert(tx, 'Patient', patients);
  await bulkInsert(tx, 'PatientTeamAllocation', allocations);
  await bulkInsert(tx, 'StaffAssignment', assignments);
  await bulkInsert(tx, 'LegalStatusPeriod', legal);
  await bulkInsert(tx, 'CommunityTreatmentOrder', orders);
  await bulkInsert(tx, 'CtoPeriod', periods);
  await bulkInsert(tx, 'Condition', conditions);
  await bulkInsert(tx, 'LegalStatusPeriod', detentions);
  await bulkInsert(tx, 'DetentionPeriod', detentionPeriods);
  await bulkInsert(tx, 'Recall', recalls);
  await bulkInsert(tx, 'Revocation', revocations);
  await bulkInsert(tx, 'CtoEvent', events);
  // Its primary key refuses a second import of the same order, even from two commits at once.
  await bulkInsert(tx, 'ImportedOrder', imported);
  await bulkInsert(tx, 'Deadline', deadlines);
  await recomputeDeadlinesForOrders(
    tx,
    recomputeFromDatabase,
    input.today,
    input.now,
    input.deadlineOptions,
  );
  return written;
}
