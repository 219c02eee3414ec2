// Recall (CTO3), detention (CTO4), transfer (CTO6) and release through the services: allowed,
// refused with the law's reason, concurrent, idempotent, bad input, and nothing left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { formatInstant, londonDateOf } from '@/lib/cto';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { transferRecalledPatient } from '@/lib/server/services/transfer-recalled-patient';
import { releaseFromRecall } from '@/lib/server/services/release-from-recall';
import { testDb } from '../support/db';
import {
  dateTime,
  key,
  minutesBefore,
  orderWorld,
  versionOf,
  type OrderWorld,
  socialInput,
} from './part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

function recallInput(w: OrderWorld, version: number, servedAt: Date, extra: object = {}) {
  return {
    orderId: w.orderId,
    expectedVersion: String(version),
    idempotencyKey: key(),
    ground: 'RISK_OF_HARM',
    reasons: 'Stopped medication; relapse signs reported by the care coordinator.',
    hospitalId: w.hospitalId,
    method: 'HANDED_TO_PATIENT',
    social: socialInput(),
    servedAt: dateTime(servedAt),
    ...extra,
  };
}

async function counts(orderId: string) {
  const [recalls, events, forms] = await Promise.all([
    db.recall.count({ where: { orderId } }),
    db.ctoEvent.count({ where: { orderId } }),
    db.statutoryForm.count({ where: { orderId, type: { in: ['CTO3', 'CTO4', 'CTO6'] } } }),
  ]);
  return { recalls, events, forms };
}

describe('recall to hospital (CTO3)', () => {
  it('records the recall, the moment it counts as served, and moves the order to RECALL_PENDING', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const servedAt = minutesBefore(now, 30);
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), servedAt),
      { db, now },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'RECALL_PENDING' } });
    if (!result.ok) throw new Error('unreachable');
    expect(result.data.deemedServedAt).toBe(servedAt.toISOString());
    expect(result.data.servedExplain).toContain('served at that moment');
    const recall = await db.recall.findUniqueOrThrow({ where: { id: result.data.recallId } });
    expect(recall).toMatchObject({ ground: 'RISK_OF_HARM', serviceMethod: 'HANDED_TO_PATIENT' });
    // The social factors behind the decision, linked to the recall's event (issue 5 part 2).
    const assessment = await db.socialFactorAssessment.findUniqueOrThrow({
      where: { id: result.data.socialAssessmentId },
      include: { ratings: true },
    });
    expect(assessment).toMatchObject({
      decisionPoint: 'RECALL',
      decisionEventId: result.data.eventId,
      orderId: w.orderId,
    });
    expect(assessment.ratings).toHaveLength(11);
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.state).toBe('RECALL_PENDING');
    const audit = await db.auditEvent.findFirst({
      where: { action: 'recall.serve', entityId: w.orderId, outcome: 'SUCCESS' },
    });
    expect(audit).not.toBeNull();
  });

  it('posted first class: served on the second business day after posting (C15)', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const postedAt = minutesBefore(now, 60);
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), postedAt, { method: 'FIRST_CLASS_POST' }),
      { db, now },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error('unreachable');
    expect(new Date(result.data.deemedServedAt).getTime()).toBeGreaterThan(postedAt.getTime());
    expect(result.data.servedExplain).toContain('second business day');
  });

  it('refuses email with the reason (reg 3(1B)), beside the method, and writes nothing', async () => {
    const w = await orderWorld(db);
    const before = await counts(w.orderId);
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), minutesBefore(new Date(), 5), {
        method: 'EMAIL',
      }),
      { db },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      reason: 'CTO3_EMAIL_NOT_VALID_SERVICE',
    });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain('reg 3(1B)');
    expect(result.fieldErrors?.method).toContain('cannot be served by email');
    expect(await counts(w.orderId)).toEqual(before);
  });

  it('refuses a recall of an order that has ended (expired, discharged or revoked)', async () => {
    const w = await orderWorld(db);
    // Nobody has recorded the expiry: the law treats the order as expired from the next day.
    await db.communityTreatmentOrder.update({
      where: { id: w.orderId },
      data: { state: 'DISCHARGED', endReason: 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN' },
    });
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), minutesBefore(new Date(), 5)),
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'RECALL_OF_ENDED_ORDER' });
    expect(await db.recall.count({ where: { orderId: w.orderId } })).toBe(0);
  });

  it('refuses a recall of an order whose last day has passed, even though nobody recorded the expiry', async () => {
    const now = new Date();
    // Made seven months ago: the first period has ended.
    const madeOn = new Date(now.getTime() - 215 * 86_400_000).toISOString().slice(0, 10);
    const w = await orderWorld(db, { madeOn, now });
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), minutesBefore(now, 5)),
      { db, now },
    );
    expect(result).toMatchObject({ ok: false, reason: 'RECALL_OF_ENDED_ORDER' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/expired|ended/);
  });

  it('only the RC may recall: the MHA office is refused', async () => {
    const w = await orderWorld(db);
    const result = await serveRecallNotice(
      w.mha,
      recallInput(w, await versionOf(db, w.orderId), minutesBefore(new Date(), 5)),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('bad input: INVALID_INPUT with field errors, nothing written', async () => {
    const w = await orderWorld(db);
    const before = await counts(w.orderId);
    const result = await serveRecallNotice(
      w.rc,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        reasons: '   ',
        servedAt: { date: { day: '31', month: '2', year: '2026' }, time: '25:00' },
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining([
        'ground',
        'reasons',
        'hospitalId',
        'method',
        'servedAt.date',
        'servedAt.time',
        'social.ACCOMMODATION.rating',
      ]),
    );
    expect(await counts(w.orderId)).toEqual(before);
  });

  it('a double-submitted recall (same key, at once) records ONE recall and both answers agree', async () => {
    const w = await orderWorld(db);
    const input = recallInput(w, await versionOf(db, w.orderId), minutesBefore(new Date(), 5));
    const [a, b] = await Promise.all([
      serveRecallNotice(w.rc, input, { db }),
      serveRecallNotice(w.rc, input, { db }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) throw new Error('unreachable');
    expect(a.data.recallId).toBe(b.data.recallId);
    expect(await db.recall.count({ where: { orderId: w.orderId } })).toBe(1);
    // And again later: the replay, not a second recall.
    const c = await serveRecallNotice(w.rc, input, { db });
    expect(c).toEqual(a);
    expect(await db.recall.count({ where: { orderId: w.orderId } })).toBe(1);
  });

  it('two people at once with the same version: exactly one recall, the other told of the conflict', async () => {
    const w = await orderWorld(db);
    const version = await versionOf(db, w.orderId);
    const at = minutesBefore(new Date(), 5);
    const results = await Promise.all([
      serveRecallNotice(w.rc, recallInput(w, version, at), { db }),
      serveRecallNotice(w.rc, recallInput(w, version, at), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const failed = results.find((r) => !r.ok);
    expect(failed).toMatchObject({ ok: false, code: 'CONFLICT' });
    if (failed && !failed.ok) expect(failed.message).toContain('changed since you opened it');
    expect(await db.recall.count({ where: { orderId: w.orderId } })).toBe(1);
  });

  it('rolls back everything, audit included, when a write fails part-way', async () => {
    const w = await orderWorld(db);
    const before = await counts(w.orderId);
    const audits = await db.auditEvent.count({
      where: { action: 'recall.serve', outcome: 'SUCCESS' },
    });
    // A stale version makes commit refuse after the Recall and CTO3 rows were written.
    const result = await serveRecallNotice(
      w.rc,
      recallInput(w, (await versionOf(db, w.orderId)) - 1, minutesBefore(new Date(), 5)),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await counts(w.orderId)).toEqual(before);
    expect(
      await db.auditEvent.count({ where: { action: 'recall.serve', outcome: 'SUCCESS' } }),
    ).toBe(audits);
  });
});

describe('detention after recall (CTO4), transfer (CTO6) and release', () => {
  it('CTO4 before any CTO3 is refused', async () => {
    const w = await orderWorld(db);
    const result = await recordRecallDetention(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        detentionBeganAt: dateTime(minutesBefore(new Date(), 5)),
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'CTO4_BEFORE_CTO3' });
  });

  it('CTO4 before the posted notice counts as served is refused, with the served time', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const recall = await serveRecallNotice(
      w.rc,
      recallInput(w, await versionOf(db, w.orderId), minutesBefore(now, 60), {
        method: 'FIRST_CLASS_POST',
      }),
      { db, now },
    );
    expect(recall.ok).toBe(true);
    const result = await recordRecallDetention(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        detentionBeganAt: dateTime(minutesBefore(now, 10)),
      },
      { db, now },
    );
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error('unreachable');
    expect(['NOTICE_NOT_YET_SERVED', 'CTO4_BEFORE_CTO3_SERVED']).toContain(result.reason);
    expect(result.message).toContain('served');
  });

  it('starts the 72 hours from the time detention began; a transfer keeps the deadline; release ends the recall', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const served = minutesBefore(now, 120);
    const began = minutesBefore(now, 90);
    expect(
      (
        await serveRecallNotice(w.rc, recallInput(w, await versionOf(db, w.orderId), served), {
          db,
          now,
        })
      ).ok,
    ).toBe(true);
    const detention = await recordRecallDetention(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        detentionBeganAt: dateTime(began),
      },
      { db, now },
    );
    expect(detention).toMatchObject({ ok: true, data: { state: 'RECALLED' } });
    if (!detention.ok) throw new Error('unreachable');
    const deadline = new Date(detention.data.deadlineAt);
    expect(deadline.getTime() - began.getTime()).toBe(72 * 3_600_000);
    const row = await db.deadline.findFirstOrThrow({
      where: { orderId: w.orderId, kind: 'RECALL_72_HOURS', status: 'OPEN' },
    });
    expect(row.dueAt?.toISOString()).toBe(deadline.toISOString());

    const transfer = await transferRecalledPatient(
      w.mha,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
        toHospitalId: w.otherHospitalId,
        transferredAt: dateTime(minutesBefore(now, 30)),
      },
      { db, now },
    );
    expect(transfer).toMatchObject({ ok: true, data: { deadlineAt: deadline.toISOString() } });
    const recall = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(recall.deadlineAt?.toISOString()).toBe(deadline.toISOString());

    const release = await releaseFromRecall(
      w.rc,
      {
        orderId: w.orderId,
        expectedVersion: String(await versionOf(db, w.orderId)),
        idempotencyKey: key(),
      },
      { db, now },
    );
    expect(release).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const ended = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(ended.outcome).toBe('RELEASED');
    expect(
      await db.deadline.count({
        where: { orderId: w.orderId, kind: 'RECALL_72_HOURS', status: 'OPEN' },
      }),
    ).toBe(0);
  });
});

describe('times before the order took effect', () => {
  it('refuses a recall served before the order took effect, beside the time of service', async () => {
    const w = await orderWorld(db, { madeOn: londonDateOf(new Date(Date.now() - 86_400_000)) });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    const servedAt = new Date(order.effectiveAt!.getTime() - 31 * 60_000);
    const result = await serveRecallNotice(w.rc, recallInput(w, order.version, servedAt), { db });
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'BEFORE_ORDER_EFFECTIVE' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain(
      'The recall notice cannot be served before the order took effect (',
    );
    expect(result.message).toContain(formatInstant(order.effectiveAt!));
    expect(result.message).toContain(formatInstant(servedAt));
    expect(result.fieldErrors?.['servedAt.date']).toBe(result.message);
    expect(await counts(w.orderId)).toMatchObject({ recalls: 0, forms: 0 });
  });
});
