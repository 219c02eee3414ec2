import 'server-only';
// What the pure import (lib/import) needs to know from the database: the trust's teams,
// hospitals and staff, the patients already in the app with the NHS numbers or local
// identifiers in the file, and the orders earlier imports made. Patient reads are in the actor's
// scope (the `where` clause given) and the caller audits them.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/server/db';
import { IN_FORCE_STATES } from '@/lib/cto';
import type { ImportContext } from '@/lib/import/rows';

export async function loadImportContext(
  tx: Tx,
  input: {
    trustId: string;
    today: string;
    nhsNumbers: readonly string[];
    localIds: readonly string[];
    patientWhere: Prisma.PatientWhereInput;
  },
): Promise<ImportContext> {
  const [teams, hospitals, staff] = await Promise.all([
    tx.team.findMany({
      where: { trustId: input.trustId, active: true },
      select: { id: true, code: true, name: true },
    }),
    tx.hospital.findMany({
      where: { trustId: input.trustId, active: true },
      select: { id: true, siteCode: true, name: true },
    }),
    tx.user.findMany({
      where: {
        active: true,
        roles: {
          some: { revokedAt: null, role: { in: ['CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN'] } },
        },
      },
      select: {
        id: true,
        name: true,
        roles: { where: { revokedAt: null }, select: { role: true } },
      },
    }),
  ]);
  const patients = await tx.patient.findMany({
    where: {
      AND: [
        input.patientWhere,
        {
          OR: [
            { nhsNumber: { in: [...new Set(input.nhsNumbers)] } },
            { localId: { in: [...new Set([...input.localIds, ...input.nhsNumbers])] } },
          ],
        },
      ],
    },
    select: {
      id: true,
      nhsNumber: true,
      localId: true,
      orders: { where: { state: { in: [...IN_FORCE_STATES] } }, select: { id: true } },
    },
  });
  const imported = await tx.importedOrder.findMany({
    where: { patientId: { in: patients.map((p) => p.id) } },
    select: { key: true, orderId: true },
  });
  return {
    today: input.today,
    teams,
    hospitals,
    staff: staff.map((s) => ({ id: s.id, name: s.name, roles: s.roles.map((r) => r.role) })),
    patientsByNhsNumber: new Map(
      patients
        .filter((p) => p.nhsNumber !== null)
        .map((p) => [
          p.nhsNumber as string,
          { patientId: p.id, localId: p.localId, hasOrderInForce: p.orders.length > 0 },
        ]),
    ),
    patientsByLocalId: new Map(patients.map((p) => [p.localId, p.id])),
    importedOrders: new Map(imported.map((i) => [i.key, i.orderId])),
  };
}
