// The time-passing job: an order whose last day has ended becomes EXPIRED (end reason EXPIRED)
// without anyone acting; a recall past its 72 hours gets SEVENTY_TWO_HOURS_END; running it
// twice changes nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addCalendarDays, addCalendarMonths, londonDateOf } from '@/lib/server/dates';
import { applyTimeEvents, applyTimeEventsToOrder } from '@/lib/server/jobs/apply-time-events';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { testDb } from '../support/db';
import {
  dateTime,
  key,
  minutesBefore,
  orderWorld,
  versionOf,
  socialInput,
} from '../orders/part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe('applying time events', () => {
  it('an ACTIVE order whose expiry was yesterday becomes EXPIRED, with end reason EXPIRED, once', async () => {
    const now = new Date();
    const today = londonDateOf(now);
    // Made six months before today: the first period ended yesterday.
    const madeOn = addCalendarMonths(today, -6);
    const w = await orderWorld(db, { madeOn, now });
    const before = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(before.state).toBe('ACTIVE');
    expect(before.currentExpiryDate?.toISOString().slice(0, 10)).toBe(addCalendarDays(today, -1));

    const report = await applyTimeEvents({ db, now, orderIds: [w.orderId] });
    expect(report).toMatchObject({ candidates: 1, ordersChanged: 1, eventsRecorded: 1, failed: 0 });
    const after = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(after).toMatchObject({ state: 'EXPIRED', endReason: 'EXPIRED' });
    expect(after.endedOn?.toISOString().slice(0, 10)).toBe(addCalendarDays(today, -1));
    const events = await db.ctoEvent.findMany({ where: { orderId: w.orderId, type: 'EXPIRE' } });
    expect(events).toHaveLength(1);
    expect(events[0]?.recordedById).toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: w.orderId, action: 'time-event.expire' } }),
    ).toBe(1);
    expect(
      await db.deadline.count({
        where: { orderId: w.orderId, kind: 'CTO_EXPIRY', status: 'OPEN' },
      }),
    ).toBe(0);

    // Twice: nothing more happens.
    await applyTimeEvents({ db, now, orderIds: [w.orderId] });
    expect(await db.ctoEvent.count({ where: { orderId: w.orderId, type: 'EXPIRE' } })).toBe(1);
    expect(
      (await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } })).version,
    ).toBe(after.version);
  });

  it('an order still in force is left alone', async () => {
    const w = await orderWorld(db);
    await db.$transaction((tx) => applyTimeEventsToOrder(tx, w.orderId, new Date()));
    const after = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(after.state).toBe('ACTIVE');
    expect(await db.ctoEvent.count({ where: { orderId: w.orderId, type: 'EXPIRE' } })).toBe(0);
  });

  it('a recall past its 72 hours gets SEVENTY_TWO_HOURS_END: the recall is released at the deadline', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const served = await serveRecallNotice(
      w.rc,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        ground: 'RISK_OF_HARM',
        reasons: 'Relapse.',
        hospitalId: w.hospitalId,
        method: 'HANDED_TO_PATIENT',
        social: socialInput(),
        servedAt: dateTime(minutesBefore(now, 80 * 60)),
      },
      { db, now },
    );
    expect(served.ok).toBe(true);
    const detained = await recordRecallDetention(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        detentionBeganAt: dateTime(minutesBefore(now, 75 * 60)),
      },
      { db, now },
    );
    expect(detained.ok).toBe(true);
    if (!detained.ok) throw new Error('unreachable');

    await applyTimeEvents({ db, now, orderIds: [w.orderId] });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.state).toBe('ACTIVE');
    const recall = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(recall.outcome).toBe('RELEASED_AT_72_HOURS');
    expect(recall.endedAt?.toISOString()).toBe(detained.data.deadlineAt);
    const event = await db.ctoEvent.findFirstOrThrow({
      where: { orderId: w.orderId, type: 'SEVENTY_TWO_HOURS_END' },
    });
    expect(event.occurredAt.toISOString()).toBe(detained.data.deadlineAt);
    await applyTimeEvents({ db, now, orderIds: [w.orderId] });
    expect(
      await db.ctoEvent.count({ where: { orderId: w.orderId, type: 'SEVENTY_TWO_HOURS_END' } }),
    ).toBe(1);
  });
});
