// Issue 9, the gaps after the first build, against a real database: the MHA office names a
// document's author (a user of the team, told in the app; a named person; an author of another
// team refused); rule 14: the RC or the office withholds a report with the reason, audited,
// the document says so, the bundle keeps it out, and a coordinator of another team cannot
// download it; signing twice (a double submit) signs once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { londonDateOf } from '@/lib/server/dates';
import { downloadDocument, listPatientDocuments } from '@/lib/server/documents/documents';
import { markReportReady } from '@/lib/server/services/mark-report-ready';
import { nameReportAuthor } from '@/lib/server/services/name-report-author';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { signReport } from '@/lib/server/services/sign-report';
import { updateTribunalDocument } from '@/lib/server/services/update-tribunal-document';
import { withholdReport } from '@/lib/server/services/withhold-report';
import { createUser } from '@/tests/factories';
import { docxText, openDocx, pdfPages } from '../support/documents';
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

async function openCase(w: OrderWorld, inpatient: 'yes' | 'no' = 'no') {
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
      patientIsInpatient: inpatient,
    },
    { db },
  );
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  const docs = await db.tribunalDocument.findMany({ where: { caseId: opened.data.caseId } });
  const of = (kind: string) => docs.find((d) => d.kind === kind);
  return {
    caseId: opened.data.caseId,
    rcReport: of('RC_REPORT')!,
    scr: of('SOCIAL_CIRCUMSTANCES_REPORT')!,
    nursing: of('NURSING_REPORT'),
  };
}

const teamOf = async (w: OrderWorld) =>
  (await db.patient.findUniqueOrThrow({ where: { id: w.patientId } })).currentTeamId!;

describe('naming the author', () => {
  it('the nursing report of an in-patient: a nurse of the team is named and told; a named person; another team refused', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w, 'yes');
    expect(c.nursing).toMatchObject({ authorRole: 'NAMED_PERSON', authorId: null });
    const nurse = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [await teamOf(w)] });
    const named = await nameReportAuthor(
      w.mha,
      { documentId: c.nursing!.id, authorId: nurse.id, idempotencyKey: key() },
      { db },
    );
    expect(named).toMatchObject({ ok: true, data: { authorId: nurse.id } });
    // Named again (a double submit, or the same choice later): told once.
    expect(
      await nameReportAuthor(
        w.mha,
        { documentId: c.nursing!.id, authorId: nurse.id, idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { userId: nurse.id } })).toBe(1);
    const note = await db.notification.findFirstOrThrow({ where: { userId: nurse.id } });
    expect(note.link).toContain(c.nursing!.id);
    expect(note.title).toBe('You have been asked to write a tribunal report');
    const audited = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal.document-author', entityId: c.nursing!.id, outcome: 'SUCCESS' },
    });
    expect(audited.userId).toBe(w.mha.userId);

    // A clinician of another team, and a care coordinator for the RC's report, are refused.
    const elsewhere = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] });
    const refused = await nameReportAuthor(
      w.mha,
      { documentId: c.nursing!.id, authorId: elsewhere.id, idempotencyKey: key() },
      { db },
    );
    expect(refused).toMatchObject({ ok: false, reason: 'AUTHOR_NOT_IN_TEAM' });
    if (!refused.ok) expect(refused.fieldErrors?.authorId).toMatch(/patient’s team/);
    expect(
      await nameReportAuthor(
        w.mha,
        { documentId: c.rcReport.id, authorId: nurse.id, idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'AUTHOR_NOT_IN_TEAM' });
    expect(
      (await db.tribunalDocument.findUniqueOrThrow({ where: { id: c.nursing!.id } })).authorId,
    ).toBe(nurse.id);

    // A named person outside the app.
    expect(
      await nameReportAuthor(
        w.mha,
        { documentId: c.nursing!.id, authorName: 'Sam Ward, named nurse', idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: true, data: { authorId: null } });
    expect(
      await db.tribunalDocument.findUniqueOrThrow({ where: { id: c.nursing!.id } }),
    ).toMatchObject({ authorId: null, authorName: 'Sam Ward, named nurse' });

    // Only the office names authors; neither both nor none.
    expect(
      await nameReportAuthor(
        w.rc,
        { documentId: c.nursing!.id, authorId: nurse.id, idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const both = await nameReportAuthor(
      w.mha,
      { documentId: c.nursing!.id, authorId: nurse.id, authorName: 'X', idempotencyKey: key() },
      { db },
    );
    expect(both).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('rule 14: withheld from the patient', () => {
  it('the RC withholds with a reason, audited; the document says so; out of the bundle; another team cannot download it', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    // A reason is required; the care coordinator may not withhold.
    const noReason = await withholdReport(
      w.rc,
      { documentId: c.rcReport.id, withheld: 'yes', idempotencyKey: key() },
      { db },
    );
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    if (!noReason.ok) expect(noReason.fieldErrors?.reason).toMatch(/which part/);
    expect(
      await withholdReport(
        w.cc,
        { documentId: c.scr.id, withheld: 'yes', reason: 'x', idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'NOT_RC_OR_OFFICE' });

    const reason = 'Paragraph 4 names a neighbour who fears retaliation.';
    expect(
      await withholdReport(
        w.rc,
        { documentId: c.rcReport.id, withheld: 'yes', reason, idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: true, data: { withheld: true } });
    expect(
      await db.tribunalReportDraft.findUniqueOrThrow({ where: { documentId: c.rcReport.id } }),
    ).toMatchObject({
      withheldFromPatient: true,
      withheldReason: reason,
      withheldById: w.rc.userId,
    });
    const row = await db.auditEvent.findFirstOrThrow({
      where: { action: 'tribunal.report-withheld', entityId: c.rcReport.id, outcome: 'SUCCESS' },
    });
    expect(row.metadata).toMatchObject({ withheld: true });
    expect(JSON.stringify(row.metadata)).not.toContain('neighbour');

    const ctx = { actor: w.mha, client: db };
    const docx = await downloadDocument(ctx, c.rcReport.id, 'docx');
    if (!docx.ok) throw new Error(docx.message);
    const opened = await openDocx(docx.file.bytes);
    const words = docxText(opened.document + opened.headers.join(''));
    expect(words).toContain('WITHHELD FROM THE PATIENT');
    expect(opened.paragraphs).toContain('Withheld from the patient (tribunal rule 14)');
    expect(words).toContain(reason);
    const pdf = await downloadDocument(ctx, c.rcReport.id, 'pdf');
    if (!pdf.ok) throw new Error(pdf.message);
    const pages = await pdfPages(pdf.file.bytes);
    expect(pages.every((p) => p.includes('WITHHELD FROM THE PATIENT'))).toBe(true);

    const { items } = await listPatientDocuments(ctx, w.patientId);
    expect(items.find((i) => i.id === c.rcReport.id)).toMatchObject({ withheldFromPatient: true });
    const bundle = await downloadDocument(ctx, c.caseId, 'pdf');
    if (!bundle.ok) throw new Error(bundle.message);
    const bundleText = (await pdfPages(bundle.file.bytes)).join(' ').replace(/\s+/g, ' ');
    expect(bundleText).toMatch(/withheld from the patient under rule 14/);
    expect(bundleText).not.toContain(reason);

    // A coordinator of another team: not found, and a denied audit row.
    const other = actorOf(await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] }));
    expect(
      await downloadDocument({ actor: other, client: db }, c.rcReport.id, 'docx'),
    ).toMatchObject({ ok: false, status: 404 });
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'document.download', userId: other.userId },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({ outcome: 'DENIED', patientId: w.patientId });

    // The office clears it; once sent, it can no longer change.
    expect(
      await withholdReport(
        w.mha,
        { documentId: c.rcReport.id, withheld: 'no', idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: true, data: { withheld: false } });
    for (const status of ['SIGNED', 'SENT'] as const) {
      expect(
        await updateTribunalDocument(
          w.mha,
          { documentId: c.rcReport.id, status, idempotencyKey: key() },
          { db },
        ),
      ).toMatchObject({ ok: true });
    }
    expect(
      await withholdReport(
        w.mha,
        { documentId: c.rcReport.id, withheld: 'yes', reason, idempotencyKey: key() },
        { db },
      ),
    ).toMatchObject({ ok: false, reason: 'ALREADY_SENT' });
  });
});

describe('trying to break it', () => {
  it('a double submit of sign (the same form twice) signs once', async () => {
    const w = await orderWorld(db);
    const c = await openCase(w);
    expect(
      await markReportReady(w.cc, { documentId: c.scr.id, idempotencyKey: key() }, { db }),
    ).toMatchObject({ ok: true });
    const form = {
      documentId: c.scr.id,
      name: 'Cal',
      role: 'Community psychiatric nurse',
      signedOn: dateParts(londonDateOf(new Date())),
      confirm: 'yes',
      idempotencyKey: key(),
    };
    const [a, b] = await Promise.all([
      signReport(w.cc, form, { db }),
      signReport(w.cc, form, { db }),
    ]);
    expect([a, b].filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    for (const r of [a, b]) if (r.ok) expect(r.data).toMatchObject({ status: 'SIGNED' });
    // A second press with a fresh key is refused: it is already signed.
    expect(await signReport(w.cc, { ...form, idempotencyKey: key() }, { db })).toMatchObject({
      ok: false,
    });
    expect(
      await db.auditEvent.count({
        where: { action: 'tribunal.report-sign', entityId: c.scr.id, outcome: 'SUCCESS' },
      }),
    ).toBe(1);
  });
});
