// Who is told (docs/decisions/711-notifications-from-the-outbox.md): the order's responsible
// clinician, the patient's care coordinator, the AMHP asked, the MHA office and the hospital
// managers, each as active users only. No 'server-only': the demo seed uses it too.
import type { Role } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';

export type Audience = 'RC' | 'CC' | 'MHA_OFFICE' | 'HOSPITAL_MANAGERS' | 'AMHP';

export interface OrderPeople {
  orderId: string;
  patientId: string;
  rcId: string | null;
  ccIds: string[];
}

/** The order's patient, its responsible clinician and the patient's current care coordinators. */
export async function orderPeople(db: Db | Tx, orderId: string): Promise<OrderPeople | null> {
  const order = await db.communityTreatmentOrder.findUnique({
    where: { id: orderId },
    select: { id: true, patientId: true, responsibleClinicianId: true },
  });
  if (!order) return null;
  const cc = await db.staffAssignment.findMany({
    where: { patientId: order.patientId, kind: 'CARE_COORDINATOR', endedOn: null },
    select: { userId: true },
  });
  let rcId = order.responsibleClinicianId;
  if (!rcId) {
    const rc = await db.staffAssignment.findFirst({
      where: { patientId: order.patientId, kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
      select: { userId: true },
    });
    rcId = rc?.userId ?? null;
  }
  return { orderId: order.id, patientId: order.patientId, rcId, ccIds: cc.map((c) => c.userId) };
}

/** Active people who hold a role now. */
export async function holdersOf(db: Db | Tx, role: Role): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { active: true, roles: { some: { role, revokedAt: null } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => r.id);
}

/** The people of each audience, once each, active only, without `except` (who did it). */
export async function resolveAudience(
  db: Db | Tx,
  audiences: readonly Audience[],
  people: OrderPeople | null,
  options: { amhpId?: string | null; except?: string | null } = {},
): Promise<string[]> {
  const ids = new Set<string>();
  for (const audience of audiences) {
    if (audience === 'RC' && people?.rcId) ids.add(people.rcId);
    if (audience === 'CC') for (const id of people?.ccIds ?? []) ids.add(id);
    if (audience === 'AMHP' && options.amhpId) ids.add(options.amhpId);
    if (audience === 'MHA_OFFICE')
      for (const id of await holdersOf(db, 'MHA_ADMINISTRATOR')) ids.add(id);
    if (audience === 'HOSPITAL_MANAGERS')
      for (const id of await holdersOf(db, 'HOSPITAL_MANAGER')) ids.add(id);
  }
  if (options.except) ids.delete(options.except);
  if (ids.size === 0) return [];
  const active = await db.user.findMany({
    where: { id: { in: [...ids] }, active: true },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  return active.map((u) => u.id);
}
