// Revocation (CTO5): the RC asks an AMHP, the AMHP agrees or declines in their own account, the
// RC revokes before the 72 hours end. The new detention, its s20 periods and the s68(7) task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { recordRevocationAgreement } from '@/lib/server/services/record-revocation-agreement';
import { revokeOrder } from '@/lib/server/services/revoke-order';
import { londonDateOf } from '@/lib/server/dates';
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

async function recalled(w: OrderWorld, detainedMinutesAgo: number, now = new Date()) {
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
      servedAt: dateTime(minutesBefore(now, detainedMinutesAgo + 30)),
    },
    { db, now },
  );
  if (!served.ok) throw new Error(served.message);
  const detained = await recordRecallDetention(
    w.mha,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      detentionBeganAt: dateTime(minutesBefore(now, detainedMinutesAgo)),
    },
    { db, now },
  );
  if (!detained.ok) throw new Error(detained.message);
  return detained.data;
}

async function ask(w: OrderWorld, now?: Date) {
  return requestAmhpAgreement(
    w.rc,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      purpose: 'REVOCATION',
      amhpId: w.amhp.userId,
    },
    { db, ...(now ? { now } : {}) },
  );
}

async function answer(
  w: OrderWorld,
  decision: 'AGREED' | 'DECLINED',
  extra: object = {},
  now?: Date,
) {
  return recordRevocationAgreement(
    w.amhp,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      decision,
      localAuthority: 'Northshire County Council',
      ...extra,
    },
    { db, ...(now ? { now } : {}) },
  );
}

async function revokeInput(w: OrderWorld, version?: number) {
  return {
    orderId: w.orderId,
    expectedVersion: String(version ?? (await versionOf(db, w.orderId))),
    idempotencyKey: key(),
    necessaryFor: ['HEALTH', 'SAFETY'],
    reasons: 'Florid psychosis; refusing all treatment; informal admission not possible.',
    treatmentAvailable: 'yes',
    social: socialInput(),
  };
}

describe('revocation (CTO5)', () => {
  it('AMHP agrees, the RC revokes: new s3 detention with its periods, recall REVOKED, s68(7) task due that day', async () => {
    const w = await orderWorld(db);
    await recalled(w, 120);
    expect(await ask(w)).toMatchObject({ ok: true });
    expect(await answer(w, 'AGREED')).toMatchObject({ ok: true, data: { decision: 'AGREED' } });
    const result = await revokeOrder(w.rc, await revokeInput(w), { db });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error('unreachable');
    const today = londonDateOf(new Date());
    expect(result.data.revokedOn).toBe(today);
    expect(result.data.detentionPeriods.map((p) => p.months)).toEqual([6, 6, 12]);

    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order).toMatchObject({ state: 'REVOKED', endReason: 'REVOKED' });
    const recall = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(recall.outcome).toBe('REVOKED');
    const detention = await db.legalStatusPeriod.findUniqueOrThrow({
      where: { revokedOrderId: w.orderId },
      include: { detentionPeriods: { orderBy: { index: 'asc' } } },
    });
    expect(detention).toMatchObject({ legalStatusCode: '03', hospitalId: w.hospitalId });
    expect(detention.detentionPeriods).toHaveLength(3);
    expect(detention.detentionPeriods[0]?.startDate.toISOString().slice(0, 10)).toBe(today);
    expect(detention.detentionPeriods[0]?.endDate.toISOString().slice(0, 10)).toBe(
      result.data.detentionPeriods[0]?.end,
    );
    const reference = await db.deadline.findFirstOrThrow({
      where: { orderId: w.orderId, kind: 'MANAGERS_REFERENCE_AFTER_REVOCATION', status: 'OPEN' },
    });
    expect(reference.dueOn.toISOString().slice(0, 10)).toBe(today);
    const expiry = await db.deadline.findFirstOrThrow({
      where: { orderId: w.orderId, kind: 'DETENTION_EXPIRY', status: 'OPEN' },
    });
    expect(expiry.dueOn.toISOString().slice(0, 10)).toBe(result.data.detentionPeriods[0]?.end);
    expect(expiry.explanation).toContain('apply to the tribunal until');
    expect(result.data.tribunalWindow).toMatchObject({
      opens: today,
      closes: result.data.detentionPeriods[0]?.end,
    });
    expect(
      await db.condition.count({ where: { orderId: w.orderId, status: { not: 'ENDED' } } }),
    ).toBe(0);
  });

  it('refuses revocation without the AMHP’s agreement, and writes nothing', async () => {
    const w = await orderWorld(db);
    await recalled(w, 60);
    const version = await versionOf(db, w.orderId);
    const result = await revokeOrder(w.rc, await revokeInput(w), { db });
    expect(result).toMatchObject({ ok: false, reason: 'REVOCATION_WITHOUT_AMHP_AGREEMENT' });
    expect(await db.revocation.count({ where: { orderId: w.orderId } })).toBe(0);
    expect(await versionOf(db, w.orderId)).toBe(version);
  });

  it('refuses revocation after the 72 hours, giving the time they ended', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    const detention = await recalled(w, 80 * 60, now);
    const earlier = new Date(new Date(detention.detentionBeganAt).getTime() + 10 * 3_600_000);
    expect(await ask(w, earlier)).toMatchObject({ ok: true });
    expect(await answer(w, 'AGREED', {}, earlier)).toMatchObject({ ok: true });
    const result = await revokeOrder(w.rc, await revokeInput(w), { db, now });
    expect(result).toMatchObject({ ok: false, reason: 'REVOCATION_AFTER_72_HOURS' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toMatch(/72 hours/);
    expect(await db.revocation.count({ where: { orderId: w.orderId } })).toBe(0);
    // Asking an AMHP now is refused too: they could not agree in time.
    expect(await ask(w, now)).toMatchObject({ ok: false, reason: 'RECALL_72_HOURS_ENDED' });
  });

  it('only the AMHP who was asked can answer; a decline needs reasons and keeps them', async () => {
    const w = await orderWorld(db);
    await recalled(w, 60);
    expect(await answer(w, 'AGREED')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await ask(w)).toMatchObject({ ok: true });
    const bad = await answer(w, 'DECLINED');
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { reasons: 'Enter why you do not agree' },
    });
    const declined = await answer(w, 'DECLINED', { reasons: 'Could be treated informally.' });
    expect(declined).toMatchObject({ ok: true, data: { decision: 'DECLINED' } });
    if (!declined.ok) throw new Error('unreachable');
    expect(declined.data.warnings.map((x) => x.code)).toContain('AMHP_DECLINED');
    const row = await db.amhpAgreement.findUniqueOrThrow({
      where: { id: declined.data.agreementId },
    });
    expect(row).toMatchObject({ decision: 'DECLINED', reasons: 'Could be treated informally.' });
    const revoke = await revokeOrder(w.rc, await revokeInput(w), { db });
    expect(revoke).toMatchObject({ ok: false, reason: 'REVOCATION_WITHOUT_AMHP_AGREEMENT' });
  });

  it('two revocations at once with the same version: one revokes, the other is told the order changed', async () => {
    const w = await orderWorld(db);
    await recalled(w, 60);
    await ask(w);
    await answer(w, 'AGREED');
    const version = await versionOf(db, w.orderId);
    const results = await Promise.all([
      revokeOrder(w.rc, await revokeInput(w, version), { db }),
      revokeOrder(w.rc, await revokeInput(w, version), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(await db.revocation.count({ where: { orderId: w.orderId } })).toBe(1);
    expect(await db.legalStatusPeriod.count({ where: { revokedOrderId: w.orderId } })).toBe(1);
  });

  it('bad input: INVALID_INPUT with field errors beside each field', async () => {
    const w = await orderWorld(db);
    const result = await revokeOrder(
      w.rc,
      { orderId: w.orderId, expectedVersion: '1', reasons: '' },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining([
        'necessaryFor',
        'reasons',
        'treatmentAvailable',
        'social.ISOLATION.rating',
      ]),
    );
  });
});
