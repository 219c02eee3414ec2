// Discharge (s23, s72): by the RC, the hospital managers (panel of three or more) and the
// tribunal; refused, concurrent, idempotent, bad input, rolled back; with social factors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { dischargeOrder } from '@/lib/server/services/discharge-order';
import { testDb } from '../support/db';
import { dateFields, dateTimeFields, key, orderWorld, socialFields, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

function input(orderId: string, version: number, extra: Record<string, unknown> = {}) {
  return {
    orderId,
    expectedVersion: String(version),
    idempotencyKey: key(),
    route: 'RESPONSIBLE_CLINICIAN',
    decidedAt: dateTimeFields(new Date(Date.now() - 60_000)),
    reasons: 'Stable for a year; engages voluntarily with the team.',
    social: socialFields(),
    ...extra,
  };
}

describe('discharge by the responsible clinician', () => {
  it('ends the order, its conditions and certificates, with the social factors', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const result = await dischargeOrder(w.rcActor, input(orderId, await versionOf(db, orderId)), {
      db,
    });
    expect(result).toMatchObject({ ok: true, data: { state: 'DISCHARGED' } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
      include: { discharges: true, conditions: true },
    });
    expect(order).toMatchObject({
      state: 'DISCHARGED',
      endReason: 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN',
    });
    expect(order.discharges).toMatchObject([
      { route: 'RESPONSIBLE_CLINICIAN', decidedById: w.rc.id },
    ]);
    expect(order.conditions.every((c) => c.status === 'ENDED')).toBe(true);
    const social = await db.socialFactorAssessment.findFirstOrThrow({
      where: { orderId, decisionPoint: 'DISCHARGE' },
      include: { ratings: true },
    });
    expect(social.ratings).toHaveLength(11);
  });

  it('refuses the MHA office (no permission for this route) and an order not yet made', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    expect(
      await dischargeOrder(w.mhaActor, input(orderId, await versionOf(db, orderId)), { db }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const p = await orderWorld(db, { stage: 'PROPOSED' });
    const proposed = await dischargeOrder(
      p.rcActor,
      input(p.order!.id, await versionOf(db, p.order!.id)),
      { db },
    );
    expect(proposed).toMatchObject({ ok: false, code: 'REFUSED', reason: 'NO_ORDER_IN_FORCE' });
  });

  it('one of two concurrent discharges wins; the other is a conflict; one event', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const results = await Promise.all([
      dischargeOrder(w.rcActor, input(orderId, v), { db }),
      dischargeOrder(w.rcActor, input(orderId, v), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    expect(await db.ctoEvent.count({ where: { orderId, type: 'DISCHARGE_BY_RC' } })).toBe(1);
    expect(await db.discharge.count({ where: { orderId } })).toBe(1);
  });

  it('the same submission twice records one discharge', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const same = input(orderId, await versionOf(db, orderId));
    const a = await dischargeOrder(w.rcActor, same, { db });
    const b = await dischargeOrder(w.rcActor, same, { db });
    expect(b).toEqual(a);
    expect(await db.discharge.count({ where: { orderId } })).toBe(1);
  });

  it('bad input: field errors and nothing written', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const result = await dischargeOrder(
      w.rcActor,
      input(orderId, await versionOf(db, orderId), {
        reasons: '',
        decidedAt: { date: {}, time: '' },
        social: {},
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!result.ok) {
      expect(result.fieldErrors).toHaveProperty('reasons');
      expect(result.fieldErrors).toHaveProperty(['decidedAt.date']);
      expect(result.fieldErrors).toHaveProperty(['social.ACCOMMODATION.rating']);
    }
    expect(await db.discharge.count({ where: { orderId } })).toBe(0);
  });

  it('a stale version rolls back the discharge, the hearing and the assessment', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const result = await dischargeOrder(
      w.mhaActor,
      input(orderId, (await versionOf(db, orderId)) - 1, {
        route: 'HOSPITAL_MANAGERS',
        panel: 'A. Jones\nB. Smith\nC. Patel',
        hearingHeldOn: dateFields(new Date().toISOString().slice(0, 10)),
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: CONFLICT_MESSAGE });
    expect(await db.discharge.count({ where: { orderId } })).toBe(0);
    expect(await db.managersHearing.count({ where: { orderId } })).toBe(0);
    expect(
      await db.socialFactorAssessment.count({ where: { orderId, decisionPoint: 'DISCHARGE' } }),
    ).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { entityId: orderId, action: 'order.discharge-managers', outcome: 'SUCCESS' },
      }),
    ).toBe(0);
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.state).toBe('ACTIVE');
  });
});

describe('discharge by the hospital managers and the tribunal', () => {
  it('the managers: needs a panel of three; linked to the hearing', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const today = new Date().toISOString().slice(0, 10);
    const two = await dischargeOrder(
      w.managerActor,
      input(orderId, await versionOf(db, orderId), {
        route: 'HOSPITAL_MANAGERS',
        panel: 'A. Jones\nB. Smith',
        hearingHeldOn: dateFields(today),
      }),
      { db },
    );
    expect(two).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!two.ok) expect(two.fieldErrors?.panel).toMatch(/at least 3/);
    const three = await dischargeOrder(
      w.managerActor,
      input(orderId, await versionOf(db, orderId), {
        route: 'HOSPITAL_MANAGERS',
        panel: 'A. Jones\nB. Smith\nC. Patel',
        hearingHeldOn: dateFields(today),
      }),
      { db },
    );
    expect(three).toMatchObject({ ok: true, data: { state: 'DISCHARGED' } });
    const discharge = await db.discharge.findFirstOrThrow({
      where: { orderId },
      include: { managersHearing: true },
    });
    expect(discharge.managersHearing).toMatchObject({ outcome: 'DISCHARGE' });
    expect(discharge.managersHearing?.panel?.split('\n')).toHaveLength(3);
  });

  it('the tribunal: recorded by the MHA office against the case, which is decided', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const result = await dischargeOrder(
      w.mhaActor,
      input(orderId, await versionOf(db, orderId), {
        route: 'TRIBUNAL',
        tribunalCaseId: 'new',
        tribunalApplicant: 'PATIENT',
        tribunalReceivedOn: dateFields(
          new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10),
        ),
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'DISCHARGED' } });
    const discharge = await db.discharge.findFirstOrThrow({
      where: { orderId },
      include: { tribunalHearing: { include: { case: true } } },
    });
    expect(discharge.route).toBe('TRIBUNAL');
    expect(discharge.tribunalHearing?.outcome).toBe('DISCHARGED');
    expect(discharge.tribunalHearing?.case.status).toBe('DECIDED');
    // The RC cannot record a tribunal discharge.
    const w2 = await orderWorld(db);
    expect(
      await dischargeOrder(
        w2.rcActor,
        input(w2.order!.id, await versionOf(db, w2.order!.id), {
          route: 'TRIBUNAL',
          tribunalCaseId: 'new',
          tribunalApplicant: 'PATIENT',
          tribunalReceivedOn: dateFields('2026-01-05'),
        }),
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
