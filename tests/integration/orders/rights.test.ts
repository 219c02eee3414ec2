// s132A rights information: linked to the event that required it; the deadline closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { recordRightsInformation } from '@/lib/server/services/record-rights-information';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { londonDateOf } from '@/lib/server/dates';
import { testDb } from '../support/db';
import { dateTimeFields, key, orderWorld, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

async function madeRecently() {
  const now = new Date();
  const w = await orderWorld(db, {
    madeOn: londonDateOf(new Date(now.getTime() - 2 * 86_400_000)),
  });
  await recomputeOrderDeadlines(db, w.order!.id, londonDateOf(now), now);
  const make = await db.ctoEvent.findFirstOrThrow({
    where: { orderId: w.order!.id, type: 'MAKE' },
  });
  return { w, makeEventId: make.id };
}

function given(
  orderId: string,
  version: number,
  occasion: string,
  extra: Record<string, unknown> = {},
) {
  const at = dateTimeFields(new Date(Date.now() - 3_600_000));
  return {
    orderId,
    expectedVersion: String(version),
    idempotencyKey: key(),
    occasion,
    givenOrally: 'yes',
    givenOrallyAt: at,
    givenInWriting: 'yes',
    givenInWritingAt: at,
    understanding: 'UNDERSTOOD',
    patientObjectsToNearestRelative: 'no',
    nearestRelativeInformedAt: at,
    ...extra,
  };
}

describe('rights information (s132A)', () => {
  it('records it against the making of the order; the rights deadline closes', async () => {
    const { w, makeEventId } = await madeRecently();
    const orderId = w.order!.id;
    expect(
      await db.deadline.count({ where: { orderId, kind: 'RIGHTS_INFORMATION', status: 'OPEN' } }),
    ).toBe(1);
    const result = await recordRightsInformation(
      w.ccActor,
      given(orderId, await versionOf(db, orderId), `EVENT:${makeEventId}`),
      { db },
    );
    expect(result).toMatchObject({ ok: true });
    const record = await db.rightsInformation.findFirstOrThrow({ where: { orderId } });
    expect(record).toMatchObject({
      trigger: 'MAKING',
      triggerEventId: makeEventId,
      understanding: 'UNDERSTOOD',
    });
    expect(
      await db.deadline.count({ where: { orderId, kind: 'RIGHTS_INFORMATION', status: 'OPEN' } }),
    ).toBe(0);
  });

  it('refuses nothing given, and telling the nearest relative when the patient objects', async () => {
    const { w, makeEventId } = await madeRecently();
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const none = await recordRightsInformation(
      w.ccActor,
      given(orderId, v, `EVENT:${makeEventId}`, {
        givenOrally: undefined,
        givenInWriting: undefined,
      }),
      { db },
    );
    expect(none).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const objects = await recordRightsInformation(
      w.ccActor,
      given(orderId, v, `EVENT:${makeEventId}`, { patientObjectsToNearestRelative: 'yes' }),
      { db },
    );
    expect(objects).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const wrongEvent = await recordRightsInformation(
      w.ccActor,
      given(orderId, v, 'EVENT:00000000-0000-4000-8000-000000000000'),
      { db },
    );
    expect(wrongEvent).toMatchObject({ ok: false, reason: 'TRIGGER_NOT_FOUND' });
    expect(await db.rightsInformation.count({ where: { orderId } })).toBe(0);
  });

  it('concurrent and repeated submissions record once', async () => {
    const { w, makeEventId } = await madeRecently();
    const orderId = w.order!.id;
    const v = await versionOf(db, orderId);
    const results = await Promise.all([
      recordRightsInformation(w.ccActor, given(orderId, v, `EVENT:${makeEventId}`), { db }),
      recordRightsInformation(w.ccActor, given(orderId, v, `EVENT:${makeEventId}`), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    const same = given(orderId, await versionOf(db, orderId), 'PERIODIC');
    const a = await recordRightsInformation(w.ccActor, same, { db });
    const b = await recordRightsInformation(w.ccActor, same, { db });
    expect(b).toEqual(a);
    expect(await db.rightsInformation.count({ where: { orderId } })).toBe(2);
  });
});
