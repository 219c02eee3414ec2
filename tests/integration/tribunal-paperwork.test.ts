// Tribunal paperwork end to end against a real database (issue 9, part 1): a case lists the
// documents it needs with authors and the r32(6) due date; authors move their own documents;
// the MHA office marks them sent and the "still to send" deadline closes; a late one is marked
// late; a second application in the period is refused (s77(2)); a hearing is diarised in the
// future; a managers' panel of two is refused (s23(4)); a coordinator of another team gets 404
// and a denied audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addDays, londonInstant } from '@/lib/cto';
import { londonDateOf } from '@/lib/server/dates';
import { NotFound } from '@/lib/server/queries/access';
import {
  getTribunalCase,
  listMyTribunalDocuments,
  listTribunalDocuments,
} from '@/lib/server/queries/tribunal-paperwork';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { updateTribunalDocument } from '@/lib/server/services/update-tribunal-document';
import { diariseTribunalHearing } from '@/lib/server/services/diarise-tribunal-hearing';
import { recordWrittenStatement } from '@/lib/server/services/record-written-statement';
import { createUser } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';
import {
  dateParts,
  dateTime,
  key,
  orderWorld,
  versionOf,
  type OrderWorld,
} from './orders/part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

async function openCase(
  w: OrderWorld,
  receivedOn: string,
  extra: Record<string, unknown> = {},
  now = new Date(),
) {
  return recordTribunalCase(
    w.mha,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      kind: 'REFERENCE',
      applicant: 'HOSPITAL_MANAGERS',
      basis: 's68(6)',
      receivedOn: dateParts(receivedOn),
      patientIsInpatient: 'no',
      ...extra,
    },
    { db, now },
  );
}

const move = (actor: OrderWorld['mha'], documentId: string, status: string, now?: Date) =>
  updateTribunalDocument(actor, { documentId, status, idempotencyKey: key() }, { db, now });

describe('a tribunal case and its documents', () => {
  it('lists the documents it needs, with authors and the r32(6) due date', async () => {
    const w = await orderWorld(db);
    const today = londonDateOf(new Date());
    const opened = await openCase(w, today);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const docs = await db.tribunalDocument.findMany({ where: { caseId: opened.data.caseId } });
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'RC_REPORT',
      'RESPONSIBLE_AUTHORITY_STATEMENT',
      'SOCIAL_CIRCUMSTANCES_REPORT',
    ]);
    expect(docs.find((d) => d.kind === 'RC_REPORT')?.authorId).toBe(w.rc.userId);
    expect(docs.find((d) => d.kind === 'SOCIAL_CIRCUMSTANCES_REPORT')?.authorId).toBe(w.cc.userId);
    for (const d of docs) {
      expect(d.status).toBe('REQUESTED');
      expect(d.dueOn?.toISOString().slice(0, 10)).toBe(opened.data.documentsDueOn);
    }
    // The RC sees their report in their reminder list.
    const mine = await listMyTribunalDocuments({
      actor: { ...w.rc, name: 'RC' } as never,
      client: db,
    });
    expect(mine.map((d) => d.kind)).toContain('RC_REPORT');
  });

  it('authors move their own documents; the MHA office sends them and the deadline closes', async () => {
    const w = await orderWorld(db);
    const opened = await openCase(w, londonDateOf(new Date()));
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const docs = await db.tribunalDocument.findMany({ where: { caseId: opened.data.caseId } });
    const rcReport = docs.find((d) => d.kind === 'RC_REPORT')!;
    const scr = docs.find((d) => d.kind === 'SOCIAL_CIRCUMSTANCES_REPORT')!;
    expect(await move(w.rc, rcReport.id, 'DRAFTING')).toMatchObject({ ok: true });
    expect(await move(w.rc, rcReport.id, 'READY_FOR_SIGN_OFF')).toMatchObject({ ok: true });
    // An author signs on the report's page (name, role, date), not by moving the status.
    expect(await move(w.rc, rcReport.id, 'SIGNED')).toMatchObject({
      ok: false,
      reason: 'SIGN_ON_THE_REPORT',
    });
    // Not theirs; and only the office sends.
    expect(await move(w.rc, scr.id, 'DRAFTING')).toMatchObject({
      ok: false,
      reason: 'NOT_THE_AUTHOR',
    });
    expect(await move(w.rc, rcReport.id, 'SENT')).toMatchObject({
      ok: false,
      reason: 'ONLY_OFFICE_SENDS',
    });
    expect(await move(w.rc, rcReport.id, 'REQUESTED')).toMatchObject({
      ok: false,
      reason: 'DOCUMENT_STEP_BACK',
    });
    const openDeadline = () =>
      db.deadline.count({
        where: { orderId: w.orderId, kind: 'TRIBUNAL_DOCUMENTS', status: 'OPEN' },
      });
    expect(await openDeadline()).toBe(1);
    for (const d of docs) {
      const sent = await move(w.mha, d.id, 'SENT');
      expect(sent).toMatchObject({ ok: true });
    }
    expect(await openDeadline()).toBe(0);
    const last = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal.document-status', entityId: docs[docs.length - 1]!.id },
      orderBy: { id: 'desc' },
    });
    expect(last.metadata).toMatchObject({ to: 'SENT', caseDeadlineClosed: true });
    const row = await db.tribunalDocument.findUniqueOrThrow({ where: { id: rcReport.id } });
    expect(row.draftingAt).not.toBeNull();
    expect(row.readyAt).not.toBeNull();
    expect(row.sentAt).not.toBeNull();
  });

  it('marks a document sent after the due day late, with how late', async () => {
    const now = new Date();
    const w = await orderWorld(db, { madeOn: addDays(londonDateOf(now), -90) });
    const receivedOn = addDays(londonDateOf(now), -40);
    const opened = await openCase(w, receivedOn, {}, now);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const [doc] = await db.tribunalDocument.findMany({
      where: { caseId: opened.data.caseId, kind: 'RESPONSIBLE_AUTHORITY_STATEMENT' },
    });
    await move(w.mha, doc!.id, 'SENT', now);
    const view = await getTribunalCase(
      { actor: w.mha as never, client: db, now },
      w.patientId,
      opened.data.caseId,
    );
    const sent = view.documents.find((d) => d.id === doc!.id);
    expect(sent?.lateness?.late).toBe(true);
    expect(sent?.lateness?.daysLate).toBeGreaterThanOrEqual(1);
    expect(sent?.lateness?.describe).toMatch(/days? late/);
    // Not yet sent and past the due day: late too, counted to now.
    expect(view.documents.filter((d) => d.lateness).length).toBe(3);
    const office = await listTribunalDocuments({ actor: w.mha as never, client: db, now });
    expect(office.some((d) => d.caseId === opened.data.caseId)).toBe(true);
  });

  it('refuses a second application by the patient in the same period (s77(2))', async () => {
    const w = await orderWorld(db);
    const today = londonDateOf(new Date());
    const first = await openCase(w, today, {
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(ca)',
    });
    expect(first.ok).toBe(true);
    const second = await openCase(w, today, {
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(ca)',
    });
    expect(second).toMatchObject({ ok: false, reason: 'SECOND_APPLICATION_IN_PERIOD' });
    const reference = await openCase(w, today);
    expect(reference.ok).toBe(true);
    if (reference.ok)
      expect(reference.data.warnings.map((x) => x.code)).toContain('CASE_ALREADY_IN_PERIOD');
  });

  it('diarises a hearing in the future and refuses one in the past; records the r35 statement', async () => {
    const w = await orderWorld(db);
    const today = londonDateOf(new Date());
    const opened = await openCase(w, today);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const future = londonInstant(addDays(today, 20), 10, 30);
    const ok = await diariseTribunalHearing(
      w.mha,
      {
        caseId: opened.data.caseId,
        scheduledAt: dateTime(future),
        mode: 'VIDEO',
        idempotencyKey: key(),
      },
      { db },
    );
    expect(ok).toMatchObject({ ok: true });
    const past = await diariseTribunalHearing(
      w.mha,
      {
        caseId: opened.data.caseId,
        scheduledAt: dateTime(londonInstant(addDays(today, -1), 10, 0)),
        mode: 'IN_PERSON',
        venue: 'Room 2',
        idempotencyKey: key(),
      },
      { db },
    );
    expect(past).toMatchObject({ ok: false, reason: 'HEARING_NOT_IN_FUTURE' });
    const noVenue = await diariseTribunalHearing(
      w.mha,
      {
        caseId: opened.data.caseId,
        scheduledAt: dateTime(future),
        mode: 'IN_PERSON',
        idempotencyKey: key(),
      },
      { db },
    );
    expect(noVenue).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const statement = await recordWrittenStatement(
      w.mha,
      { caseId: opened.data.caseId, receivedOn: dateParts(today), idempotencyKey: key() },
      { db },
    );
    expect(statement.ok).toBe(true);
    const view = await getTribunalCase(
      { actor: w.mha as never, client: db },
      w.patientId,
      opened.data.caseId,
    );
    expect(view.hearings).toHaveLength(1);
    expect(view.hearings[0]).toMatchObject({ mode: 'VIDEO' });
    expect(view.paperDecision.possible).toBe(true);
    expect(view.paperDecision.legalReview).toMatch(/legal lead/);
  });
});

describe('permissions', () => {
  it('a coordinator of another team gets 404 and a denied audit row', async () => {
    const w = await orderWorld(db);
    const opened = await openCase(w, londonDateOf(new Date()));
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const other = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] });
    await expect(
      getTribunalCase(
        { actor: actorOf(other) as never, client: db },
        w.patientId,
        opened.data.caseId,
      ),
    ).rejects.toThrow(NotFound);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal-case.read', userId: other.id },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', patientId: w.patientId });
    const [doc] = await db.tribunalDocument.findMany({ where: { caseId: opened.data.caseId } });
    const changed = await move(actorOf(other), doc!.id, 'DRAFTING');
    expect(changed).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const deniedWrite = await db.auditEvent.findFirst({
      where: { action: 'tribunal.document-status', userId: other.id },
      orderBy: { id: 'desc' },
    });
    expect(deniedWrite?.outcome).toBe('DENIED');
  });
});

describe('the managers’ panel (s23(4))', () => {
  it('refuses a hearing recorded as held with two members, in the database too', async () => {
    const w = await orderWorld(db);
    await expect(
      db.managersHearing.create({
        data: {
          patientId: w.patientId,
          orderId: w.orderId,
          reason: 'PATIENT_REQUEST',
          scheduledAt: new Date(),
          heldOn: new Date(),
          panelMembers: ['One', 'Two'],
        },
      }),
    ).rejects.toThrow(/panel_of_three/);
  });
});
