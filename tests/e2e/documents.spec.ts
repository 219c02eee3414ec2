// Issue 9, part 3, as the MHA office does it in the browser: the patient page lists the
// patient's documents; a recorded statutory form (CTO3) downloads as a PDF; the tribunal case
// page downloads the bundle; the API answers with the right content type and file name, and a
// wrong format in plain English. axe on both pages. The journey makes its own patient.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

function recalledPatientWithCase(): { id: string; caseId: string; name: string } {
  return withFactories(`
    const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
    const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
    const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
    const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
    const hospital = await db.hospital.findUniqueOrThrow({ where: { siteCode: 'RXX01' } });
    const today = d.londonDateOf(new Date());
    const madeOn = d.addCalendarDays(today, -60);
    const admittedOn = d.addCalendarDays(madeOn, -60);
    const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Dora', familyName: 'Documents-' + f.unique(), allocatedOn: admittedOn });
    await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admittedOn });
    const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admittedOn, 14, 0), firstMedicationOn: d.addCalendarDays(admittedOn, 1) });
    const order = await f.createOrder(db, {
      patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id,
      responsibleClinicianId: rc.id, teamId: team.id, amhpId: amhp.id,
      proposedAt: d.londonTime(d.addCalendarDays(madeOn, -2), 10, 0),
      amhpRespondedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 15, 0),
      signedAt: d.londonTime(madeOn, 13, 0),
    });
    const served = d.londonTime(d.addCalendarDays(today, -3), 11, 0);
    await f.recallOrder(db, order, {
      hospitalId: hospital.id, reasons: 'Stopped depot medication; risk to own health.',
      noticeSignedAt: served, servedOrPostedAt: served, detentionBeganAt: d.londonTime(d.addCalendarDays(today, -3), 15, 30),
    });
    const caseId = await f.createTribunalCase(db, { patientId: patient.id, madeOn: d.addCalendarDays(today, -2) }, order);
    return { id: patient.id, caseId, name: patient.givenName + ' ' + patient.familyName };
  `);
}

test('the MHA office downloads a statutory form and the tribunal bundle', async ({ page }) => {
  test.setTimeout(600_000);
  const patient = recalledPatientWithCase();
  await signIn(page, 'mha.office@cto-tracker.example');

  // --- The patient page: the documents, and a form as a PDF ----------------------------------
  await page.goto(`/patients/${patient.id}`);
  const documents = page.getByRole('region', { name: 'Documents' });
  await expect(
    documents.getByRole('cell', {
      name: /^Form CTO3: Community treatment order: notice of recall/,
    }),
  ).toBeVisible();
  await expect(
    documents.getByRole('cell', { name: /^Form CTO1: Community treatment order/ }),
  ).toBeVisible();
  await expectAccessible(page);
  const [formDownload] = await Promise.all([
    page.waitForEvent('download'),
    documents.getByRole('link', { name: /^PDF\s+of Form CTO3/ }).click(),
  ]);
  expect(formDownload.suggestedFilename()).toMatch(
    /^Form-CTO3-\d{4}-\d{2}-\d{2}-Dora-Documents-.*\.pdf$/,
  );
  const form = readFileSync(await formDownload.path());
  expect(form.subarray(0, 5).toString()).toBe('%PDF-');

  // --- The tribunal case page: the bundle -----------------------------------------------------
  await page.goto(`/patients/${patient.id}/tribunal/${patient.caseId}`);
  const downloads = page.getByRole('region', { name: 'Download the bundle and documents' });
  await expect(
    downloads.getByRole('cell', { name: /^Tribunal bundle: application/ }),
  ).toBeVisible();
  await expectAccessible(page);
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    downloads.getByRole('link', { name: /^PDF\s+of Tribunal bundle/ }).click(),
  ]);
  expect(bundleDownload.suggestedFilename()).toMatch(/^Tribunal-bundle-.*\.pdf$/);
  const bundle = readFileSync(await bundleDownload.path());
  expect(bundle.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bundle.length).toBeGreaterThan(form.length);

  // --- The API: the list's contract, content types, file names, a wrong format ---------------
  const list = await page.request.get(`/api/v1/patients/${patient.id}/documents`);
  expect(list.status()).toBe(200);
  const body = (await list.json()) as {
    items: { id: string; kind: string; status: string; tribunalCaseId: string | null }[];
  };
  expect(body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'CTO3', tribunalCaseId: null }),
      expect.objectContaining({
        id: patient.caseId,
        kind: 'TRIBUNAL_BUNDLE',
        status: 'OPEN',
        tribunalCaseId: patient.caseId,
      }),
    ]),
  );
  const chronology = await page.request.get(
    `/api/v1/documents/chronology-${patient.id}?format=docx`,
  );
  expect(chronology.status()).toBe(200);
  expect(chronology.headers()['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(chronology.headers()['content-disposition']).toMatch(
    /^attachment; filename="Chronology-.*\.docx"$/,
  );
  const pdf = await page.request.get(`/api/v1/documents/${patient.caseId}?format=pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const wrong = await page.request.get(`/api/v1/documents/${patient.caseId}?format=rtf`);
  expect(wrong.status()).toBe(400);
  expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
    'Choose the format: docx (a Word document) or pdf.',
  );
  const missing = await page.request.get('/api/v1/documents/0190d3c2-0000-7000-8000-000000000000');
  expect(missing.status()).toBe(404);
});
