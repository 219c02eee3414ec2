// Renewal (extension): examination inside the window (refused outside, with the window's dates),
// consultation, the AMHP's agreement in their own account, CTO7 (refused before the agreement),
// the new period and its clocks at once, the managers' receipt (Part 4) and review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, renewalWindow } from '@/lib/cto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addCalendarDays, addCalendarMonths, londonDateOf } from '@/lib/server/dates';
import { recordExtensionExamination } from '@/lib/server/services/record-extension-examination';
import { recordExtensionConsultation } from '@/lib/server/services/record-extension-consultation';
import { requestAmhpAgreement } from '@/lib/server/services/request-amhp-agreement';
import { recordExtensionAgreement } from '@/lib/server/services/record-extension-agreement';
import { furnishCto7 } from '@/lib/server/services/furnish-cto7';
import { recordCto7Receipt } from '@/lib/server/services/record-cto7-receipt';
import { recordManagersReview } from '@/lib/server/services/record-managers-review';
import { testDb } from '../support/db';
import {
  dateParts,
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

const today = () => londonDateOf(new Date());

/** An order whose first period ends in about three weeks: its renewal window is open. */
async function inWindow(): Promise<OrderWorld & { expiry: string }> {
  const madeOn = addCalendarDays(addCalendarMonths(today(), -6), 21);
  const w = await orderWorld(db, { madeOn });
  const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
  return { ...w, expiry: order.currentExpiryDate!.toISOString().slice(0, 10) };
}

async function submission(w: OrderWorld) {
  return {
    orderId: w.orderId,
    expectedVersion: String(await versionOf(db, w.orderId)),
    idempotencyKey: key(),
  };
}

async function examine(w: OrderWorld, examinedOn = today()) {
  return recordExtensionExamination(
    w.rc,
    {
      ...(await submission(w)),
      examinedOn: dateParts(examinedOn),
      necessaryFor: ['HEALTH'],
      grounds: 'Remains unwell without depot; recall power needed.',
      deteriorationConsidered: ['yes'],
      social: socialInput(),
    },
    { db },
  );
}

async function consult(w: OrderWorld) {
  return recordExtensionConsultation(
    w.rc,
    {
      ...(await submission(w)),
      consulteeName: 'Sam Care',
      consulteeRole: 'Community psychiatric nurse',
      consultedOn: dateParts(today()),
    },
    { db },
  );
}

async function agree(w: OrderWorld) {
  const asked = await requestAmhpAgreement(
    w.rc,
    { ...(await submission(w)), purpose: 'EXTENSION', amhpId: w.amhp.userId },
    { db },
  );
  expect(asked).toMatchObject({ ok: true });
  return recordExtensionAgreement(
    w.amhp,
    { ...(await submission(w)), decision: 'AGREED', localAuthority: 'Northshire County Council' },
    { db },
  );
}

describe('renewal (extension)', () => {
  it('refuses an examination outside the window, with the window’s dates, beside the date field', async () => {
    const w = await inWindow();
    const window = renewalWindow(w.expiry);
    const before = await db.extension.count({ where: { orderId: w.orderId } });
    const result = await examine(w, addCalendarDays(window.opens, -1));
    expect(result).toMatchObject({
      ok: false,
      code: 'REFUSED',
      reason: 'EXAMINATION_OUTSIDE_WINDOW',
    });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toContain(formatDate(window.opens));
    expect(result.message).toContain(formatDate(w.expiry));
    expect(result.fieldErrors?.examinedOn).toBe(result.message);
    expect(await db.extension.count({ where: { orderId: w.orderId } })).toBe(before);
  });

  it('refuses an examination while the window is not yet open (an order mid-period)', async () => {
    const w = await orderWorld(db);
    const result = await examine(w);
    expect(result).toMatchObject({ ok: false, reason: 'EXAMINATION_OUTSIDE_WINDOW' });
  });

  it('refuses CTO7 before the AMHP agreed', async () => {
    const w = await inWindow();
    expect(await examine(w)).toMatchObject({ ok: true });
    expect(await consult(w)).toMatchObject({ ok: true });
    const result = await furnishCto7(
      w.rc,
      { ...(await submission(w)), furnishedBy: 'ELECTRONIC' },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'CTO7_BEFORE_AMHP_AGREEMENT' });
    expect(await db.ctoPeriod.count({ where: { orderId: w.orderId } })).toBe(1);
  });

  it('examined, consulted, agreed, CTO7 furnished: the new period and its clocks at once; then Part 4 and the review', async () => {
    const w = await inWindow();
    expect(await examine(w)).toMatchObject({ ok: true });
    expect(await consult(w)).toMatchObject({ ok: true });
    expect(await agree(w)).toMatchObject({ ok: true, data: { decision: 'AGREED' } });
    const furnished = await furnishCto7(
      w.rc,
      { ...(await submission(w)), furnishedBy: 'INTERNAL_MAIL' },
      { db },
    );
    expect(furnished).toMatchObject({ ok: true, data: { previousExpiry: w.expiry } });
    if (!furnished.ok) throw new Error('unreachable');
    expect(furnished.data.newPeriod.start).toBe(addCalendarDays(w.expiry, 1));
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.currentExpiryDate?.toISOString().slice(0, 10)).toBe(furnished.data.newPeriod.end);
    expect(order.currentPeriodIndex).toBe(1);
    const period = await db.ctoPeriod.findFirstOrThrow({ where: { orderId: w.orderId, index: 1 } });
    expect(period).toMatchObject({ source: 'EXTENSION', extensionId: furnished.data.extensionId });
    const expiryDeadline = await db.deadline.findFirstOrThrow({
      where: { orderId: w.orderId, kind: 'CTO_EXPIRY', status: 'OPEN' },
    });
    expect(expiryDeadline.dueOn.toISOString().slice(0, 10)).toBe(furnished.data.newPeriod.end);
    expect(
      await db.deadline.count({
        where: { orderId: w.orderId, kind: 'MANAGERS_REVIEW_OF_EXTENSION', status: 'OPEN' },
      }),
    ).toBe(1);
    expect(
      await db.statutoryForm.count({
        where: { orderId: w.orderId, type: 'CTO7', furnishedAt: { not: null } },
      }),
    ).toBeGreaterThan(0);

    const receipt = await recordCto7Receipt(
      w.mha,
      { ...(await submission(w)), receivedAt: dateTime(minutesBefore(new Date(), 0)) },
      { db },
    );
    expect(receipt).toMatchObject({ ok: true });
    const twice = await recordCto7Receipt(
      w.mha,
      { ...(await submission(w)), receivedAt: dateTime(minutesBefore(new Date(), 0)) },
      { db },
    );
    expect(twice).toMatchObject({ ok: false, reason: 'ALREADY_RECORDED' });

    const review = await recordManagersReview(
      w.manager,
      {
        ...(await submission(w)),
        heldOn: dateParts(today()),
        panel: 'A. Smith, B. Jones, C. Patel',
      },
      { db },
    );
    expect(review).toMatchObject({ ok: true });
    const ext = await db.extension.findUniqueOrThrow({ where: { id: furnished.data.extensionId } });
    expect(ext.managersReviewedOn?.toISOString().slice(0, 10)).toBe(today());
    expect(
      await db.deadline.count({
        where: { orderId: w.orderId, kind: 'MANAGERS_REVIEW_OF_EXTENSION', status: 'OPEN' },
      }),
    ).toBe(0);
  });

  it('the AMHP can only answer when asked; the RC cannot record the AMHP’s part', async () => {
    const w = await inWindow();
    await examine(w);
    const notAsked = await recordExtensionAgreement(
      w.amhp,
      { ...(await submission(w)), decision: 'AGREED', localAuthority: 'Northshire' },
      { db },
    );
    expect(notAsked).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const rc = await recordExtensionAgreement(
      w.rc,
      { ...(await submission(w)), decision: 'AGREED', localAuthority: 'Northshire' },
      { db },
    );
    expect(rc).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('two examinations at once with the same version: one is recorded, the other conflicts', async () => {
    const w = await inWindow();
    const s = await submission(w);
    const body = {
      examinedOn: dateParts(today()),
      necessaryFor: ['SAFETY'],
      grounds: 'Grounds.',
      deteriorationConsidered: 'yes',
      social: socialInput(),
    };
    const results = await Promise.all([
      recordExtensionExamination(w.rc, { ...s, ...body, idempotencyKey: key() }, { db }),
      recordExtensionExamination(w.rc, { ...s, ...body, idempotencyKey: key() }, { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(
      await db.ctoEvent.count({ where: { orderId: w.orderId, type: 'EXAMINE_FOR_EXTENSION' } }),
    ).toBe(1);
  });

  it('bad input: field errors, nothing written', async () => {
    const w = await inWindow();
    const result = await recordExtensionExamination(
      w.rc,
      { ...(await submission(w)), examinedOn: { day: '', month: '', year: '' }, grounds: '' },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) throw new Error('unreachable');
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['deteriorationConsidered', 'examinedOn', 'grounds', 'necessaryFor']),
    );
    expect(await db.extension.count({ where: { orderId: w.orderId } })).toBe(0);
  });
});

describe('refusals about a date typed are shown beside it', () => {
  it('an examination dated in the future: the law’s message beside the examination date', async () => {
    const w = await inWindow();
    const tomorrow = addCalendarDays(today(), 1);
    const result = await examine(w, tomorrow);
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'EVENT_IN_FUTURE' });
    if (result.ok) throw new Error('unreachable');
    expect(result.message).toBe(
      `The examination date (${formatDate(tomorrow)}) cannot be in the future.`,
    );
    expect(result.fieldErrors?.examinedOn).toBe(result.message);
    expect(
      await db.ctoEvent.count({ where: { orderId: w.orderId, type: 'EXAMINE_FOR_EXTENSION' } }),
    ).toBe(0);
  });

  it('a consultation dated in the future: beside the consultation date', async () => {
    const w = await inWindow();
    const tomorrow = addCalendarDays(today(), 1);
    const result = await recordExtensionConsultation(
      w.rc,
      {
        ...(await submission(w)),
        consulteeName: 'Sam Care',
        consulteeRole: 'Community psychiatric nurse',
        consultedOn: dateParts(tomorrow),
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'EVENT_IN_FUTURE' });
    if (result.ok) throw new Error('unreachable');
    expect(result.fieldErrors?.consultedOn).toBe(result.message);
  });
});
