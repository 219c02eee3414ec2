// Report drafts against a real database (issue 9 §2): the first save keeps the template and the
// pre-fill; every save is a new version with who and when; a stale save is told the section
// changed; ready, sign, and the RC's countersignature when someone else wrote the RC report;
// a signed report does not change, even when the template does; only the author writes; a
// coordinator of another team gets not-found and a denied audit row; the author is notified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { londonDateOf } from '@/lib/server/dates';
import {
  listReportDocuments,
  loadManagersDecisionLetter,
  loadReportContent,
} from '@/lib/server/documents/report-content';
import { NotFound } from '@/lib/server/queries/access';
import { getReportDraft } from '@/lib/server/queries/tribunal-report';
import { countersignReport } from '@/lib/server/services/countersign-report';
import { markReportReady } from '@/lib/server/services/mark-report-ready';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { saveReportSection } from '@/lib/server/services/save-report-section';
import { signReport } from '@/lib/server/services/sign-report';
import { templateFor } from '@/lib/tribunal/templates';
import { createUser } from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';
import { dateParts, key, orderWorld, versionOf, type OrderWorld } from './orders/part-b-support';

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.$disconnect();
});

type Actor = OrderWorld['rc'];

async function openCase(w: OrderWorld) {
  const opened = await recordTribunalCase(
    w.mha,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      kind: 'REFERENCE',
      applicant: 'HOSPITAL_MANAGERS',
      basis: 's68(6)',
      receivedOn: dateParts(londonDateOf(new Date())),
      patientIsInpatient: 'no',
    },
    { db },
  );
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const docs = await db.tribunalDocument.findMany({ where: { caseId: opened.data.caseId } });
  const of = (kind: string) => docs.find((d) => d.kind === kind)!;
  return {
    caseId: opened.data.caseId,
    rcReport: of('RC_REPORT'),
    scr: of('SOCIAL_CIRCUMSTANCES_REPORT'),
    statement: of('RESPONSIBLE_AUTHORITY_STATEMENT'),
  };
}

const save = (
  actor: Actor,
  documentId: string,
  sectionKey: string,
  baseVersion: number,
  text: string,
) =>
  saveReportSection(
    actor,
    { documentId, sectionKey, baseVersion: String(baseVersion), text, idempotencyKey: key() },
    { db },
  );
const ready = (actor: Actor, documentId: string) =>
  markReportReady(actor, { documentId, idempotencyKey: key() }, { db });
const signature = (documentId: string, name: string) => ({
  documentId,
  name,
  role: 'Consultant psychiatrist',
  signedOn: dateParts(londonDateOf(new Date())),
  confirm: 'yes',
  idempotencyKey: key(),
});

describe('drafting a report section by section', () => {
  it('keeps the template and pre-fill at the first save, versions each save and refuses a stale one', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    // Before any save: the pre-fill from the record, today's template.
    const before = await getReportDraft(
      { actor: w.rc as never, client: db },
      w.patientId,
      c.caseId,
      c.rcReport.id,
    );
    expect(before.drafted).toBe(false);
    expect(before.may.write).toBe(true);
    const history = before.sections.find((s) => s.key === 'previous-involvement')!;
    expect(history.sources.length).toBeGreaterThan(0);
    expect(history.text).toMatch(/Order made|made/i);

    const first = await save(
      w.rc,
      c.rcReport.id,
      'progress',
      0,
      'Engaging well.\n\nTakes the depot.',
    );
    expect(first).toMatchObject({ ok: true, data: { version: 1, status: 'DRAFTING' } });
    const second = await save(w.rc, c.rcReport.id, 'progress', 1, 'Engaging well; depot taken.');
    expect(second).toMatchObject({ ok: true, data: { version: 2 } });
    // Someone who opened the page at version 1 is told it changed; nothing is saved.
    const stale = await save(w.rc, c.rcReport.id, 'progress', 1, 'An older edit');
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'SECTION_CHANGED' });
    if (!stale.ok) expect(stale.message).toMatch(/changed since you opened it/);

    const draft = await db.tribunalReportDraft.findUniqueOrThrow({
      where: { documentId: c.rcReport.id },
      include: { sections: { orderBy: { version: 'asc' } } },
    });
    expect(draft.templateId).toBe('rc-report.adult');
    expect(draft.templateVersion).toBe(templateFor('RC_REPORT', 'adult').version);
    expect(draft.sections.map((s) => [s.version, s.text, s.savedById])).toEqual([
      [1, 'Engaging well.\n\nTakes the depot.', w.rc.userId],
      [2, 'Engaging well; depot taken.', w.rc.userId],
    ]);
    const doc = await db.tribunalDocument.findUniqueOrThrow({ where: { id: c.rcReport.id } });
    expect(doc.status).toBe('DRAFTING');
    expect(doc.draftingAt).not.toBeNull();
    const failed = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal.report-section-save', userId: w.rc.userId, outcome: 'FAILURE' },
      orderBy: { id: 'desc' },
    });
    expect(failed.reason).toBe('SECTION_CHANGED');

    const after = await getReportDraft(
      { actor: w.rc as never, client: db },
      w.patientId,
      c.caseId,
      c.rcReport.id,
    );
    const progress = after.sections.find((s) => s.key === 'progress')!;
    expect(progress).toMatchObject({ text: 'Engaging well; depot taken.', version: 2 });
    expect(progress.history.map((h) => h.version)).toEqual([2, 1]);
  });

  it('refuses a section the template does not have', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    expect(await save(w.rc, c.rcReport.id, 'no-such-section', 0, 'x')).toMatchObject({
      ok: false,
      reason: 'NO_SUCH_SECTION',
    });
    // All or nothing: the refused first save made no draft.
    expect(await db.tribunalReportDraft.count({ where: { documentId: c.rcReport.id } })).toBe(0);
  });
});

describe('signing', () => {
  it('the RC signs their own report: signed, then it never changes, even when the template does', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    expect(
      await save(w.rc, c.rcReport.id, 'recommendations', 0, 'Stay on the order.'),
    ).toMatchObject({ ok: true });
    expect(await signReport(w.rc, signature(c.rcReport.id, 'Dr Rhea'), { db })).toMatchObject({
      ok: false,
      reason: 'NOT_READY',
    });
    expect(await ready(w.rc, c.rcReport.id)).toMatchObject({
      ok: true,
      data: { status: 'READY_FOR_SIGN_OFF' },
    });
    const signed = await signReport(w.rc, signature(c.rcReport.id, 'Dr Rhea'), { db });
    expect(signed).toMatchObject({
      ok: true,
      data: { status: 'SIGNED', awaitingCountersignature: false },
    });
    expect(await save(w.rc, c.rcReport.id, 'recommendations', 1, 'Changed')).toMatchObject({
      ok: false,
      reason: 'REPORT_SIGNED',
    });
    // The template file may change after signing: the report reads only the copy it kept
    // (made different here, as an older version of the file would be).
    const draft = await db.tribunalReportDraft.findUniqueOrThrow({
      where: { documentId: c.rcReport.id },
    });
    const kept = draft.template as { sections: { heading: string }[] };
    kept.sections[0]!.heading = 'Factors affecting the hearing (as worded when signed)';
    await db.tribunalReportDraft.update({ where: { id: draft.id }, data: { template: kept } });
    const before = await loadReportContent({ actor: w.mha as never, client: db }, c.rcReport.id);
    expect(before?.content.sections[0]?.heading).toBe(
      'Factors affecting the hearing (as worded when signed)',
    );
    expect(before?.content.sections.map((s) => s.heading)).toEqual(
      kept.sections.map((s) => s.heading),
    );
    expect(before?.content.draft).toBe(false);
    expect(before?.content.signatures).toEqual([
      {
        kind: 'SIGNED',
        name: 'Dr Rhea',
        role: 'Consultant psychiatrist',
        signedOn: londonDateOf(new Date()),
      },
    ]);
    const recommendations = before?.content.sections.find((s) =>
      s.heading.startsWith('Recommendations'),
    );
    expect(recommendations?.paragraphs).toEqual(['Stay on the order.']);
    expect(before?.item).toMatchObject({
      kind: 'RC_REPORT',
      status: 'SIGNED',
      tribunalCaseId: c.caseId,
      withheldFromPatient: false,
    });
  });

  it('an RC report written by another doctor waits for the RC’s countersignature', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    const teamId = (await db.patient.findUniqueOrThrow({ where: { id: w.patientId } }))
      .currentTeamId!;
    const doctor = await createUser(db, { roles: ['RESPONSIBLE_CLINICIAN'], teams: [teamId] });
    await db.tribunalDocument.update({
      where: { id: c.rcReport.id },
      data: { authorId: doctor.id },
    });
    const d = actorOf(doctor);
    // The RC is no longer the author: they cannot write it.
    expect(await save(w.rc, c.rcReport.id, 'progress', 0, 'x')).toMatchObject({
      ok: false,
      reason: 'NOT_THE_AUTHOR',
    });
    expect(await ready(d, c.rcReport.id)).toMatchObject({ ok: true });
    const signed = await signReport(d, signature(c.rcReport.id, 'Dr Speciality'), { db });
    expect(signed).toMatchObject({
      ok: true,
      data: { status: 'READY_FOR_SIGN_OFF', awaitingCountersignature: true },
    });
    // The care coordinator may write documents but is not the RC.
    expect(await countersignReport(w.cc, signature(c.rcReport.id, 'Cal'), { db })).toMatchObject({
      ok: false,
      reason: 'NOT_THE_RC',
    });
    const view = await getReportDraft(
      { actor: w.rc as never, client: db },
      w.patientId,
      c.caseId,
      c.rcReport.id,
    );
    expect(view.may).toMatchObject({ write: false, countersign: true });
    expect(
      await countersignReport(w.rc, signature(c.rcReport.id, 'Dr Rhea'), { db }),
    ).toMatchObject({
      ok: true,
      data: { status: 'SIGNED' },
    });
    const content = await loadReportContent({ actor: w.mha as never, client: db }, c.rcReport.id);
    expect(content?.content.signatures.map((s) => [s.kind, s.name])).toEqual([
      ['SIGNED', 'Dr Speciality'],
      ['COUNTERSIGNED', 'Dr Rhea'],
    ]);
    expect(
      await countersignReport(w.rc, signature(c.rcReport.id, 'Dr Rhea'), { db }),
    ).toMatchObject({ ok: false });
  });

  it('the social circumstances report is signed by the care coordinator without a countersignature', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    expect(await ready(w.cc, c.scr.id)).toMatchObject({ ok: true });
    expect(await signReport(w.cc, signature(c.scr.id, 'Cal'), { db })).toMatchObject({
      ok: true,
      data: { status: 'SIGNED' },
    });
  });
});

describe('who may write and read', () => {
  it('only the author writes; the MHA office reads all and writes the statement', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    expect(await save(w.cc, c.rcReport.id, 'progress', 0, 'x')).toMatchObject({
      ok: false,
      reason: 'NOT_THE_AUTHOR',
    });
    expect(await save(w.mha, c.rcReport.id, 'progress', 0, 'x')).toMatchObject({
      ok: false,
      reason: 'NOT_THE_AUTHOR',
    });
    expect(
      await save(w.mha, c.statement.id, 'court-of-protection', 0, 'None known.'),
    ).toMatchObject({ ok: true });
    const office = await getReportDraft(
      { actor: w.mha as never, client: db },
      w.patientId,
      c.caseId,
      c.rcReport.id,
    );
    expect(office.may.write).toBe(false);
    const list = await listReportDocuments({ actor: w.mha as never, client: db }, w.patientId);
    expect(list.map((d) => d.kind).sort()).toEqual([
      'RC_REPORT',
      'RESPONSIBLE_AUTHORITY_STATEMENT',
      'SOCIAL_CIRCUMSTANCES_REPORT',
    ]);
  });

  it('a coordinator of another team: not found, and a denied audit row', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    const other = actorOf(await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] }));
    const result = await save(other, c.scr.id, 'progress', 0, 'x');
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal.report-section-save', userId: other.userId },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', entityId: c.scr.id });
    await expect(
      getReportDraft({ actor: other as never, client: db }, w.patientId, c.caseId, c.scr.id),
    ).rejects.toThrow(NotFound);
    const deniedRead = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal-report.read', userId: other.userId },
      orderBy: { id: 'desc' },
    });
    expect(deniedRead).toMatchObject({ outcome: 'DENIED', patientId: w.patientId });
    expect(await loadReportContent({ actor: other as never, client: db }, c.scr.id)).toBeNull();
    expect(await listReportDocuments({ actor: other as never, client: db }, w.patientId)).toEqual(
      [],
    );
    expect(await db.tribunalReportDraft.count({ where: { documentId: c.scr.id } })).toBe(0);
  });

  it('tells each author in the app, without naming the patient', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    const note = await db.notification.findFirstOrThrow({
      where: {
        userId: w.rc.userId,
        kind: 'TRIBUNAL_DOCUMENT_REQUESTED',
        link: { contains: c.rcReport.id },
      },
    });
    const patient = await db.patient.findUniqueOrThrow({ where: { id: w.patientId } });
    expect(`${note.title} ${note.body}`).not.toContain(patient.familyName);
    expect(note.link).toBe(
      `/patients/${w.patientId}/tribunal/${c.caseId}/documents/${c.rcReport.id}`,
    );
    expect(
      await db.notification.count({
        where: {
          userId: w.cc.userId,
          kind: 'TRIBUNAL_DOCUMENT_REQUESTED',
          link: { contains: c.scr.id },
        },
      }),
    ).toBe(1);
  });
});

describe('the managers’ decision letter', () => {
  it('says the decision and the reasons once decided; nothing before, nothing out of scope', async () => {
    const w = await orderWorld(db);
    const hearing = await db.managersHearing.create({
      data: {
        patientId: w.patientId,
        orderId: w.orderId,
        reason: 'EXTENSION_REVIEW',
        scheduledAt: new Date(),
        panelMembers: ['Ann Able', 'Ben Baker', 'Cas Cole'],
      },
    });
    expect(
      await loadManagersDecisionLetter({ actor: w.mha as never, client: db }, hearing.id),
    ).toBeNull();
    const day = londonDateOf(new Date());
    await db.managersHearing.update({
      where: { id: hearing.id },
      data: {
        heldOn: new Date(`${day}T00:00:00Z`),
        decisionOn: new Date(`${day}T00:00:00Z`),
        outcome: 'CONTINUE',
        decisionReasons: 'The criteria are met and the recall power is still needed.',
      },
    });
    const letter = await loadManagersDecisionLetter(
      { actor: w.mha as never, client: db },
      hearing.id,
    );
    expect(letter?.patientId).toBe(w.patientId);
    expect(letter?.content.sections.map((s) => s.heading)).toEqual([
      'The hearing',
      'The decision',
      'The reasons',
      'What you can do',
    ]);
    expect(letter?.content.sections[0]?.paragraphs.join(' ')).toContain(
      'Ann Able, Ben Baker, Cas Cole',
    );
    expect(letter?.content.sections[1]?.paragraphs[0]).toMatch(
      /community treatment order continues/,
    );
    expect(letter?.content.sections[2]?.paragraphs).toEqual([
      'The criteria are met and the recall power is still needed.',
    ]);
    const other = actorOf(await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] }));
    expect(
      await loadManagersDecisionLetter({ actor: other as never, client: db }, hearing.id),
    ).toBeNull();
  });
});
