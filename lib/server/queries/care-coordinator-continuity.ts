import 'server-only';
// Issue 10 §1: "care coordinator changes per patient-year", for the statistics. The count is
// the pure careCoordinatorChangesPerPatientYear (lib/patients/continuity.ts) over the dated
// StaffAssignment rows; this reads the rows. The caller passes the actor's patient scope
// (lib/server/scope.ts) as `patientWhere` and audits its own read.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { fromDbDate, toDbDate } from '@/lib/server/dates';
import {
  careCoordinatorChangesPerPatientYear,
  type CareCoordinatorContinuity,
  type ContinuityWindow,
} from '@/lib/patients/continuity';

/**
 * Care coordinator changes per patient-year between `window.from` and `window.to` (inclusive),
 * over the patients `patientWhere` selects (every patient when it is `{}`). Assignments that
 * were corrected away (ended on the day they began) count for nothing.
 */
export async function queryCareCoordinatorChangesPerPatientYear(
  client: Db | Tx,
  window: ContinuityWindow,
  patientWhere: Prisma.PatientWhereInput = {},
): Promise<CareCoordinatorContinuity> {
  // Every assignment of a patient who had one during the window (earlier ones too, so that
  // the first assignment is known and is not counted as a change).
  const rows = await client.staffAssignment.findMany({
    where: {
      kind: 'CARE_COORDINATOR',
      patient: {
        AND: [
          patientWhere,
          {
            staffAssignments: {
              some: {
                kind: 'CARE_COORDINATOR',
                startedOn: { lte: toDbDate(window.to) },
                OR: [{ endedOn: null }, { endedOn: { gt: toDbDate(window.from) } }],
              },
            },
          },
        ],
      },
    },
    select: { patientId: true, startedOn: true, endedOn: true },
  });
  return careCoordinatorChangesPerPatientYear(
    rows
      .filter((r) => !r.endedOn || r.endedOn.getTime() > r.startedOn.getTime())
      .map((r) => ({
        patientId: r.patientId,
        startedOn: fromDbDate(r.startedOn),
        endedOn: r.endedOn ? fromDbDate(r.endedOn) : null,
      })),
    window,
  );
}
