import 'server-only';
// Writes the orders planned by lib/import (evaluateRecord) in bulk, inside the caller's
// transaction: the patient (unless they are already in the app), their team and staff, the
// underlying section, the order, its periods from lib/cto, and its history as events marked as
// imported with the file and row they came from. Then every clock is computed as for any
// order (recomputeDeadlinesForOrders). Nothing here decides anything about the law.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { londonTime, toDbDate } from '@/lib/server/dates';
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

const CHUNK = 1000;

async function inChunks<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await write(items.slice(i, i + CHUNK));
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
  const written: Written[] = [];

  for (const { row, record, plan } of input.rows) {
    const newPatient = record.existingPatientId === null;
    const patientId = record.existingPatientId ?? randomUUID();
    const orderId = randomUUID();
    const legalId = randomUUID();
    const madeAt = londonTime(plan.madeOn, 12, 0);
    const endedOn = plan.endedOn;
    const endedAt = endedOn ? londonTime(endedOn, plan.state === 'EXPIRED' ? 0 : 12, 0) : null;
    const source = (column: string | null) => ({
      importId: input.importId,
      fileName: input.fileName,
      fileSha256: input.fileSha256,
      row,
      column,
    });

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
      });
      if (record.teamId) {
        allocations.push({
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
    });
    for (const p of plan.periods) {
      periods.push({
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
    plan.events.forEach((e, i) => {
      events.push({
        orderId,
        patientId,
        type: e.type,
        // Events of one day keep their order: a minute apart from midday (an EXPIRE at midnight).
        occurredAt:
          e.type === 'EXPIRE'
            ? londonTime(e.on, 0, 0)
            : new Date(londonTime(e.on, 12, 0).getTime() + i * 60_000),
        recordedById: input.actorId,
        stateBefore: e.stateBefore,
        stateAfter: e.stateAfter,
        facts: {
          imported: source(e.column),
          note: e.note,
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
  }

  await inChunks(patients, (data) => tx.patient.createMany({ data }));
  await inChunks(allocations, (data) => tx.patientTeamAllocation.createMany({ data }));
  await inChunks(assignments, (data) => tx.staffAssignment.createMany({ data }));
  await inChunks(legal, (data) => tx.legalStatusPeriod.createMany({ data }));
  await inChunks(orders, (data) => tx.communityTreatmentOrder.createMany({ data }));
  await inChunks(periods, (data) => tx.ctoPeriod.createMany({ data }));
  await inChunks(conditions, (data) => tx.condition.createMany({ data }));
  await inChunks(events, (data) => tx.ctoEvent.createMany({ data }));
  // Its primary key refuses a second import of the same order, even from two commits at once.
  await inChunks(imported, (data) => tx.importedOrder.createMany({ data }));
  return written;
}
