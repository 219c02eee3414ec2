// The nearest relative's order for discharge end to end (issue 5 part A): the MHA office records
// the order at the moment it was received (the 72 hours start), the responsible clinician bars
// it with a barring report (M2) within the 72 hours, the order continues and the nearest
// relative's 28-day tribunal window and the six-month bar are shown.
import { expect, test } from '@playwright/test';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { pgAdapter } from '@/lib/server/pg-adapter';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

test.describe.configure({ timeout: 480_000 });

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

/** A North patient of rc.north on an order made two months ago, with a nearest relative. */
function northOrderWithRelative(): { patientId: string; orderId: string } {
  return withFactories(`
      const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
      const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
      const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
      const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
      const hospital = await db.hospital.findFirstOrThrow({ where: { name: 'Northshire Hospital' } });
      const today = d.londonDateOf(new Date());
      const madeOn = d.addCalendarDays(today, -60);
      const admitted = d.addCalendarDays(madeOn, -50);
      const familyName = 'Relative' + Date.now().toString(36);
      const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Sam', familyName, allocatedOn: admitted });
      await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admitted });
      const relative = await f.createNearestRelative(db, { patientId: patient.id, name: 'Patricia Mayhew', relationship: 'Mother', startedOn: admitted });
      const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admitted, 15, 0), firstMedicationOn: d.addCalendarDays(admitted, 1) });
      const order = await f.createOrder(db, { patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id, responsibleClinicianId: rc.id, teamId: team.id, amhpId: amhp.id, proposedAt: d.londonTime(d.addCalendarDays(madeOn, -2), 10, 0), amhpRespondedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 15, 0), signedAt: d.londonTime(madeOn, 14, 0) });
      return { patientId: patient.id, orderId: order.id };
  `);
}

test('the MHA office records the order for discharge and the RC bars it: the order continues', async ({
  browser,
}) => {
  const { patientId, orderId } = northOrderWithRelative();
  const base = `/patients/${patientId}/orders/${orderId}`;

  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, `mha.office${DOMAIN}`);
  await office.goto(`${base}/nearest-relative`);
  await expect(
    office.getByRole('heading', { name: 'Nearest relative’s order for discharge' }),
  ).toBeVisible();
  await expectAccessible(office);
  await office.getByRole('button', { name: 'Record the order for discharge' }).click();
  await expect(office.getByRole('link', { name: /Enter the name of the officer/ })).toBeVisible();
  await expectAccessible(office);
  await office.getByLabel('Name of the officer who received it').fill('Jo Bennett, MHA office');
  await office.getByRole('button', { name: 'Record the order for discharge' }).click();
  await expect(office).toHaveURL(/nearest-relative\?recorded=1$/);
  await expect(office.getByText('Nearest relative’s order for discharge pending')).toBeVisible();
  await expect(office.getByText(/takes effect/).first()).toBeVisible();
  await expectAccessible(office);
  await office.screenshot({ path: '/tmp/a-nr-pending.png', fullPage: true });

  const rcContext = await browser.newContext();
  const rc = await rcContext.newPage();
  await signIn(rc, `rc.north${DOMAIN}`);
  await rc.goto(`${base}/nearest-relative`);
  await rc.getByRole('link', { name: 'Bar the discharge (M2)' }).click();
  await expect(
    rc.getByRole('heading', { name: /Bar the nearest relative’s discharge/ }),
  ).toBeVisible();
  await expectAccessible(rc);
  await rc
    .getByLabel(/if discharged the patient would be likely to act in a manner dangerous/)
    .fill('Serious assault on his brother when he last stopped medication; no insight.');
  await rc.getByRole('button', { name: 'Furnish the barring report' }).click();
  await expect(rc).toHaveURL(/nearest-relative\?barred=1$/);
  await expect(rc.getByText('The barring report is recorded. The order continues.')).toBeVisible();
  await expect(
    rc.getByText('Nearest relative may apply to the tribunal', { exact: true }),
  ).toBeVisible();
  await expect(rc.getByText('No further order for discharge until after')).toBeVisible();
  await expect(rc.getByText('In force').first()).toBeVisible();
  await expectAccessible(rc);
  await rc.screenshot({ path: '/tmp/a-nr-barred.png', fullPage: true });

  const order = await db.communityTreatmentOrder.findUniqueOrThrow({
    where: { id: orderId },
    include: { nrOrders: true },
  });
  expect(order.state).toBe('ACTIVE');
  expect(order.nrOrders[0]?.outcome).toBe('BARRED');
  await officeContext.close();
  await rcContext.close();
});
