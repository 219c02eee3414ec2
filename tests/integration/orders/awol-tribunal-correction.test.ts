// AWOL (s18, s21(4)), tribunal events (C7, C9) and corrections of the latest event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { londonDateOf } from '@/lib/server/dates';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import { recordRecallDetention } from '@/lib/server/services/record-recall-detention';
import { recordAwolBegins, recordAwolEnds } from '@/lib/server/services/record-awol';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { recordTribunalHearing } from '@/lib/server/services/record-tribunal-hearing';
import { markEventEnteredInError } from '@/lib/server/services/mark-event-entered-in-error';
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

async function submission(w: OrderWorld) {
  return {
    orderId: w.orderId,
    expectedVersion: String(await versionOf(db, w.orderId)),
    idempotencyKey: key(),
  };
}

async function recall(w: OrderWorld, servedMinutesAgo: number, now = new Date()) {
  const r = await serveRecallNotice(
    w.rc,
    {
      ...(await submission(w)),
      ground: 'RISK_OF_HARM',
      reasons: 'Relapse.',
      hospitalId: w.hospitalId,
      method: 'HANDED_TO_PATIENT',
      social: socialInput(),
      servedAt: dateTime(minutesBefore(now, servedMinutesAgo)),
    },
    { db, now },
  );
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

async function latestEventId(orderId: string) {
  const e = await db.ctoEvent.findFirstOrThrow({
    where: { orderId, enteredInErrorAt: null },
    orderBy: [{ recordedAt: 'desc' }, { occurredAt: 'desc' }],
  });
  return e.id;
}

describe('absence without leave', () => {
  it('not recalled: AWOL is refused (a community patient who is not recalled cannot be AWOL)', async () => {
    const w = await orderWorld(db);
    const result = await recordAwolBegins(
      w.mha,
      { ...(await submission(w)), at: dateTime(minutesBefore(new Date(), 5)) },
      { db },
    );
    expect(result).toMatchObject({ ok: false, reason: 'NOT_RECALLED' });
  });

  it('fails to attend after the notice; returned by the police: detention begins at the return and the 72 hours run from it', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    await recall(w, 300, now);
    const away = await recordAwolBegins(
      w.mha,
      { ...(await submission(w)), at: dateTime(minutesBefore(now, 240)) },
      { db, now },
    );
    expect(away).toMatchObject({ ok: true, data: { state: 'AWOL' } });
    const back = minutesBefore(now, 30);
    const returned = await recordAwolEnds(
      w.rc,
      { ...(await submission(w)), at: dateTime(back), how: 'TAKEN_INTO_CUSTODY' },
      { db, now },
    );
    expect(returned).toMatchObject({ ok: true, data: { state: 'RECALLED' } });
    if (!returned.ok) throw new Error('unreachable');
    expect(returned.data.deadlineAt).toBe(new Date(back.getTime() + 72 * 3_600_000).toISOString());
    const row = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(row.detentionBeganAt?.toISOString()).toBe(back.toISOString());
    const episode = await db.awolEpisode.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(episode).toMatchObject({ returnHow: 'TAKEN_INTO_CUSTODY' });

    // The return entered in error: the patient is AWOL again, the detention time is gone.
    const corrected = await markEventEnteredInError(
      w.mha,
      {
        ...(await submission(w)),
        eventId: await latestEventId(w.orderId),
        reason: 'Wrong patient returned.',
        confirm: 'yes',
      },
      { db, now },
    );
    expect(corrected).toMatchObject({ ok: true, data: { state: 'AWOL', type: 'AWOL_ENDS' } });
    const again = await db.recall.findFirstOrThrow({ where: { orderId: w.orderId } });
    expect(again.detentionBeganAt).toBeNull();
    expect(
      (await db.awolEpisode.findFirstOrThrow({ where: { orderId: w.orderId } })).returnedAt,
    ).toBeNull();
  });
});

describe('tribunal events', () => {
  it('an application received: the case with its documents date (C7); a hearing that did not discharge', async () => {
    const w = await orderWorld(db);
    const today = londonDateOf(new Date());
    const opened = await recordTribunalCase(
      w.mha,
      {
        ...(await submission(w)),
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        basis: 's66(1)(ca)',
        receivedOn: dateParts(today),
        patientIsInpatient: 'no',
      },
      { db },
    );
    expect(opened).toMatchObject({ ok: true, data: { nursingReportRequired: false } });
    if (!opened.ok) throw new Error('unreachable');
    const row = await db.tribunalCase.findUniqueOrThrow({ where: { id: opened.data.caseId } });
    expect(row.documentsDueOn.toISOString().slice(0, 10)).toBe(opened.data.documentsDueOn);
    expect(
      await db.deadline.count({
        where: { orderId: w.orderId, kind: 'TRIBUNAL_DOCUMENTS', status: 'OPEN' },
      }),
    ).toBe(1);

    const heard = await recordTribunalHearing(
      w.mha,
      { ...(await submission(w)), caseId: opened.data.caseId, heldOn: dateParts(today) },
      { db },
    );
    expect(heard).toMatchObject({ ok: true });
    if (!heard.ok) throw new Error('unreachable');
    expect(heard.data.periodicReferenceDue).not.toBeNull();
    const decided = await db.tribunalCase.findUniqueOrThrow({ where: { id: opened.data.caseId } });
    expect(decided.status).toBe('DECIDED');
  });

  it('a recalled patient is an in-patient: a nursing report is required', async () => {
    const w = await orderWorld(db);
    const now = new Date();
    await recall(w, 60, now);
    await recordRecallDetention(
      w.mha,
      { ...(await submission(w)), detentionBeganAt: dateTime(minutesBefore(now, 30)) },
      { db, now },
    );
    const opened = await recordTribunalCase(
      w.mha,
      {
        ...(await submission(w)),
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        basis: 's66(1)(ca)',
        receivedOn: dateParts(londonDateOf(now)),
        patientIsInpatient: 'no',
      },
      { db, now },
    );
    expect(opened).toMatchObject({ ok: true, data: { nursingReportRequired: true } });
  });

  it('only the MHA office records tribunal events', async () => {
    const w = await orderWorld(db);
    const result = await recordTribunalCase(
      w.rc,
      {
        ...(await submission(w)),
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        basis: 's66(1)(ca)',
        receivedOn: dateParts(londonDateOf(new Date())),
        patientIsInpatient: 'no',
      },
      { db },
    );
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('entered in error', () => {
  it('a recall entered in error: the recall and its CTO3 are marked, never deleted; the order is ACTIVE again', async () => {
    const w = await orderWorld(db);
    const served = await recall(w, 10);
    const eventId = await latestEventId(w.orderId);
    const result = await markEventEnteredInError(
      w.mha,
      {
        ...(await submission(w)),
        eventId,
        reason: 'Recorded against the wrong patient.',
        confirm: ['yes'],
      },
      { db },
    );
    expect(result).toMatchObject({ ok: true, data: { state: 'ACTIVE' } });
    const row = await db.recall.findUniqueOrThrow({ where: { id: served.recallId } });
    expect(row.enteredInErrorAt).not.toBeNull();
    expect(row.enteredInErrorReason).toBe('Recorded against the wrong patient.');
    const event = await db.ctoEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event).toMatchObject({ enteredInErrorReason: 'Recorded against the wrong patient.' });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    expect(order.state).toBe('ACTIVE');
    // A new recall can now be recorded.
    await recall(w, 5);
    expect(await db.recall.count({ where: { orderId: w.orderId, enteredInErrorAt: null } })).toBe(
      1,
    );
  });

  it('only the latest event; only the MHA office; a reason is required', async () => {
    const w = await orderWorld(db);
    await recall(w, 10);
    const first = await db.ctoEvent.findFirstOrThrow({
      where: { orderId: w.orderId },
      orderBy: { recordedAt: 'asc' },
    });
    const notLatest = await markEventEnteredInError(
      w.mha,
      { ...(await submission(w)), eventId: first.id, reason: 'x', confirm: 'yes' },
      { db },
    );
    expect(notLatest).toMatchObject({ ok: false, reason: 'NOT_LATEST_EVENT' });
    const rc = await markEventEnteredInError(
      w.rc,
      {
        ...(await submission(w)),
        eventId: await latestEventId(w.orderId),
        reason: 'x',
        confirm: 'yes',
      },
      { db },
    );
    expect(rc).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const noReason = await markEventEnteredInError(
      w.mha,
      { ...(await submission(w)), eventId: await latestEventId(w.orderId), reason: ' ' },
      { db },
    );
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (noReason.ok) throw new Error('unreachable');
    expect(Object.keys(noReason.fieldErrors ?? {}).sort()).toEqual(['confirm', 'reason']);
  });
});
