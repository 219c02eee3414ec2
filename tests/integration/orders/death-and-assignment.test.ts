// The patient's death, and the assignment of responsibility (CTO10, s19A).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { recordDeath } from '@/lib/server/services/record-death';
import { assignResponsibility } from '@/lib/server/services/assign-responsibility';
import { createHospital } from '@/tests/factories';
import { testDb } from '../support/db';
import { dateFields, key, orderWorld, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const today = () => new Date().toISOString().slice(0, 10);

describe('death', () => {
  it('ends the order and its conditions; the CQC task follows', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const diedOn = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const result = await recordDeath(
      w.ccActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        diedOn: dateFields(diedOn),
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'DIED' } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
      include: { patient: true },
    });
    expect(order).toMatchObject({ state: 'DIED', endReason: 'DIED' });
    expect(order.endedOn?.toISOString().slice(0, 10)).toBe(diedOn);
    expect(order.patient.dateOfDeath?.toISOString().slice(0, 10)).toBe(diedOn);
  });

  it('refuses a date in the future (the law’s reason), bad input and a stale version', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      await recordDeath(
        w.rcActor,
        { orderId, expectedVersion: String(v), diedOn: dateFields(future) },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'EVENT_IN_FUTURE' });
    expect(
      await recordDeath(
        w.rcActor,
        { orderId, expectedVersion: String(v), diedOn: { day: '40', month: '1', year: '2026' } },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const results = await Promise.all([
      recordDeath(
        w.rcActor,
        { orderId, expectedVersion: String(v), idempotencyKey: key(), diedOn: dateFields(today()) },
        { db },
      ),
      recordDeath(
        w.rcActor,
        { orderId, expectedVersion: String(v), idempotencyKey: key(), diedOn: dateFields(today()) },
        { db },
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    expect(await db.ctoEvent.count({ where: { orderId, type: 'DEATH' } })).toBe(1);
  });
});

describe('assignment of responsibility (CTO10)', () => {
  it('changes the responsible hospital and nothing about the dates', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const other = await createHospital(db, {
      trustId: w.trustId,
      managersName: 'Other NHS Trust',
      underOurManagers: false,
    });
    const before = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } });
    const result = await assignResponsibility(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(before.version),
        idempotencyKey: key(),
        toHospitalId: other.id,
        receivingAgreedOn: dateFields(today()),
        assignedOn: dateFields(today()),
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const after = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(after.responsibleHospitalId).toBe(other.id);
    expect(after.currentExpiryDate).toEqual(before.currentExpiryDate);
    expect(after.madeOn).toEqual(before.madeOn);
    expect(await db.statutoryForm.count({ where: { orderId, type: 'CTO10' } })).toBe(1);
    expect(await db.responsibilityAssignment.count({ where: { orderId } })).toBe(1);
  });

  it('refuses the RC, the same hospital, a future date; concurrent: one wins; twice: once', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = String(await versionOf(db, orderId));
    const other = await createHospital(db, { trustId: w.trustId });
    const base = {
      orderId,
      expectedVersion: v,
      receivingAgreedOn: dateFields(today()),
      assignedOn: dateFields(today()),
    };
    expect(
      await assignResponsibility(w.rcActor, { ...base, toHospitalId: other.id }, { db }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await assignResponsibility(w.mhaActor, { ...base, toHospitalId: w.hospitalId }, { db }),
    ).toMatchObject({ reason: 'SAME_HOSPITAL' });
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect(
      await assignResponsibility(
        w.mhaActor,
        { ...base, toHospitalId: other.id, assignedOn: dateFields(future) },
        { db },
      ),
    ).toMatchObject({ reason: 'EVENT_IN_FUTURE' });
    const results = await Promise.all([
      assignResponsibility(
        w.mhaActor,
        { ...base, idempotencyKey: key(), toHospitalId: other.id },
        { db },
      ),
      assignResponsibility(
        w.mhaActor,
        { ...base, idempotencyKey: key(), toHospitalId: other.id },
        { db },
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(await db.responsibilityAssignment.count({ where: { orderId } })).toBe(1);
  });
});
