// Making a CTO (CTO1): the RC's Part 1 and the request to an AMHP, the AMHP's Part 2 (agree or
// decline), the RC's Part 3, and withdrawal: allowed, refused with the law's reason, concurrent,
// idempotent, bad input, rolled back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { CONFLICT_MESSAGE } from '@/lib/server/services/run-service';
import { proposeOrder } from '@/lib/server/services/propose-order';
import { respondToMakingAgreement } from '@/lib/server/services/respond-to-making-agreement';
import { makeOrder, previewMakeOrder } from '@/lib/server/services/make-order';
import { withdrawProposal } from '@/lib/server/services/withdraw-proposal';
import { createLegalStatusPeriod } from '@/tests/factories';
import { testDb } from '../support/db';
import { dateTimeFields, key, orderWorld, socialFields, versionOf } from './support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const REASONS = 'Relapses within weeks of stopping depot medication; engages well on leave.';

function partOne(
  w: Awaited<ReturnType<typeof orderWorld>>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const criterion = { met: 'yes', reasons: REASONS };
  return {
    patientId: w.patientId,
    legalStatusPeriodId: w.legalStatusPeriodId,
    idempotencyKey: key(),
    criteria: { a: criterion, b: criterion, c: criterion, d: criterion, e: criterion },
    necessaryFor: ['health', 'safety'],
    deteriorationRiskConsidered: 'yes',
    grounds: 'Schizophrenia with three relapses after stopping medication.',
    conditions: {
      '0': {
        category: 'RESIDENCE',
        wording: 'To live at 4 Elm Road.',
        purpose: 'PREVENT_RISK_TO_PATIENT',
      },
      '1': {
        category: 'MEDICATION',
        wording: 'To accept depot medication.',
        purpose: 'ENSURE_TREATMENT',
      },
    },
    amhpId: w.amhp.id,
    social: socialFields(),
    ...overrides,
  };
}

async function proposed(w: Awaited<ReturnType<typeof orderWorld>>) {
  const result = await proposeOrder(w.rcActor, partOne(w), { db });
  if (!result.ok) throw new Error(result.message);
  return result.data.orderId;
}

async function agreed(w: Awaited<ReturnType<typeof orderWorld>>, agreeAll = true) {
  const orderId = await proposed(w);
  const conditions = await db.condition.findMany({
    where: { orderId, kind: 'DISCRETIONARY' },
    orderBy: { wording: 'asc' },
  });
  const result = await respondToMakingAgreement(
    w.amhpActor,
    {
      orderId,
      expectedVersion: String(await versionOf(db, orderId)),
      idempotencyKey: key(),
      decision: 'AGREE',
      criteriaMet: 'yes',
      appropriate: 'yes',
      agreedConditionIds: agreeAll ? conditions.map((c) => c.id) : [conditions[0]?.id],
      localAuthority: 'Northshire County Council',
    },
    { db, now: new Date(Date.now() + 1000) },
  );
  if (!result.ok) throw new Error(result.message);
  return orderId;
}

describe('proposing an order (CTO1 Part 1)', () => {
  it('records the proposer as the responsible clinician when none is assigned (issue 8)', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    // No responsible clinician assigned any more: the proposer becomes it, on the order and in
    // the care team (the dashboards and the scope read the assignment).
    await db.staffAssignment.updateMany({
      where: { patientId: w.patientId, kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
      data: { endedOn: new Date('2020-01-01') },
    });
    const result = await proposeOrder(w.rcActor, partOne(w), { db });
    expect(result).toMatchObject({ ok: true });
    const current = await db.staffAssignment.findMany({
      where: { patientId: w.patientId, kind: 'RESPONSIBLE_CLINICIAN', endedOn: null },
    });
    expect(current.map((a) => a.userId)).toEqual([w.rc.id]);
    expect(current[0]?.recordedById).toBe(w.rc.id);
  });

  it('creates the order PROPOSED with both mandatory conditions and asks the AMHP', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const result = await proposeOrder(w.rcActor, partOne(w), { db });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: result.data.orderId },
      include: { conditions: true, amhpAgreements: true, events: true, forms: true },
    });
    expect(order.state).toBe('PROPOSED');
    expect(order.responsibleClinicianId).toBe(w.rc.id);
    expect(order.responsibleHospitalId).toBe(w.hospitalId);
    expect(order.conditions.filter((c) => c.kind === 'MANDATORY')).toHaveLength(2);
    expect(order.conditions.filter((c) => c.kind === 'DISCRETIONARY')).toHaveLength(2);
    expect(order.amhpAgreements).toMatchObject([
      { purpose: 'MAKING', decision: 'PENDING', amhpId: w.amhp.id },
    ]);
    expect(order.events.map((e) => e.type)).toEqual(['PROPOSE']);
    const cto1 = order.forms.find((f) => f.type === 'CTO1');
    expect(cto1?.facts).toMatchObject({
      part1: {
        criteria: { a: { met: true, reasons: REASONS } },
        necessaryFor: ['health', 'safety'],
      },
    });
    const audit = await db.auditEvent.findFirst({
      where: { action: 'order.propose', entityId: order.id, outcome: 'SUCCESS' },
    });
    expect(audit).not.toBeNull();
    // The social factors behind the decision (decision point MAKING), one rating per domain.
    const social = await db.socialFactorAssessment.findFirstOrThrow({
      where: { orderId: order.id },
      include: { ratings: true },
    });
    expect(social.decisionPoint).toBe('MAKING');
    expect(social.ratings).toHaveLength(11);
  });

  it('refuses a section 2 patient with the law’s reason, and writes nothing', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const s2 = await createLegalStatusPeriod(db, {
      patientId: w.patientId,
      legalStatusCode: '02',
      hospitalId: w.hospitalId,
      startAt: new Date(Date.now() - 5 * 86_400_000),
    });
    const result = await proposeOrder(w.rcActor, partOne(w, { legalStatusPeriodId: s2.id }), {
      db,
    });
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'INELIGIBLE_LEGAL_STATUS' });
    if (result.ok) return;
    expect(result.message).toContain('section 2');
    expect(result.fieldErrors?.legalStatusPeriodId).toBeTruthy();
    expect(await db.communityTreatmentOrder.count({ where: { patientId: w.patientId } })).toBe(0);
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const result = await proposeOrder(
      w.rcActor,
      partOne(w, {
        criteria: {
          a: { met: 'no', reasons: '' },
          b: { met: 'yes', reasons: '' },
          c: { met: 'yes', reasons: REASONS },
          d: { met: 'yes', reasons: REASONS },
          e: { met: 'yes', reasons: REASONS },
        },
        grounds: '',
        necessaryFor: [],
        conditions: { '0': { category: 'OTHER', wording: '', purpose: '' } },
        amhpId: '',
        social: {},
      }),
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining([
        'criteria.a.met',
        'criteria.b.reasons',
        'grounds',
        'necessaryFor',
        'conditions.0.wording',
        'conditions.0.purpose',
        'amhpId',
        'social.ACCOMMODATION.rating',
      ]),
    );
    expect(await db.communityTreatmentOrder.count({ where: { patientId: w.patientId } })).toBe(0);
    expect(await db.socialFactorAssessment.count({ where: { patientId: w.patientId } })).toBe(0);
  });

  it('records one order when the same form is submitted twice', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const input = partOne(w);
    const a = await proposeOrder(w.rcActor, input, { db });
    const b = await proposeOrder(w.rcActor, input, { db });
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(a);
    expect(await db.communityTreatmentOrder.count({ where: { patientId: w.patientId } })).toBe(1);
  });

  it('lets only one of two concurrent proposals through', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const results = await Promise.all([
      proposeOrder(w.rcActor, partOne(w), { db }),
      proposeOrder(w.rcActor, partOne(w), { db }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'ORDER_ALREADY_EXISTS' });
    expect(await db.communityTreatmentOrder.count({ where: { patientId: w.patientId } })).toBe(1);
  });

  it('refuses a care coordinator (no permission) and an RC who is not the patient’s', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    expect(await proposeOrder(w.ccActor, partOne(w), { db })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const other = await orderWorld(db, { stage: 'NONE' });
    // Another trust's RC cannot see this patient at all.
    expect(await proposeOrder(other.rcActor, partOne(w), { db })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('the AMHP’s agreement (CTO1 Part 2)', () => {
  it('agrees: the order is AGREED and the conditions carry the agreement', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w);
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
      include: { conditions: true, amhpAgreements: true },
    });
    expect(order.state).toBe('AGREED');
    expect(order.amhpAgreements[0]).toMatchObject({ decision: 'AGREED', agreesToConditions: true });
    expect(order.conditions.every((c) => c.kind === 'MANDATORY' || c.amhpAgreed)).toBe(true);
  });

  it('declines with reasons: the attempt ends and the reasons are kept', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await proposed(w);
    const result = await respondToMakingAgreement(
      w.amhpActor,
      {
        orderId,
        expectedVersion: '1',
        idempotencyKey: key(),
        decision: 'DECLINE',
        reasons: 'The patient has engaged informally for months; recall is not necessary.',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'DECLINED' } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
      include: { amhpAgreements: true, conditions: true },
    });
    expect(order.state).toBe('DECLINED');
    expect(order.endedAt).not.toBeNull();
    expect(order.amhpAgreements[0]?.reasons).toContain('recall is not necessary');
    expect(order.conditions.every((c) => c.status === 'ENDED')).toBe(true);
    // A new attempt is possible afterwards.
    expect(await proposeOrder(w.rcActor, partOne(w), { db })).toMatchObject({ ok: true });
  });

  it('refuses another AMHP, and a decline without reasons', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await proposed(w);
    const stranger = await orderWorld(db, { stage: 'NONE' });
    expect(
      await respondToMakingAgreement(
        stranger.amhpActor,
        {
          orderId,
          expectedVersion: '1',
          decision: 'AGREE',
          criteriaMet: 'yes',
          appropriate: 'yes',
          localAuthority: 'X',
        },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const bad = await respondToMakingAgreement(
      w.amhpActor,
      { orderId, expectedVersion: '1', decision: 'DECLINE', reasons: '' },
      { db },
    );
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!bad.ok) expect(bad.fieldErrors?.reasons).toBeTruthy();
  });
});

describe('making the order (CTO1 Part 3)', () => {
  it('refuses Part 3 before Part 2', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await proposed(w);
    const now = new Date();
    const result = await makeOrder(
      w.rcActor,
      {
        orderId,
        expectedVersion: '1',
        idempotencyKey: key(),
        signedAt: dateTimeFields(now),
        effectiveAt: dateTimeFields(now),
      },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(result).toMatchObject({ ok: false, code: 'REFUSED', reason: 'PART3_BEFORE_PART2' });
  });

  it('refuses a discretionary condition the AMHP did not agree', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w, false);
    const now = new Date(Date.now() + 120_000);
    const result = await makeOrder(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        signedAt: dateTimeFields(now),
        effectiveAt: dateTimeFields(now),
      },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'DISCRETIONARY_CONDITION_WITHOUT_AMHP',
    });
  });

  it('makes the order: in force, with its first period and clocks', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w);
    const now = new Date(Date.now() + 120_000);
    const input = {
      orderId,
      expectedVersion: String(await versionOf(db, orderId)),
      idempotencyKey: key(),
      signedAt: dateTimeFields(now),
      effectiveAt: dateTimeFields(now),
    };
    const preview = await previewMakeOrder(
      w.rcActor,
      { orderId, signedAt: now, effectiveAt: now },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(preview).toMatchObject({ ok: true });
    const result = await makeOrder(w.rcActor, input, { db, now: new Date(now.getTime() + 60_000) });
    expect(result).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: orderId },
      include: { periods: true, deadlines: true },
    });
    expect(order.state).toBe('ACTIVE');
    expect(order.madeOn).not.toBeNull();
    expect(order.currentExpiryDate).not.toBeNull();
    expect(order.periods).toHaveLength(1);
    expect(order.deadlines.map((d) => d.kind)).toEqual(
      expect.arrayContaining(['CTO_EXPIRY', 'EXTENSION_WINDOW', 'RIGHTS_INFORMATION']),
    );
    // Replayed, not made twice.
    const again = await makeOrder(w.rcActor, input, { db, now: new Date(now.getTime() + 90_000) });
    expect(again).toEqual(result);
    expect(await db.ctoEvent.count({ where: { orderId, type: 'MAKE' } })).toBe(1);
  });

  it('warns when the order is signed on one day and effective on a later one', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w);
    const now = new Date(Date.now() + 120_000);
    const later = new Date(now.getTime() + 3 * 86_400_000);
    const preview = await previewMakeOrder(
      w.rcActor,
      { orderId, signedAt: now, effectiveAt: later },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.warnings.join(' ')).toMatch(/differ|effective/i);
    const result = await makeOrder(
      w.rcActor,
      {
        orderId,
        expectedVersion: String(await versionOf(db, orderId)),
        idempotencyKey: key(),
        signedAt: dateTimeFields(now),
        effectiveAt: dateTimeFields(later),
        confirmed: 'yes',
      },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'AWAITING_EFFECT' } });
  });

  it('lets one of two concurrent makes through; the other is told the order changed', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w);
    const now = new Date(Date.now() + 120_000);
    const version = String(await versionOf(db, orderId));
    const input = () => ({
      orderId,
      expectedVersion: version,
      idempotencyKey: key(),
      signedAt: dateTimeFields(now),
      effectiveAt: dateTimeFields(now),
    });
    const results = await Promise.all([
      makeOrder(w.rcActor, input(), { db, now: new Date(now.getTime() + 60_000) }),
      makeOrder(w.rcActor, input(), { db, now: new Date(now.getTime() + 60_000) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: CONFLICT_MESSAGE,
    });
    expect(await db.ctoEvent.count({ where: { orderId, type: 'MAKE' } })).toBe(1);
  });

  it('a stale version is a conflict and rolls everything back (no event, no form change, no success audit)', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await agreed(w);
    const now = new Date(Date.now() + 120_000);
    const stale = String((await versionOf(db, orderId)) - 1);
    const result = await makeOrder(
      w.rcActor,
      {
        orderId,
        expectedVersion: stale,
        idempotencyKey: key(),
        signedAt: dateTimeFields(now),
        effectiveAt: dateTimeFields(now),
      },
      { db, now: new Date(now.getTime() + 60_000) },
    );
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: CONFLICT_MESSAGE });
    expect(await db.ctoEvent.count({ where: { orderId, type: 'MAKE' } })).toBe(0);
    const cto1 = await db.statutoryForm.findFirstOrThrow({ where: { orderId, type: 'CTO1' } });
    expect((cto1.facts as Record<string, unknown>).part3).toBeUndefined();
    expect(
      await db.auditEvent.count({
        where: { action: 'order.make', entityId: orderId, outcome: 'SUCCESS' },
      }),
    ).toBe(0);
    expect(
      await db.auditEvent.count({
        where: {
          action: 'order.make',
          outcome: 'FAILURE',
          reason: 'STALE_VERSION',
          userId: w.rc.id,
        },
      }),
    ).toBe(1);
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.state).toBe('AGREED');
  });
});

describe('withdrawing a proposal', () => {
  it('ends the attempt and withdraws the AMHP request', async () => {
    const w = await orderWorld(db, { stage: 'NONE' });
    const orderId = await proposed(w);
    const result = await withdrawProposal(
      w.rcActor,
      {
        orderId,
        expectedVersion: '1',
        idempotencyKey: key(),
        reason: 'Patient agreed informal admission.',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'DECLINED' } });
    const agreement = await db.amhpAgreement.findFirstOrThrow({ where: { orderId } });
    expect(agreement.decision).toBe('WITHDRAWN');
  });
});
