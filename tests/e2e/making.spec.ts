// Making a community treatment order end to end (issue 5 part A): the responsible clinician
// (rc.north) proposes an order for a North patient with a section 3 detention and no order, the
// AMHP (amhp@) agrees in their own account from the list of agreements requested, and the RC
// makes the order: the patient page shows it in force with its expiry and clocks.
import { expect, test, type Page } from '@playwright/test';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

test.describe.configure({ timeout: 600_000 });

const DOMAIN = '@cto-tracker.example';
let db: PrismaClient;

test.beforeAll(() => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run with `npx tsx scripts/test.ts e2e`.');
  db = new PrismaClient({ adapter: pgAdapter(url, { max: 2 }) });
});
test.afterAll(async () => {
  await db.$disconnect();
});

/** A North patient of rc.north, detained under section 3 at Northshire Hospital, no order. */
async function northPatientOnSection3(): Promise<{ id: string; name: string }> {
  return withFactories(`
      const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
      const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
      const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
      const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
      const hospital = await db.hospital.findFirstOrThrow({ where: { name: 'Northshire Hospital' } });
      const today = d.londonDateOf(new Date());
      const madeOn = d.addCalendarDays(today, 0);
      const admitted = d.addCalendarDays(madeOn, -50);
      const familyName = 'Making' + Date.now().toString(36);
      const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Morgan', familyName, allocatedOn: admitted });
      await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admitted });
      const relative = await f.createNearestRelative(db, { patientId: patient.id, name: 'Patricia Mayhew', relationship: 'Mother', startedOn: admitted });
      const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admitted, 15, 0), firstMedicationOn: d.addCalendarDays(admitted, 1) });
      return { id: patient.id, name: 'Morgan ' + familyName };
  `);
}

async function amhpId(): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email: `amhp${DOMAIN}` } })).id;
}

async function answerSocialFactors(page: Page): Promise<void> {
  const domains = [
    'ACCOMMODATION',
    'RELATIONSHIPS_AND_FAMILY',
    'ACTIVITIES_AND_OCCUPATION',
    'EMPLOYMENT_AND_EDUCATION',
    'FINANCES_AND_BENEFITS',
    'SUBSTANCE_USE',
    'PHYSICAL_HEALTH',
    'ISOLATION',
    'RELATIONSHIP_WITH_CARE_TEAM',
    'CARER_INVOLVEMENT',
    'CULTURE_AND_FAITH',
  ];
  for (const d of domains) {
    await page.locator(`#social-${d}-rating-option-2`).check(); // no concern
    await page.locator(`#social-${d}-significance-option-2`).check(); // minor
  }
}

test('the RC proposes, the AMHP agrees, the RC makes the order: in force with its clocks', async ({
  browser,
}) => {
  const patient = await northPatientOnSection3();

  // --- The responsible clinician: CTO1 Part 1 -------------------------------------------------
  const rcContext = await browser.newContext();
  const rc = await rcContext.newPage();
  await signIn(rc, `rc.north${DOMAIN}`);
  await rc.goto(`/patients/${patient.id}/orders/new`);
  await expect(
    rc.getByRole('heading', { name: 'Propose a community treatment order', exact: true }),
  ).toBeVisible();
  await expect(rc.getByText('If it is proposed to give a certificate under Part 4A')).toBeVisible();
  await expectAccessible(rc);

  // Submitting nothing: the errors are listed and shown beside the fields.
  await rc.getByRole('button', { name: 'Propose the order and ask the AMHP' }).click();
  await expect(rc.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(
    rc.getByRole('link', { name: 'Enter the grounds your opinion is founded on' }),
  ).toBeVisible();
  await expectAccessible(rc);

  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    await rc.locator(`#criteria-${key}-met-option`).check();
    await rc
      .locator(`#criteria-${key}-reasons`)
      .fill(`Criterion (${key}): relapses within weeks of stopping depot medication.`);
  }
  await rc.getByLabel('the patient’s health').check();
  await rc.getByLabel('the patient’s safety').check();
  await rc.getByLabel(/I have considered what risk there would be of deterioration/).check();
  await rc
    .getByLabel('My opinion is founded on the following grounds')
    .fill('Schizophrenia; three admissions in two years after stopping medication.');
  await rc.getByRole('button', { name: 'Add a condition' }).click();
  await rc.getByLabel('Kind of condition').selectOption('RESIDENCE');
  await expect(rc.getByLabel('The condition, as it will appear on the form')).toHaveValue(
    'To live at the address agreed with the care team.',
  );
  await rc.getByLabel('To prevent risk of harm to the patient’s health or safety').check();
  await answerSocialFactors(rc);
  await rc.getByLabel('AMHP to ask for agreement').selectOption(await amhpId());
  await rc.screenshot({ path: '/tmp/a-propose.png', fullPage: true });
  await rc.getByRole('button', { name: 'Propose the order and ask the AMHP' }).click();
  await expect(rc).toHaveURL(new RegExp(`/patients/${patient.id}\\?proposed=1$`));
  await expect(rc.getByText('Proposed').first()).toBeVisible();

  const order = await db.communityTreatmentOrder.findFirstOrThrow({
    where: { patientId: patient.id },
  });
  expect(order.state).toBe('PROPOSED');

  // Part 3 before Part 2: the law's reason, no form.
  await rc.goto(`/patients/${patient.id}/orders/${order.id}/make`);
  await expect(rc.getByText('until an AMHP has agreed in Part 2')).toBeVisible();
  await expectAccessible(rc);

  // --- The AMHP: CTO1 Part 2 -----------------------------------------------------------------
  const amhpContext = await browser.newContext();
  const amhp = await amhpContext.newPage();
  await signIn(amhp, `amhp${DOMAIN}`);
  await expect(amhp).toHaveURL(/\/agreements$/);
  await expect(amhp.getByRole('heading', { name: 'Agreements requested', level: 1 })).toBeVisible();
  await expectAccessible(amhp);
  await amhp.getByRole('link', { name: patient.name }).click();
  await expect(amhp.getByRole('heading', { name: /AMHP’s agreement/ })).toBeVisible();
  await expect(
    amhp.getByText('relapses within weeks of stopping depot medication').first(),
  ).toBeVisible();
  await expectAccessible(amhp);
  await amhp.getByLabel('I agree', { exact: true }).check();
  await amhp.getByLabel(/I agree that the patient meets the criteria/).check();
  await amhp.getByLabel(/I agree that it is appropriate/).check();
  await amhp.getByLabel('To live at the address agreed with the care team.').check();
  await amhp
    .getByLabel('The local social services authority you act on behalf of')
    .fill('Northshire County Council');
  await amhp.screenshot({ path: '/tmp/a-agreement.png', fullPage: true });
  await amhp.getByRole('button', { name: 'Sign Part 2' }).click();
  await expect(amhp).toHaveURL(/\/agreements\?answered=1$/);
  await expect(amhp.getByText('Your answer has been recorded')).toBeVisible();
  await expect(amhp.getByRole('link', { name: patient.name })).toHaveCount(0);
  await expectAccessible(amhp);

  // --- The responsible clinician: CTO1 Part 3 ------------------------------------------------
  await rc.goto(`/patients/${patient.id}/orders/${order.id}/make`);
  await expect(
    rc.getByRole('heading', { name: /Make the community treatment order/ }),
  ).toBeVisible();
  await expectAccessible(rc);
  await rc.getByRole('button', { name: 'Make the order' }).click();
  await expect(rc).toHaveURL(new RegExp(`/patients/${patient.id}\\?made=1`));
  await expect(rc.getByText('In force').first()).toBeVisible();
  await expect(rc.getByText('Current period ends')).toBeVisible();
  await expect(rc.getByRole('heading', { name: 'Deadlines' })).toBeVisible();
  await expectAccessible(rc);
  await rc.screenshot({ path: '/tmp/a-made.png', fullPage: true });

  const made = await db.communityTreatmentOrder.findUniqueOrThrow({ where: { id: order.id } });
  expect(made.state).toBe('ACTIVE');
  expect(made.currentExpiryDate).not.toBeNull();
  await rcContext.close();
  await amhpContext.close();
});

test('the AMHP declines with reasons: the attempt ends and the reasons are kept', async ({
  browser,
}) => {
  const patient = await northPatientOnSection3();
  const rcContext = await browser.newContext();
  const rc = await rcContext.newPage();
  await signIn(rc, `rc.north${DOMAIN}`);
  await rc.goto(`/patients/${patient.id}/orders/new`);
  for (const key of ['a', 'b', 'c', 'd', 'e']) {
    await rc.locator(`#criteria-${key}-met-option`).check();
    await rc.locator(`#criteria-${key}-reasons`).fill('Met.');
  }
  await rc.getByLabel('the patient’s health').check();
  await rc.getByLabel(/I have considered what risk there would be of deterioration/).check();
  await rc.getByLabel('My opinion is founded on the following grounds').fill('Grounds.');
  await answerSocialFactors(rc);
  await rc.getByLabel('AMHP to ask for agreement').selectOption(await amhpId());
  await rc.getByRole('button', { name: 'Propose the order and ask the AMHP' }).click();
  await expect(rc).toHaveURL(new RegExp(`/patients/${patient.id}\\?proposed=1$`));

  const amhpContext = await browser.newContext();
  const amhp = await amhpContext.newPage();
  await signIn(amhp, `amhp${DOMAIN}`);
  await amhp.getByRole('link', { name: patient.name }).click();
  await amhp.getByLabel('I do not agree').check();
  await amhp.getByRole('button', { name: 'Sign Part 2' }).click();
  await expect(
    amhp.getByRole('link', {
      name: 'Enter why you do not agree: the reasons are kept with the record',
    }),
  ).toBeVisible();
  await expectAccessible(amhp);
  await amhp.getByLabel('Your reasons').fill('Engaging well informally; recall is not necessary.');
  await amhp.getByRole('button', { name: 'Sign Part 2' }).click();
  await expect(amhp).toHaveURL(/\/agreements\?answered=1$/);

  const order = await db.communityTreatmentOrder.findFirstOrThrow({
    where: { patientId: patient.id },
    include: { amhpAgreements: true },
  });
  expect(order.state).toBe('DECLINED');
  expect(order.amhpAgreements[0]?.reasons).toContain('recall is not necessary');
  await rcContext.close();
  await amhpContext.close();
});
