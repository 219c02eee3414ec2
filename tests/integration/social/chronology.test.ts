// The patient's chronology (issue 5, part 3): every kind of entry, oldest first, filterable,
// entries entered in error kept and flagged; scoped by the actor and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import {
  CHRONOLOGY_KINDS,
  getChronology,
  parseChronologyParams,
  type ChronologyEntry,
} from '@/lib/server/queries/get-chronology';
import { NotFound } from '@/lib/server/queries/access';
import { recordContact } from '@/lib/server/services/record-contact';
import { recordSocialReview } from '@/lib/server/services/record-social-review';
import { recordQualityOfLife } from '@/lib/server/services/record-quality-of-life';
import { markContactEnteredInError } from '@/lib/server/services/mark-entered-in-error-contact';
import { addCalendarDays, londonDateOf, londonTime } from '@/lib/server/dates';
import {
  beginRecallDetention,
  createCtoFixture,
  createManagersHearing,
  createTribunalCase,
  createTribunalHearing,
  createUser,
  giveCertificate,
  recallOrder,
  recordRightsInformation,
  revokeOrder,
  varyCondition,
  type CtoFixture,
} from '@/tests/factories';
import { testDb } from '../support/db';
import { actorOf } from '../support/world';
import { contactInput, qolInput, reviewInput } from './support';

let db: PrismaClient;
let fx: CtoFixture;
let contactInErrorId: string;
const now = new Date();
const madeOn = addCalendarDays(londonDateOf(now), -120);

beforeAll(async () => {
  db = testDb();
  fx = await createCtoFixture(db, { madeOn, now });
  const order = fx.order;
  if (!order) throw new Error('no order');
  await recordRightsInformation(
    db,
    {
      patientId: fx.patientId,
      orderId: order.id,
      trigger: 'MAKING',
      givenAt: londonTime(madeOn, 16),
      givenById: fx.cc.id,
    },
    order,
  );
  const firstCondition = order.conditions.find((c) => c.kind === 'DISCRETIONARY');
  if (firstCondition) {
    await varyCondition(db, order, {
      conditionId: firstCondition.id,
      at: londonTime(addCalendarDays(madeOn, 10), 11),
      wording: 'To live at 4 Harbour Road, or where the care team agrees.',
      reason: 'Moved to supported accommodation',
    });
  }
  await giveCertificate(db, order, {
    type: 'CTO12',
    givenOn: addCalendarDays(madeOn, 20),
    certifierName: 'Dr Example',
    certifierId: fx.rc.id,
  });
  const tribunalId = await createTribunalCase(
    db,
    {
      patientId: fx.patientId,
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(ca)',
      madeOn: addCalendarDays(madeOn, 30),
    },
    order,
  );
  await createTribunalHearing(db, {
    caseId: tribunalId,
    scheduledAt: londonTime(addCalendarDays(madeOn, 60), 10),
    heldOn: addCalendarDays(madeOn, 60),
    outcome: 'NOT_DISCHARGED',
  });
  await createManagersHearing(db, {
    patientId: fx.patientId,
    orderId: order.id,
    reason: 'PATIENT_REQUEST',
    scheduledAt: londonTime(addCalendarDays(madeOn, 70), 14),
    heldOn: addCalendarDays(madeOn, 70),
    outcome: 'CONTINUE',
  });
  const served = londonTime(addCalendarDays(madeOn, 90), 9);
  const recall = await recallOrder(db, order, {
    hospitalId: fx.hospitalId,
    reasons: 'Stopped medication; relapse signs.',
    noticeSignedAt: served,
    servedOrPostedAt: served,
  });
  await beginRecallDetention(db, order, recall, {
    at: londonTime(addCalendarDays(madeOn, 90), 12),
  });
  await revokeOrder(db, order, recall, {
    amhpId: fx.amhp.id,
    amhpAgreedAt: londonTime(addCalendarDays(madeOn, 91), 10),
    revokedAt: londonTime(addCalendarDays(madeOn, 91), 11),
    rcReasons: 'Needs treatment in hospital.',
  });
  // A discharge row on the same (now revoked) order: the chronology only reads what is there.
  await db.discharge.create({
    data: {
      orderId: order.id,
      route: 'TRIBUNAL',
      orderedAt: londonTime(addCalendarDays(madeOn, 100), 15),
      effectiveAt: londonTime(addCalendarDays(madeOn, 100), 15),
      reasons: 'Tribunal test entry',
    },
  });
  const cc = actorOf(fx.cc);
  const review = await recordSocialReview(
    cc,
    fx.patientId,
    reviewInput({ ACCOMMODATION: { rating: 'SERIOUS_CONCERN', significance: 'MAJOR' } }),
    { db },
  );
  if (!review.ok) throw new Error(JSON.stringify(review));
  const contact = await recordContact(cc, fx.patientId, contactInput(), { db });
  const wrong = await recordContact(
    cc,
    fx.patientId,
    contactInput({ summary: 'Wrong patient note' }),
    { db },
  );
  if (!contact.ok || !wrong.ok) throw new Error('contact not recorded');
  contactInErrorId = wrong.data.contactId;
  const marked = await markContactEnteredInError(
    cc,
    contactInErrorId,
    { reason: 'Wrong patient' },
    { db },
  );
  if (!marked.ok) throw new Error('not marked');
  const qol = await recordQualityOfLife(cc, fx.patientId, qolInput(), { db });
  if (!qol.ok) throw new Error('qol not recorded');
});

afterAll(async () => {
  await db.$disconnect();
});

// Oldest first by default (issue 9, part 4): days never go backwards; within a day,
// lib/chronology places entries known only by their day (tested in tests/unit).
const oldestFirst = (entries: ChronologyEntry[]) =>
  entries.every((e, i) => {
    const next = entries[i + 1];
    if (!next) return true;
    const day = (x: ChronologyEntry) => (typeof x.at === 'string' ? x.at : londonDateOf(x.at));
    return day(e) <= day(next);
  });

describe('the chronology', () => {
  it('tells the whole story, every kind, oldest first, and audits the read', async () => {
    const actor = actorOf(fx.cc);
    const { entries, patient } = await getChronology({ actor, client: db }, fx.patientId);
    expect(patient.id).toBe(fx.patientId);
    const kinds = new Set(entries.map((e) => e.kind));
    // Every kind the order's life writes; 'record' (edits of the patient's record) has its own
    // test in tests/integration/patients/register-and-edit.test.ts.
    for (const kind of CHRONOLOGY_KINDS.filter((k) => k !== 'record')) {
      expect(kinds, `kind ${kind}`).toContain(kind);
    }
    expect(oldestFirst(entries)).toBe(true);

    const titles = entries.map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Section 3 began',
        'Community treatment order made',
        'First period of the order began',
        'Condition varied',
        'Recalled to hospital: notice served',
        'Detained in hospital after recall',
        'Recall ended: order revoked',
        'Community treatment order revoked',
        'Social factors assessed: review',
        'Quality of life: ReQoL-10 score 27 out of 40',
      ]),
    );
    expect(entries.find((e) => e.title === 'Community treatment order made')?.form).toBe('CTO1');
    expect(entries.find((e) => e.kind === 'revocation' && e.form === 'CTO5')).toBeDefined();
    expect(entries.find((e) => e.kind === 'social')?.detail).toContain('Serious concern: housing.');

    const inError = entries.find((e) => e.source.id === contactInErrorId);
    expect(inError?.enteredInError).toMatchObject({ reason: 'Wrong patient' });
    const ok = entries.find((e) => e.kind === 'contact' && e.source.id !== contactInErrorId);
    expect(ok?.enteredInError).toBeUndefined();
    expect(ok?.by).toBe(fx.cc.name);

    const read = await db.auditEvent.findFirstOrThrow({
      where: { action: 'chronology.read', userId: fx.cc.id, patientId: fx.patientId },
      orderBy: { id: 'desc' },
    });
    expect(read.outcome).toBe('SUCCESS');
  });

  it('places an assessment made with a decision at the moment of that decision', async () => {
    const revoke = await db.ctoEvent.findFirstOrThrow({
      where: { orderId: fx.order!.id, type: 'REVOKE' },
    });
    const assessment = await db.socialFactorAssessment.create({
      data: {
        patientId: fx.patientId,
        orderId: fx.order!.id,
        decisionPoint: 'REVOCATION',
        decisionEventId: revoke.id,
        assessedOn: revoke.occurredAt,
        assessedById: fx.rc.id,
      },
    });
    const { entries } = await getChronology({ actor: actorOf(fx.cc), client: db }, fx.patientId);
    const entry = entries.find((e) => e.source.id === assessment.id);
    expect(entry?.at).toEqual(revoke.occurredAt);
    // Beside the revocation, not above the day's later entries as a date-only entry would be.
    const revokedAt = entries.findIndex((e) => e.title === 'Community treatment order revoked');
    const assessedAt = entries.findIndex((e) => e.source.id === assessment.id);
    expect(Math.abs(revokedAt - assessedAt)).toBeLessThanOrEqual(2);
    expect(oldestFirst(entries)).toBe(true);
  });

  it('filters by kind and by date', async () => {
    const actor = actorOf(fx.cc);
    const recalls = await getChronology({ actor, client: db }, fx.patientId, { kinds: ['recall'] });
    expect(recalls.entries.length).toBeGreaterThanOrEqual(3);
    expect(recalls.entries.every((e) => e.kind === 'recall')).toBe(true);

    const from = addCalendarDays(madeOn, 89);
    const to = addCalendarDays(madeOn, 92);
    const window = await getChronology({ actor, client: db }, fx.patientId, { from, to });
    expect(window.entries.length).toBeGreaterThan(0);
    for (const e of window.entries) {
      const day = typeof e.at === 'string' ? e.at : londonDateOf(e.at);
      expect(day >= from && day <= to).toBe(true);
    }
    expect(window.entries.some((e) => e.kind === 'revocation')).toBe(true);
    expect(window.entries.some((e) => e.kind === 'contact')).toBe(false);
  });

  it('is not there for someone outside the team, and the attempt is audited as denied', async () => {
    const other = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] });
    await expect(
      getChronology({ actor: actorOf(other), client: db }, fx.patientId),
    ).rejects.toThrow(NotFound);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'chronology.read', userId: other.id },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({
      outcome: 'DENIED',
      reason: 'outside-scope',
      patientId: fx.patientId,
    });
  });

  it('is there for the MHA office (trust-wide) and refused to the system administrator', async () => {
    const office = await createUser(db, { roles: ['MHA_ADMINISTRATOR'] });
    const { entries } = await getChronology({ actor: actorOf(office), client: db }, fx.patientId);
    expect(entries.length).toBeGreaterThan(10);
    const admin = await createUser(db, { roles: ['SYSTEM_ADMINISTRATOR'] });
    await expect(
      getChronology({ actor: actorOf(admin), client: db }, fx.patientId),
    ).rejects.toThrow();
  });
});

describe('the chronology page’s filter', () => {
  it('reads kinds and dates from the query string, with messages for bad dates', () => {
    const parsed = parseChronologyParams({
      'kinds[]': ['recall', 'nonsense', 'contact'],
      'from.day': '1',
      'from.month': '2',
      'from.year': '2026',
      'to.day': '31',
      'to.month': '1',
      'to.year': '2026',
    });
    expect(parsed.filter.kinds).toEqual(['recall', 'contact']);
    expect(parsed.filter.from).toBe('2026-02-01');
    expect(parsed.errors.to).toBe('The end date must be the same as or after the start date');
    expect(parsed.filter.to).toBeUndefined();
    expect(
      parseChronologyParams({ 'from.day': '30', 'from.month': '2', 'from.year': '2026' }).errors
        .from,
    ).toBe('The start date must be a real date');
  });
});
