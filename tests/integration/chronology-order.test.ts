// The chronology tells the truth (issue 9, part 4), against rows written the way the services
// write them: the RC's examination done on 4 December but typed in on 7 December at 15:46, the
// CTO7 furnished and received that afternoon, and the managers' review of the extension held on
// 7 December (its log row AND its hearing row). The query must date the examination on the day
// it happened with "recorded on ... by ..." beside it, show the review once, after the CTO7 it
// reviewed, oldest first by default and exactly reversed when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getChronology, type ChronologyEntry } from '@/lib/server/queries/get-chronology';
import { addCalendarDays, londonDateOf, londonTime, toDbDate } from '@/lib/server/dates';
import { createCtoFixture, createUser, type CtoFixture } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';

let db: PrismaClient;
let fx: CtoFixture;
const now = new Date();
const typedOn = addCalendarDays(londonDateOf(now), -3);
const examinedOn = addCalendarDays(typedOn, -3);
const madeOn = addCalendarDays(londonDateOf(now), -150);
let officeName: string;
let rcName: string;
let reviewEventId: string;

async function event(
  type: Parameters<PrismaClient['ctoEvent']['create']>[0]['data']['type'],
  at: Date,
  recordedById: string,
  facts: Record<string, unknown> = {},
) {
  const row = await db.ctoEvent.create({
    data: {
      orderId: fx.order!.id,
      patientId: fx.patientId,
      type,
      occurredAt: at,
      recordedAt: at,
      recordedById,
      facts: facts as object,
    },
    select: { id: true },
  });
  return row.id;
}

beforeAll(async () => {
  db = testDb();
  fx = await createCtoFixture(db, { madeOn, now });
  const office = await createUser(db, { roles: ['MHA_ADMINISTRATOR'], name: 'Office Person' });
  officeName = office.name;
  rcName = fx.rc.name;
  // What record-extension-examination writes: occurredAt = the moment it was typed in.
  await event('EXAMINE_FOR_EXTENSION', londonTime(typedOn, 15, 46), fx.rc.id, {
    examinedOn,
  });
  await event('FURNISH_CTO7', londonTime(typedOn, 15, 50), fx.rc.id);
  await event('MANAGERS_RECEIVE_CTO7', londonTime(typedOn, 16, 5), office.id);
  // What record-managers-review writes: the hearing row, and the log row at midday that day.
  const hearing = await db.managersHearing.create({
    data: {
      patientId: fx.patientId,
      orderId: fx.order!.id,
      reason: 'EXTENSION_REVIEW',
      scheduledAt: londonTime(typedOn, 12, 0),
      heldOn: toDbDate(typedOn),
      panel: 'A Member, B Member, C Member',
      panelMembers: ['A Member', 'B Member', 'C Member'],
      outcome: 'CONTINUE',
      decisionOn: toDbDate(typedOn),
    },
    select: { id: true },
  });
  reviewEventId = await event('MANAGERS_REVIEW_EXTENSION', londonTime(typedOn, 12, 0), office.id, {
    hearingId: hearing.id,
    heldOn: typedOn,
  });
});

afterAll(async () => {
  await db.$disconnect();
});

const titled = (entries: ChronologyEntry[], text: string) =>
  entries.filter((e) => e.title.toLowerCase().includes(text.toLowerCase()));

describe('the chronology tells the truth', () => {
  it('dates an event when it happened, with when and by whom it was recorded', async () => {
    const { entries } = await getChronology({ actor: actorOf(fx.cc), client: db }, fx.patientId);
    const [exam] = titled(entries, 'examin');
    expect(exam?.at).toBe(examinedOn);
    expect(exam?.recorded?.at).toEqual(londonTime(typedOn, 15, 46));
    expect(exam?.recorded?.by).toBe(rcName);
  });

  it('shows the managers’ review once, after the CTO7 it reviewed', async () => {
    const { entries } = await getChronology({ actor: actorOf(fx.cc), client: db }, fx.patientId);
    const reviews = entries.filter((e) => e.kind === 'hearing');
    expect(reviews).toHaveLength(1);
    const order = entries.map((e) => e.id);
    const received = entries.findIndex(
      (e) => e.source.table === 'CtoEvent' && /receiv/i.test(e.title),
    );
    const furnished = entries.findIndex(
      (e) => e.source.table === 'CtoEvent' && /furnish/i.test(e.title),
    );
    const review = order.indexOf(reviews[0]!.id);
    expect(furnished).toBeGreaterThanOrEqual(0);
    expect(received).toBeGreaterThan(furnished);
    expect(review).toBeGreaterThan(received);
    // Recorded by the office, from the log row that tells the same review.
    expect(reviews[0]?.recorded?.by).toBe(officeName);
  });

  it('is oldest first by default and exactly reversed when asked', async () => {
    const actor = actorOf(fx.cc);
    const oldest = await getChronology({ actor, client: db }, fx.patientId);
    const newest = await getChronology({ actor, client: db }, fx.patientId, {
      direction: 'newest-first',
    });
    expect(newest.entries.map((e) => e.id)).toEqual(oldest.entries.map((e) => e.id).reverse());
    const days = oldest.entries.map((e) => (typeof e.at === 'string' ? e.at : londonDateOf(e.at)));
    expect([...days].sort()).toEqual(days);
  });

  it('shows a review entered in error once, struck through, and the hearing as not held', async () => {
    await db.ctoEvent.update({
      where: { id: reviewEventId },
      data: { enteredInErrorAt: now, enteredInErrorReason: 'Wrong date' },
    });
    const hearing = await db.managersHearing.findFirstOrThrow({
      where: { patientId: fx.patientId },
    });
    // As mark-event-entered-in-error does (decision 402): the hearing is put back to not held.
    await db.managersHearing.update({
      where: { id: hearing.id },
      data: { heldOn: null, outcome: null, decisionOn: null },
    });
    const { entries } = await getChronology({ actor: actorOf(fx.cc), client: db }, fx.patientId);
    const inError = entries.filter((e) => e.enteredInError);
    expect(inError).toHaveLength(1);
    expect(inError[0]).toMatchObject({ at: typedOn, kind: 'hearing' });
    expect(inError[0]?.enteredInError).toMatchObject({ reason: 'Wrong date' });
    expect(entries.filter((e) => /managers' hearing listed/i.test(e.title))).toHaveLength(1);
  });
});
