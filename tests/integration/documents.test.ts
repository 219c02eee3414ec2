// Documents out against a real database (issue 9, part 3): an order built with the factories
// (CTO1, then a recall: CTO3 and CTO4) downloads each recorded form as a PDF whose text says
// what was recorded; the chronology downloads as DOCX and PDF, dated when things happened; a
// tribunal case's bundle has an index, the chronology and copies of the forms with continuous
// page numbers; the patient's documents list in the contract's shape; every read is audited;
// a coordinator of another team gets 404 and a denied audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { formatDate } from '@/lib/format';
import { londonDateOf } from '@/lib/server/dates';
import { NotFound } from '@/lib/server/queries/access';
import { downloadDocument, listPatientDocuments } from '@/lib/server/documents/documents';
import {
  documentSources,
  type DocumentListItem,
  type DocumentSource,
} from '@/lib/server/documents/registry';
import { renderDocx } from '@/lib/documents/docx';
import { renderPdf } from '@/lib/documents/pdf';
import type { DocumentContent } from '@/lib/documents/content';
import { recordTribunalCase } from '@/lib/server/services/record-tribunal-case';
import { createUser, loadOrderHandle, recallOrder } from '@/tests/factories';
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

const squash = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

async function recalledWorld(): Promise<{ w: OrderWorld; servedAt: Date; detainedAt: Date }> {
  const w = await orderWorld(db);
  const order = await loadOrderHandle(db, w.orderId);
  const servedAt = new Date(Date.now() - 2 * 86_400_000);
  servedAt.setUTCSeconds(0, 0);
  const detainedAt = new Date(servedAt.getTime() + 3 * 3_600_000);
  await recallOrder(db, order, {
    hospitalId: w.hospitalId,
    reasons: 'Stopped depot medication and became acutely unwell; risk to own health.',
    noticeSignedAt: servedAt,
    servedOrPostedAt: servedAt,
    detentionBeganAt: detainedAt,
    mhaAdministratorId: w.mha.userId,
  });
  return { w, servedAt, detainedAt };
}

/** The patient's application to the tribunal, recorded by the MHA office today. */
async function openApplication(w: OrderWorld, patientIsInpatient: 'yes' | 'no') {
  return recordTribunalCase(
    w.mha,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(ca)',
      receivedOn: dateParts(londonDateOf(new Date())),
      patientIsInpatient,
    },
    { db },
  );
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});

describe('documents out', () => {
  it('downloads each recorded statutory form as a PDF filled from the record', async () => {
    const { w, servedAt, detainedAt } = await recalledWorld();
    const ctx = { actor: w.mha, client: db };
    const { items } = await listPatientDocuments(ctx, w.patientId);
    const kinds = items.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CTO1', 'CTO3', 'CTO4', 'CHRONOLOGY']));
    for (const i of items) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(['id', 'kind', 'status', 'tribunalCaseId']),
      );
    }

    const patient = await db.patient.findUniqueOrThrow({ where: { id: w.patientId } });
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({
      where: { id: w.orderId },
      include: { responsibleHospital: true },
    });
    const rc = await db.user.findUniqueOrThrow({ where: { id: w.rc.userId } });
    const hospital = await db.hospital.findUniqueOrThrow({ where: { id: w.hospitalId } });

    // CTO1: the RC, the patient, the grounds, the chosen phrases, the AMHP, when it took effect.
    const cto1 = items.find((i) => i.kind === 'CTO1');
    const got1 = await downloadDocument(ctx, cto1!.id, 'pdf');
    if (!got1.ok) throw new Error(got1.message);
    expect(got1.file.contentType).toBe('application/pdf');
    expect(got1.file.fileName).toMatch(/^Form-CTO1-\d{4}-\d{2}-\d{2}-[A-Za-z0-9-]+\.pdf$/);
    const text1 = squash(await pdfPages(got1.file.bytes));
    expect(text1).toContain(
      'Form CTO1 - Regulation 6(1)(a), (b) and 6(2)(a) Mental Health Act 1983',
    );
    expect(text1).toContain(`${patient.givenName} ${patient.familyName}`);
    expect(text1).toContain(rc.name);
    expect(text1).toContain('Relapsing psychotic illness with repeated admissions');
    expect(text1).toContain('the protection of other persons (deleted)');
    expect(text1).not.toContain('the patient’s health (deleted)');
    expect(text1).toContain(formatDate(londonDateOf(order.effectiveAt!)));
    expect(text1).toContain(TIME.format(order.effectiveAt!));
    const amhp = await db.user.findUniqueOrThrow({ where: { id: w.amhp.userId } });
    expect(text1).toContain(amhp.name);
    expect(text1).toContain(
      `NHS number: ${patient.nhsNumber!.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}`,
    );

    // CTO3: the hospital, ground (a) kept and (b) deleted, the grounds, when it was signed.
    const cto3 = items.find((i) => i.kind === 'CTO3');
    const got3 = await downloadDocument(ctx, cto3!.id, 'pdf');
    if (!got3.ok) throw new Error(got3.message);
    const text3 = squash(await pdfPages(got3.file.bytes));
    expect(text3).toContain(hospital.name);
    expect(text3).toContain('Stopped depot medication and became acutely unwell');
    expect(text3).toMatch(/enabling a Part 4A certificate to be given\. \(deleted\)/);
    expect(text3).not.toMatch(/for that purpose\. \(deleted\)/);
    expect(text3).toContain(formatDate(londonDateOf(servedAt)));
    expect(text3).toContain(TIME.format(servedAt));

    // CTO4: when detention began.
    const cto4 = items.find((i) => i.kind === 'CTO4');
    const got4 = await downloadDocument(ctx, cto4!.id, 'pdf');
    if (!got4.ok) throw new Error(got4.message);
    const text4 = squash(await pdfPages(got4.file.bytes));
    expect(text4).toContain(formatDate(londonDateOf(detainedAt)));
    expect(text4).toContain(TIME.format(detainedAt));
    expect(text4).toContain(hospital.name);

    // A form comes as PDF only.
    const word = await downloadDocument(ctx, cto1!.id, 'docx');
    expect(word).toMatchObject({ ok: false, status: 400 });

    // Every download is audited with who and which document.
    const rows = await db.auditEvent.findMany({
      where: { action: 'document.download', userId: w.mha.userId, patientId: w.patientId },
    });
    expect(rows.filter((r) => r.outcome === 'SUCCESS').map((r) => r.entityId)).toEqual(
      expect.arrayContaining([cto1!.id, cto3!.id, cto4!.id]),
    );
    expect(
      await db.auditEvent.count({
        where: { action: 'documents.list', userId: w.mha.userId, patientId: w.patientId },
      }),
    ).toBe(1);
  });

  it('downloads the chronology as DOCX and PDF, oldest first, dated when things happened', async () => {
    const { w, detainedAt } = await recalledWorld();
    const ctx = { actor: w.mha, client: db };
    const id = `chronology-${w.patientId}`;
    const docx = await downloadDocument(ctx, id, 'docx');
    if (!docx.ok) throw new Error(docx.message);
    expect(docx.file.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.file.fileName).toMatch(/\.docx$/);
    const opened = await openDocx(docx.file.bytes);
    expect(opened.paragraphs).toContain('Chronology of events');
    expect(docxText(opened.headers.join(''))).toContain('Date of birth:');
    const pdf = await downloadDocument(ctx, id, 'pdf');
    if (!pdf.ok) throw new Error(pdf.message);
    const text = squash(await pdfPages(pdf.file.bytes));
    const order = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: w.orderId } });
    const made = text.indexOf(formatDate(londonDateOf(order.signedAt!)));
    const detained = text.indexOf(formatDate(londonDateOf(detainedAt)));
    expect(made).toBeGreaterThan(-1);
    expect(detained).toBeGreaterThan(made);
  });

  it('puts the case’s bundle together: index, chronology, forms, continuous page numbers', async () => {
    const { w } = await recalledWorld();
    const opened = await openApplication(w, 'yes');
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const ctx = { actor: w.mha, client: db };
    const { items } = await listPatientDocuments(ctx, w.patientId);
    const bundleItem = items.find((i) => i.kind === 'TRIBUNAL_BUNDLE');
    expect(bundleItem).toMatchObject({
      id: opened.data.caseId,
      tribunalCaseId: opened.data.caseId,
      status: 'OPEN',
    });
    const got = await downloadDocument(ctx, opened.data.caseId, 'pdf');
    if (!got.ok) throw new Error(got.message);
    expect(got.file.fileName).toMatch(/^Tribunal-bundle-\d{4}-\d{2}-\d{2}-.*\.pdf$/);
    const pages = await pdfPages(got.file.bytes);
    pages.forEach((p, i) => expect(p).toContain(`Bundle page ${i + 1} of ${pages.length}`));
    const index = pages[0]!.replace(/\s+/g, ' ');
    expect(index).toContain('Index');
    expect(index).toContain('Chronology');
    expect(index).toMatch(/Copy of Form CTO1/);
    expect(index).toMatch(/Copy of Form CTO3/);
    expect(index).toMatch(/Copy of Form CTO4/);
    // The reports are not written yet: the index says so.
    expect(index).toContain('Not yet in this bundle');
    expect(index).toContain('Nursing report (requested)');
    const all = squash(pages);
    expect(all).toContain('Chronology of events');
    expect(all).toContain('Form CTO4 - Regulation 6(3)(d)');
  });

  it('a coordinator of another team gets 404 for the document and a denied audit row', async () => {
    const { w } = await recalledWorld();
    const other = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [] });
    const ctx = { actor: actorOf(other), client: db };
    const form = await db.statutoryForm.findFirstOrThrow({
      where: { orderId: w.orderId, type: 'CTO3' },
    });
    const got = await downloadDocument(ctx, form.id, 'pdf');
    expect(got).toMatchObject({ ok: false, status: 404 });
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { action: 'document.download', userId: other.id },
      orderBy: { id: 'desc' },
    });
    expect(denied).toMatchObject({
      outcome: 'DENIED',
      patientId: w.patientId,
      entityId: form.id,
    });
    // The chronology and the list are refused the same way.
    expect(await downloadDocument(ctx, `chronology-${w.patientId}`, 'pdf')).toMatchObject({
      ok: false,
      status: 404,
    });
    await expect(listPatientDocuments(ctx, w.patientId)).rejects.toThrow(NotFound);
    const deniedList = await db.auditEvent.findFirstOrThrow({
      where: { action: 'documents.list', userId: other.id },
    });
    expect(deniedList).toMatchObject({ outcome: 'DENIED', patientId: w.patientId });
    // An id that is nobody's is a plain not found.
    const none = await downloadDocument(ctx, '0190d3c2-0000-7000-8000-000000000000', 'pdf');
    expect(none).toMatchObject({ ok: false, status: 404 });
  });

  it('takes reports from any registered source at run time; a withheld one is kept out and named', async () => {
    const { w } = await recalledWorld();
    const opened = await openApplication(w, 'no');
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const caseId = opened.data.caseId;
    const content = (heading: string, withheld: boolean): DocumentContent => ({
      title: heading,
      patient: { name: 'Test Patient', dateOfBirth: '1980-03-04', nhsNumber: null },
      sections: [{ heading: `${heading}: section one`, paragraphs: ['What the record shows.'] }],
      signatures: [],
      draft: true,
      withheldFromPatient: withheld,
    });
    const reports: (DocumentListItem & { content: DocumentContent })[] = [
      {
        id: `${caseId.slice(0, -4)}aaaa`,
        kind: 'SOCIAL_CIRCUMSTANCES_REPORT',
        status: 'DRAFTING',
        tribunalCaseId: caseId,
        title: 'Social circumstances report',
        withheldFromPatient: false,
        content: content('Social circumstances report', false),
      },
      {
        id: `${caseId.slice(0, -4)}bbbb`,
        kind: 'RC_REPORT',
        status: 'SIGNED',
        tribunalCaseId: caseId,
        title: 'Responsible clinician’s report',
        withheldFromPatient: false,
        content: content('Responsible clinician’s report', false),
      },
      {
        id: `${caseId.slice(0, -4)}cccc`,
        kind: 'RC_REPORT_ANNEX',
        status: 'SIGNED',
        tribunalCaseId: caseId,
        title: 'Annex withheld from the patient',
        withheldFromPatient: true,
        content: content('Annex withheld from the patient', true),
      },
    ];
    const source: DocumentSource = {
      name: 'test-reports',
      async list(_ctx, patientId) {
        return patientId === w.patientId ? reports.map(({ content: _c, ...item }) => item) : [];
      },
      async load(_ctx, id) {
        const r = reports.find((x) => x.id === id);
        if (!r) return null;
        const { content: c, ...item } = r;
        return {
          item,
          patientId: w.patientId,
          formats: ['docx', 'pdf'],
          async render(format) {
            return {
              bytes: format === 'pdf' ? await renderPdf(c) : await renderDocx(c),
              contentType: format,
              fileName: `${item.kind}.${format}`,
            };
          },
        };
      },
    };
    documentSources.unshift(source);
    try {
      const ctx = { actor: w.mha, client: db };
      const { items } = await listPatientDocuments(ctx, w.patientId);
      expect(items.filter((i) => i.withheldFromPatient).map((i) => i.title)).toEqual([
        'Annex withheld from the patient',
      ]);
      const got = await downloadDocument(ctx, caseId, 'pdf');
      if (!got.ok) throw new Error(got.message);
      const pages = await pdfPages(got.file.bytes);
      const index = pages[0]!.replace(/\s+/g, ' ');
      expect(index).toContain('Kept separate');
      expect(index).toContain('Annex withheld from the patient');
      // The withheld annex is not in the bundle itself; the signed report is; the report still
      // being drafted is not, and the index says where it has got to.
      const body = squash(pages.slice(1));
      expect(body).toContain('Responsible clinician’s report: section one');
      expect(body).not.toContain('Social circumstances report: section one');
      expect(body).not.toContain('Annex withheld from the patient: section one');
      expect(index).toContain('Social circumstances report (requested)');
      // The statement is still to come: the index says so.
      expect(index).toContain('Responsible authority’s statement (requested)');
    } finally {
      documentSources.splice(documentSources.indexOf(source), 1);
    }
  });

  it('answers nonsense ids with not found', async () => {
    const { w } = await recalledWorld();
    const ctx = { actor: w.mha, client: db };
    await expect(listPatientDocuments(ctx, 'not-a-patient')).rejects.toThrow(NotFound);
    expect(await downloadDocument(ctx, 'chronology-nonsense', 'pdf')).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await downloadDocument(ctx, "x' OR 1=1 --", 'pdf')).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});
