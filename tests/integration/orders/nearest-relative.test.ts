// The nearest relative's order for discharge (s23, s25) and the barring report (M2): allowed,
// refused (after the 72 hours; within the six-month bar), concurrent, idempotent, bad input,
// rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addDays, londonDateOf, nrBarEnds, nrTribunalWindow } from '@/lib/cto';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { recordNearestRelativeOrder } from '@/lib/server/services/record-nearest-relative-order';
import { recordBarringReport } from '@/lib/server/services/record-barring-report';
import { markEventEnteredInError } from '@/lib/server/services/mark-event-entered-in-error';
import { fromDbDate } from '@/lib/server/dates';
import { testDb } from '../support/db';
import { dateFields, dateTimeFields, key, orderWorld, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const HOUR = 3_600_000;

async function received(w: Awaited<ReturnType<typeof orderWorld>>, at: Date) {
  const orderId = w.order!.id;
  const result = await recordNearestRelativeOrder(
    w.mhaActor,
    {
      orderId,
      expectedVersion: String(await versionOf(db, orderId)),
      idempotencyKey: key(),
      receivedAt: dateTimeFields(at),
      receivedBy: 'J. Officer, MHA office',
      nearestRelativeId: w.nearestRelativeId,
    },
    { db },
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

function barring(orderId: string, version: number, at: Date, extra: Record<string, unknown> = {}) {
  return {
    orderId,
    expectedVersion: String(version),
    idempotencyKey: key(),
    furnishedAt: dateTimeFields(at),
    reasons: 'Two assaults on family members when unwell last year; would stop medication.',
    ...extra,
  };
}

describe('the nearest relative’s order for discharge', () => {
  it('is recorded with its 72-hour point, and the order stays in force', async () => {
    const w = await orderWorld(db);
    const at = new Date(Date.now() - 2 * HOUR);
    at.setSeconds(0, 0);
    const result = await received(w, at);
    expect(result.data.takesEffectAt).toBe(new Date(at.getTime() + 72 * HOUR).toISOString());
    const nr = await db.nearestRelativeDischargeOrder.findFirstOrThrow({
      where: { orderId: w.order!.id },
    });
    expect(nr).toMatchObject({ outcome: 'PENDING', nearestRelativeId: w.nearestRelativeId });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: w.order!.id },
      include: { deadlines: { where: { status: 'OPEN' } } },
    });
    expect(order.state).toBe('ACTIVE');
    // A second order while one is pending is refused by the law.
    const again = await recordNearestRelativeOrder(
      w.mhaActor,
      {
        orderId: w.order!.id,
        expectedVersion: String(order.version),
        idempotencyKey: key(),
        receivedAt: dateTimeFields(new Date(Date.now() - HOUR)),
        receivedBy: 'J. Officer',
      },
      { db },
    );
    expect(again).toMatchObject({ ok: false, reason: 'NR_ORDER_ALREADY_PENDING' });
  });

  it('refuses the RC (only the MHA office receives it) and bad input', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = String(await versionOf(db, orderId));
    expect(
      await recordNearestRelativeOrder(
        w.rcActor,
        { orderId, expectedVersion: v, receivedAt: dateTimeFields(new Date()), receivedBy: 'x' },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bad = await recordNearestRelativeOrder(
      w.mhaActor,
      {
        orderId,
        expectedVersion: v,
        receivedAt: { date: { day: '31', month: '2', year: '2026' }, time: '25:00' },
        receivedBy: '',
      },
      { db },
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(
        expect.arrayContaining(['receivedAt.date', 'receivedAt.time', 'receivedBy']),
      );
    expect(await db.nearestRelativeDischargeOrder.count({ where: { orderId } })).toBe(0);
  });
});

describe('the barring report (M2)', () => {
  it('bars the order within the 72 hours: the order continues; window and bar from lib/cto', async () => {
    const w = await orderWorld(db);
    await received(w, new Date(Date.now() - 3 * HOUR));
    const orderId = w.order!.id;
    const at = new Date(Date.now() - 60_000);
    const result = await recordBarringReport(
      w.rcActor,
      barring(orderId, await versionOf(db, orderId), at),
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const day = londonDateOf(at);
    const nr = await db.nearestRelativeDischargeOrder.findFirstOrThrow({ where: { orderId } });
    expect(nr.outcome).toBe('BARRED');
    expect(fromDbDate(nr.tribunalWindowEndsOn!)).toBe(nrTribunalWindow(day).closes.date);
    expect(fromDbDate(nr.noFurtherOrderUntil!)).toBe(nrBarEnds(day).date);
    expect(fromDbDate(nr.tribunalWindowEndsOn!)).toBe(addDays(day, 27));
    const m2 = await db.statutoryForm.findFirstOrThrow({ where: { orderId, type: 'M2' } });
    expect(nr.m2FormId).toBe(m2.id);
    // Within six months a new order for discharge is refused (s25(1)(b)).
    const again = await recordNearestRelativeOrder(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        receivedAt: dateTimeFields(new Date()),
        receivedBy: 'J. Officer',
      },
      { db, now: new Date(Date.now() + 60_000) },
    );
    expect(again).toMatchObject({ ok: false, reason: 'NR_BARRED' });
  });

  it('refuses a barring report after the 72 hours, and writes nothing', async () => {
    const w = await orderWorld(db);
    await received(w, new Date(Date.now() - 73 * HOUR));
    const orderId = w.order!.id;
    const result = await recordBarringReport(
      w.rcActor,
      barring(orderId, await versionOf(db, orderId), new Date(Date.now() - 60_000)),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'REFUSED' });
    if (!result.ok) {
      // Time has ended the order (the discharge took effect), or the report is too late.
      expect(['NR_BARRING_TOO_LATE', 'ORDER_ENDED']).toContain(result.reason);
      expect(result.message).toMatch(/took effect/);
    }
    expect(await db.statutoryForm.count({ where: { orderId, type: 'M2' } })).toBe(0);
    const nr = await db.nearestRelativeDischargeOrder.findFirstOrThrow({ where: { orderId } });
    expect(nr.outcome).toBe('PENDING');
  });

  it('refuses a barring report with no order pending, and from a care coordinator', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    expect(
      await recordBarringReport(w.rcActor, barring(orderId, v, new Date()), { db }),
    ).toMatchObject({
      ok: false,
      reason: 'NO_NR_ORDER_PENDING',
    });
    expect(
      await recordBarringReport(w.ccActor, barring(orderId, v, new Date()), { db }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('concurrent reports: one wins; the same report twice: one M2', async () => {
    const w = await orderWorld(db);
    await received(w, new Date(Date.now() - 3 * HOUR));
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const at = new Date(Date.now() - 60_000);
    const results = await Promise.all([
      recordBarringReport(w.rcActor, barring(orderId, v, at), { db }),
      recordBarringReport(w.rcActor, barring(orderId, v, at), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    expect(await db.statutoryForm.count({ where: { orderId, type: 'M2' } })).toBe(1);

    const w2 = await orderWorld(db);
    await received(w2, new Date(Date.now() - 3 * HOUR));
    const same = barring(w2.order!.id, await versionOf(db, w2.order!.id), at);
    const a = await recordBarringReport(w2.rcActor, same, { db });
    const b = await recordBarringReport(w2.rcActor, same, { db });
    expect(b).toEqual(a);
    expect(
      await db.ctoEvent.count({ where: { orderId: w2.order!.id, type: 'NR_BARRING_REPORT' } }),
    ).toBe(1);
  });

  it('a stale version rolls back the M2 and the barring', async () => {
    const w = await orderWorld(db);
    await received(w, new Date(Date.now() - 3 * HOUR));
    const orderId = w.order!.id;
    const result = await recordBarringReport(
      w.rcActor,
      barring(orderId, (await versionOf(db, orderId)) - 1, new Date(Date.now() - 60_000)),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.statutoryForm.count({ where: { orderId, type: 'M2' } })).toBe(0);
    expect(
      (await db.nearestRelativeDischargeOrder.findFirstOrThrow({ where: { orderId } })).outcome,
    ).toBe('PENDING');
    expect(
      await db.auditEvent.count({
        where: { entityId: orderId, action: 'order.nr-barring-report', outcome: 'SUCCESS' },
      }),
    ).toBe(0);
  });
});

describe('times out of sequence, shown beside the time typed', () => {
  it('refuses a barring report dated before the order for discharge was received', async () => {
    const w = await orderWorld(db);
    const receivedAt = new Date(Date.now() - 2 * HOUR);
    receivedAt.setSeconds(0, 0);
    await received(w, receivedAt);
    const orderId = w.order!.id;
    const result = await recordBarringReport(
      w.rcActor,
      barring(orderId, await versionOf(db, orderId), new Date(receivedAt.getTime() - HOUR)),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      reason: 'NR_BARRING_BEFORE_ORDER_RECEIVED',
    });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.['furnishedAt.date']).toBe(result.message);
    expect(await db.statutoryForm.count({ where: { orderId, type: 'M2' } })).toBe(0);
    expect(
      (await db.nearestRelativeDischargeOrder.findFirstOrThrow({ where: { orderId } })).outcome,
    ).toBe('PENDING');
  });

  it('refuses an order for discharge received before the order took effect, beside the field', async () => {
    const w = await orderWorld(db); // made 30 days ago, effective 14:00 that day
    const orderId = w.order!.id;
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } });
    const result = await recordNearestRelativeOrder(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(order.version),
        idempotencyKey: key(),
        receivedAt: dateTimeFields(new Date(order.effectiveAt!.getTime() - HOUR)),
        receivedBy: 'J. Officer',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'BEFORE_ORDER_EFFECTIVE' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain('before the order took effect');
    expect(result.fieldErrors?.['receivedAt.date']).toBe(result.message);
    expect(await db.nearestRelativeDischargeOrder.count({ where: { orderId } })).toBe(0);
  });
});

describe('correcting the nearest relative’s events (entered in error)', () => {
  async function latestEventId(orderId: string) {
    const e = await db.ctoEvent.findFirstOrThrow({
      where: { orderId, enteredInErrorAt: null },
      orderBy: [{ recordedAt: 'desc' }, { occurredAt: 'desc' }],
    });
    return e.id;
  }

  async function correct(w: Awaited<ReturnType<typeof orderWorld>>, reason: string) {
    const orderId = w.order!.id;
    return markEventEnteredInError(
      w.mhaActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        eventId: await latestEventId(orderId),
        reason,
        confirm: 'yes',
      },
      { db },
    );
  }

  async function openDeadlines(orderId: string) {
    const rows = await db.deadline.findMany({
      where: { orderId, status: 'OPEN' },
      select: { kind: true, dueOn: true, dueAt: true },
    });
    return rows
      .map((r) => `${r.kind} ${r.dueOn.toISOString()} ${r.dueAt?.toISOString() ?? ''}`)
      .sort();
  }

  it('a barring report entered in error: the order for discharge is pending again, exactly as before', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    await received(w, new Date(Date.now() - 3 * HOUR));
    const nrBefore = await db.nearestRelativeDischargeOrder.findFirstOrThrow({
      where: { orderId },
    });
    const orderBefore = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
    });
    const deadlinesBefore = await openDeadlines(orderId);

    const barred = await recordBarringReport(
      w.rcActor,
      barring(orderId, await versionOf(db, orderId), new Date(Date.now() - 60_000), {
        nearestRelativeInformedOn: dateFields(londonDateOf(new Date())),
      }),
      { db },
    );
    expect(barred).toMatchObject({ ok: true });

    const corrected = await correct(w, 'Furnished against the wrong order.');
    expect(corrected).toMatchObject({
      ok: true,
      data: { type: 'NR_BARRING_REPORT', state: 'ACTIVE' },
    });
    const nrAfter = await db.nearestRelativeDischargeOrder.findFirstOrThrow({
      where: { orderId },
    });
    expect(nrAfter).toEqual(nrBefore);
    const orderAfter = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
    });
    expect({
      state: orderAfter.state,
      currentExpiryDate: orderAfter.currentExpiryDate,
      currentPeriodIndex: orderAfter.currentPeriodIndex,
      endedAt: orderAfter.endedAt,
    }).toEqual({
      state: orderBefore.state,
      currentExpiryDate: orderBefore.currentExpiryDate,
      currentPeriodIndex: orderBefore.currentPeriodIndex,
      endedAt: orderBefore.endedAt,
    });
    expect(await openDeadlines(orderId)).toEqual(deadlinesBefore);
    const m2 = await db.statutoryForm.findFirstOrThrow({ where: { orderId, type: 'M2' } });
    expect(m2.enteredInErrorReason).toBe('Furnished against the wrong order.');
    const history = await db.nearestRelativeEvent.findFirstOrThrow({
      where: { patientId: w.patientId, kind: 'BARRING_REPORT_SENT' },
    });
    expect(history.enteredInErrorAt).not.toBeNull();

    // The right report can now be furnished again, within the same 72 hours.
    const again = await recordBarringReport(
      w.rcActor,
      barring(orderId, await versionOf(db, orderId), new Date(Date.now() - 30_000)),
      { db },
    );
    expect(again).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
  });

  it('an order for discharge entered in error: nothing is pending, and a new one can be received', async () => {
    const w = await orderWorld(db);
    const orderId = w.order!.id;
    await received(w, new Date(Date.now() - 3 * HOUR));
    // While it is pending, the RC's 72 hours to bar it are a deadline (C11); once it is marked
    // entered in error, that deadline goes and the others stay as they were.
    const whilePending = await openDeadlines(orderId);
    expect(whilePending.filter((d) => d.startsWith('NEAREST_RELATIVE_DISCHARGE '))).toHaveLength(1);
    const deadlinesBefore = whilePending.filter((d) => !d.startsWith('NEAREST_RELATIVE_'));
    const corrected = await correct(w, 'Recorded on the wrong patient.');
    expect(corrected).toMatchObject({
      ok: true,
      data: { type: 'NR_DISCHARGE_ORDER_RECEIVED', state: 'ACTIVE' },
    });
    const nr = await db.nearestRelativeDischargeOrder.findFirstOrThrow({ where: { orderId } });
    expect(nr.enteredInErrorAt).not.toBeNull();
    expect(await openDeadlines(orderId)).toEqual(deadlinesBefore);
    const history = await db.nearestRelativeEvent.findFirstOrThrow({
      where: { patientId: w.patientId, kind: 'DISCHARGE_ORDER_RECEIVED' },
    });
    expect(history).toMatchObject({ enteredInErrorReason: 'Recorded on the wrong patient.' });
    await received(w, new Date(Date.now() - HOUR));
    expect(
      await db.nearestRelativeDischargeOrder.count({
        where: { orderId, enteredInErrorAt: null, outcome: 'PENDING' },
      }),
    ).toBe(1);
  });
});
