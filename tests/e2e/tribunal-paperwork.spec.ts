// Issue 9 §5 as the demo accounts do it: the MHA office records a reference, finds the case in
// its view, diarises a hearing in the future and names another doctor of the team as the RC
// report's author; that doctor and the care coordinator draft from the pre-filled sections and
// sign; the RC countersigns; the office downloads the bundle (a PDF holding the signed
// reports), marks every document sent and sees the deadline close; the chronology oldest first
// with "recorded on ... by ...", and newest first. axe on every page.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { pdfPages } from '../support/documents';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

const DOCTOR_PASSWORD = 'Specialty-doctor-2026';

function northPatientWithOrder(): {
  id: string;
  orderId: string;
  name: string;
  doctor: { email: string; name: string };
} {
  return withFactories(`
    const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
    const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
    const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
    const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
    const hospital = await db.hospital.findUniqueOrThrow({ where: { siteCode: 'RXX01' } });
    const today = d.londonDateOf(new Date());
    const madeOn = d.addCalendarDays(today, -60);
    const admittedOn = d.addCalendarDays(madeOn, -60);
    const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Tia', familyName: 'Tribunal-' + f.unique(), allocatedOn: admittedOn });
    await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admittedOn });
    const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admittedOn, 14, 0), firstMedicationOn: d.addCalendarDays(admittedOn, 1) });
    const order = await f.createOrder(db, {
      patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id,
      responsibleClinicianId: rc.id, teamId: team.id, amhpId: amhp.id,
      proposedAt: d.londonTime(d.addCalendarDays(madeOn, -2), 10, 0),
      amhpRespondedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 15, 0),
      signedAt: d.londonTime(madeOn, 13, 0),
    });
    const doctor = await f.createUser(db, {
      roles: ['RESPONSIBLE_CLINICIAN'], teams: [team.id], jobTitle: 'Specialty doctor',
      name: 'Dr Sasha Speciality-' + f.unique(), password: '${DOCTOR_PASSWORD}',
    });
    return {
      id: patient.id, orderId: order.id, name: patient.givenName + ' ' + patient.familyName,
      doctor: { email: doctor.email, name: doctor.name },
    };
  `);
}

// Fixed in issue 9 §2: the journey used to wait for /recorded/i, which "No tribunal case is
// recorded for this patient" matched before the form was sent, so it left the page while the
// reference was still being recorded. It now waits for the confirmation itself.
test('the MHA office records a reference; the RC and the care coordinator draft from the record and sign; the office sends everything and the deadline closes', async ({
  page,
  browser,
}) => {
  test.setTimeout(840_000);
  const patient = northPatientWithOrder();
  const now = new Date();
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(now);
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  await signIn(page, 'mha.office@cto-tracker.example');

  // --- The reference -------------------------------------------------------------------------
  await page.goto(`/patients/${patient.id}/orders/${patient.orderId}/tribunal`);
  await page.getByRole('radio', { name: 'Reference', exact: true }).check();
  await page.getByLabel('The hospital managers').check();
  await page.getByLabel('Section it is made under').selectOption('s68(6)');
  await page.getByLabel('Day').first().fill(part('day'));
  await page.getByLabel('Month').first().fill(part('month'));
  await page.getByLabel('Year').first().fill(part('year'));
  await page
    .getByRole('group', { name: /in-patient now/ })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Record the application or reference' }).click();
  await expect(page.getByText('Tribunal case recorded')).toBeVisible();
  await expect(page.getByText(/The statement and reports are due by 5pm on/)).toBeVisible();

  // --- The office's view, then the case ------------------------------------------------------
  await page.goto('/tribunal');
  await expect(page.getByRole('heading', { name: 'Tribunal paperwork', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: patient.name }).first().click();
  await expect(
    page.getByRole('heading', { name: /Reference to the tribunal/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('For legal review')).toBeVisible();
  await expectAccessible(page);

  // A hearing in the future is accepted (it was refused before issue 9).
  const future = new Date(now.getTime() + 20 * 86_400_000);
  const fp = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(future);
  const fpart = (t: string) => fp.find((p) => p.type === t)?.value ?? '';
  const hearing = page.getByRole('group', { name: 'When is the hearing?' });
  await hearing.getByLabel('Day').fill(fpart('day'));
  await hearing.getByLabel('Month').fill(fpart('month'));
  await hearing.getByLabel('Year').fill(fpart('year'));
  await hearing.getByLabel(/Time/).fill('10:30');
  await page.getByLabel('By video').check();
  await page.getByRole('button', { name: 'Diarise the hearing' }).click();
  await expect(page.getByText(/Listed for .*10:30/)).toBeVisible();

  // The office names another doctor of the team as the RC report's author (told in the app).
  await page.getByRole('link', { name: 'Responsible clinician’s report', exact: true }).click();
  await page
    .getByLabel('A person of the patient’s team')
    .selectOption({ label: `${patient.doctor.name}, Specialty doctor` });
  await page.getByRole('button', { name: 'Name the author' }).click();
  await expect(page.getByText('The author has been named.')).toBeVisible();
  await expect(page.getByText(`${patient.doctor.name} (responsible clinician)`)).toBeVisible();
  await expectAccessible(page);
  const rcReportPath = new URL(page.url()).pathname;

  // --- The authors draft from the record and sign (each in their own browser) ---------------
  for (const author of [
    {
      email: patient.doctor.email,
      password: DOCTOR_PASSWORD,
      document: 'Responsible clinician’s report',
      prefilled: /First language: English/,
      prefilledLabel: /Any factors that may affect the patient/,
      edit: /Summary of current progress/,
      role: 'Specialty doctor',
    },
    {
      email: 'coordinator.north@cto-tracker.example',
      document: 'Social circumstances report',
      prefilled: /section 117 after-care duty/,
      prefilledLabel: /Legal status, date of the order/,
      edit: /Home and family circumstances/,
      role: 'Community psychiatric nurse',
    },
  ]) {
    const context = await browser.newContext();
    const writer = await context.newPage();
    await signIn(writer, author.email, 'password' in author ? author.password : undefined);
    await writer.goto('/tribunal/mine');
    await writer.getByRole('link', { name: `${author.document} for ${patient.name}` }).click();
    await expect(writer.getByRole('heading', { name: author.document, level: 1 })).toBeVisible();
    await expect(writer.getByLabel(author.prefilledLabel)).toHaveValue(author.prefilled);
    await expectAccessible(writer);
    const section = writer.getByLabel(author.edit);
    await section.fill('Seen every two weeks at home; engaging with the team.');
    await writer
      .locator('form', { has: section })
      .getByRole('button', { name: 'Save this section' })
      .click();
    await expect(writer.getByText('Section saved.')).toBeVisible();
    await expect(writer.getByLabel(author.edit)).toHaveValue(
      'Seen every two weeks at home; engaging with the team.',
    );
    await expect(writer.getByText(/Version 1, saved by /).first()).toBeVisible();
    await writer.getByRole('button', { name: 'Mark ready for sign-off' }).click();
    await expect(writer.getByText('The report is ready for sign-off.')).toBeVisible();
    await writer.getByLabel('Your role').fill(author.role);
    await writer.getByLabel('This report is correct to the best of my knowledge.').check();
    await writer.getByRole('button', { name: 'Sign the report' }).click();
    await expect(writer.getByText('The report has been signed.')).toBeVisible();
    await expect(writer.getByText(new RegExp(`Signed by .*, ${author.role}, on`))).toBeVisible();
    await expectAccessible(writer);
    await context.close();
  }

  // --- The RC countersigns the report the other doctor wrote --------------------------------
  const rcContext = await browser.newContext();
  const rc = await rcContext.newPage();
  await signIn(rc, 'rc.north@cto-tracker.example');
  await rc.goto(rcReportPath);
  await expect(
    rc.getByText(/waiting for the responsible clinician’s countersignature/),
  ).toBeVisible();
  await rc.getByLabel('Your role').fill('Consultant psychiatrist');
  await rc
    .getByLabel('I am the patient’s responsible clinician and I countersign this report.')
    .check();
  await rc.getByRole('button', { name: 'Countersign the report' }).click();
  await expect(rc.getByText('The report has been countersigned.')).toBeVisible();
  await expect(rc.getByText(/Countersigned by .*, Consultant psychiatrist, on/)).toBeVisible();
  await expectAccessible(rc);
  await rcContext.close();

  // --- Back to the office: from the patient's page to the case -------------------------------
  await page.goto(`/patients/${patient.id}`);
  await page.getByRole('link', { name: /Reference \(s68\(6\)\) received/ }).click();
  await expect(
    page.getByRole('heading', { name: /Reference to the tribunal/, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Responsible clinician’s report', exact: true }),
  ).toBeVisible();

  // The bundle: a PDF holding both signed reports and the countersignature.
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('region', { name: 'Download the bundle and documents' })
      .getByRole('link', { name: /^PDF\s+of Tribunal bundle/ })
      .click(),
  ]);
  const bundle = readFileSync(await bundleDownload.path());
  expect(bundle.subarray(0, 5).toString()).toBe('%PDF-');
  const bundleText = (await pdfPages(bundle)).join(' ').replace(/\s+/g, ' ');
  for (const part of [
    'Responsible clinician’s report',
    'Social circumstances report',
    'Seen every two weeks at home; engaging with the team.',
    patient.doctor.name,
    'Consultant psychiatrist',
  ]) {
    expect(bundleText).toContain(part);
  }

  // Every document sent: the deadline closes.
  for (const label of [
    'Responsible authority’s statement: move to',
    'Responsible clinician’s report: move to',
    'Social circumstances report: move to',
  ]) {
    await page.getByLabel(label).selectOption('SENT');
    await page
      .locator('form', { has: page.getByLabel(label) })
      .getByRole('button', { name: 'Update' })
      .click();
    await expect(page.getByLabel(label)).toHaveCount(0);
  }
  await expect(page.getByText('The deadline is closed.')).toBeVisible();
  await expectAccessible(page);

  // --- The chronology: oldest first, recorded on/by, and newest first -------------------------
  await page.goto(`/patients/${patient.id}/chronology`);
  await expect(page.getByRole('heading', { name: 'Chronology', level: 1 })).toBeVisible();
  await expect(page.getByText(/entries, oldest first/)).toBeVisible();
  await expect(page.getByText(/Recorded on .* by /).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Show newest first' }).click();
  await expect(page.getByText(/entries, newest first/)).toBeVisible();
  await expectAccessible(page);
});

// Issue 9 §5, the demo data: the open reference with a partly drafted RC report, and the listed
// managers' hearing, reached from the MHA office's view and the RC's, with their downloads on the
// patients' Documents lists.
test('the demo tribunal case and managers’ hearing are reachable by the office and the RC, with their downloads', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const demo = withFactories<{
    withCase: { id: string; name: string };
    withHearing: { id: string; name: string };
  }>(`
    const person = (p) => ({ id: p.id, name: p.givenName + ' ' + p.familyName });
    const patient = { select: { id: true, givenName: true, familyName: true } };
    const drafted = await db.tribunalDocument.findFirstOrThrow({
      where: { kind: 'RC_REPORT', status: 'DRAFTING', caseId: { not: null },
        author: { email: 'rc.north@cto-tracker.example' }, reportDraft: { sections: { some: {} } } },
      orderBy: { createdAt: 'asc' }, select: { patient },
    });
    const hearing = await db.tribunalDocument.findFirstOrThrow({
      where: { kind: 'RC_REPORT', managersHearingId: { not: null } },
      orderBy: { createdAt: 'asc' }, select: { patient },
    });
    return { withCase: person(drafted.patient), withHearing: person(hearing.patient) };
  `);
  const report = (name: string) => ({ name: `Responsible clinician’s report for ${name}` });

  await signIn(page, 'mha.office@cto-tracker.example');
  await page.goto('/tribunal');
  await expect(page.getByRole('link', report(demo.withCase.name))).toBeVisible();
  await expect(page.getByRole('link', report(demo.withHearing.name))).toBeVisible();
  for (const p of [demo.withCase, demo.withHearing]) {
    await page.goto(`/patients/${p.id}`);
    await expect(
      page
        .getByRole('region', { name: 'Documents', exact: true })
        .getByRole('link', { name: /^PDF\s+of Responsible clinician’s report/ })
        .first(),
    ).toBeVisible();
  }

  const context = await browser.newContext();
  const rc = await context.newPage();
  await signIn(rc, 'rc.north@cto-tracker.example');
  await rc.goto('/tribunal/mine');
  await expect(rc.getByRole('link', report(demo.withHearing.name))).toBeVisible();
  await rc.getByRole('link', report(demo.withCase.name)).click();
  await expect(
    rc.getByRole('heading', { name: 'Responsible clinician’s report', level: 1 }),
  ).toBeVisible();
  await expect(rc.getByText(/Version \d+, saved by /).first()).toBeVisible();
  await expect(rc.getByRole('heading', { name: 'Withholding from the patient' })).toBeVisible();
  await expectAccessible(rc);
  await context.close();
});
