// A refusal about an order names the order's patient, so that the patient's access history
// (the privacy officer's search by patient) shows it (issue 12, section 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { auditSearchSchema } from '@/lib/schemas/audit-search';
import { NotFound } from '@/lib/server/queries/access';
import { getOrder } from '@/lib/server/queries/get-order';
import { listAuditEvents } from '@/lib/server/queries/list-audit-events';
import { dischargeOrder } from '@/lib/server/services/discharge-order';
import { testDb } from '../support/db';
import { actorOf, createWorld, type World } from '../support/world';

let db: PrismaClient;
let world: World;
let orderId: string;
beforeAll(async () => {
  db = testDb();
  world = await createWorld(db);
  const order = await db.communityTreatmentOrder.findFirstOrThrow({
    where: { patientId: world.requestedPatient.id },
  });
  orderId = order.id;
});
afterAll(async () => {
  await db.$disconnect();
});

async function accessHistory() {
  const page = await listAuditEvents(
    { actor: actorOf(world.users.auditor), client: db },
    auditSearchSchema.parse({ patient: world.requestedPatient.id }),
  );
  return page.items;
}

describe("order-level refusals in the patient's access history", () => {
  it('records the patient of an order a service refused to change', async () => {
    // A privacy officer may not discharge: refused before anything is read.
    const result = await dischargeOrder(
      actorOf(world.users.auditor),
      { orderId, route: 'RESPONSIBLE_CLINICIAN' },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const denial = (await accessHistory()).find(
      (row) => row.outcome === 'DENIED' && row.entityId === orderId,
    );
    expect(denial).toMatchObject({
      userId: world.users.auditor.id,
      patientId: world.requestedPatient.id,
      entityType: 'CommunityTreatmentOrder',
      reason: expect.stringMatching(/^no-permission:/),
    });
  });

  it('records the patient of an order read from outside the reader’s scope', async () => {
    // A North care coordinator asks for a South patient's order (even under another patient's id).
    await expect(
      getOrder(
        { actor: actorOf(world.users.coordinatorNorth), client: db },
        world.northPatient.id,
        orderId,
      ),
    ).rejects.toBeInstanceOf(NotFound);
    const denial = (await accessHistory()).find(
      (row) =>
        row.outcome === 'DENIED' &&
        row.action === 'order.read' &&
        row.userId === world.users.coordinatorNorth.id,
    );
    expect(denial).toMatchObject({
      patientId: world.requestedPatient.id,
      entityId: orderId,
      reason: 'not-found-or-outside-scope',
    });
  });
});
