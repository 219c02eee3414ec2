// Treatment certificates end to end (issue 5 part A): a patient on a CTO12 withdraws consent;
// the responsible clinician records it, the CTO12 lapses, and the page warns that medication
// would be given without a certificate (a CTO11 is needed).
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

/** A North patient of rc.north on an order made four months ago, with a CTO12 in force. */
function northOrderWithCto12(): { patientId: string; orderId: string } {
  return withFactories(`
      const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
      const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
      const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
      const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
      const hospital = await db.hospital.findFirstOrThrow({ where: { name: 'Northshire Hospital' } });
      const today = d.londonDateOf(new Date());
      const madeOn = d.addCalendarDays(today, -120);
      const admitted = d.addCalendarDays(madeOn, -50);
      const familyName = 'Certificate' + Date.now().toString(36);
      const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Robin', familyName, allocatedOn: admitted });
      await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admitted });
      const relative = await f.createNearestRelative(db, { patientId: patient.id, name: 'Patricia Mayhew', relationship: 'Mother', startedOn: admitted });
      const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admitted, 15, 0), firstMedicationOn: d.addCalendarDays(admitted, 1) });
      const order = await f.createOrder(db, { patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id, responsibleClinicianId: rc.id, teamId: team.id, amhpId: amhp.id, proposedAt: d.londonTime(d.addCalendarDays(madeOn, -2), 10, 0), amhpRespondedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 15, 0), signedAt: d.londonTime(madeOn, 14, 0) });
      await f.giveCertificate(db, order, { type: 'CTO12', givenOn: d.addCalendarDays(madeOn, 20), certifierName: 'Dr Samuel Adeyinka', certifierId: rc.id });
      return { patientId: patient.id, orderId: order.id };
  `);
}

test('a CTO12 lapses when consent is withdrawn, and the page warns of treatment without cover', async ({
  page,
}) => {
  const { patientId, orderId } = northOrderWithCto12();
  await signIn(page, `rc.north${DOMAIN}`);
  await page.goto(`/patients/${patientId}/orders/${orderId}/certificates`);
  await expect(
    page.getByRole('heading', { name: 'Treatment certificates (Part 4A)' }),
  ).toBeVisible();
  await expect(page.getByText('Certificate needed for medication from')).toBeVisible();
  await expect(page.getByText('Medication would be given without a certificate')).toHaveCount(0);
  await expectAccessible(page);

  // The reason is required.
  await page.getByRole('button', { name: 'Record that the CTO12 no longer applies' }).click();
  await expect(
    page.getByRole('link', { name: 'Say whether consent was withdrawn or capacity lost' }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('The patient withdrew consent').check();
  await page.getByLabel('Notes (optional)').first().fill('Told the team at clinic today.');
  await page.getByRole('button', { name: 'Record that the CTO12 no longer applies' }).click();
  await expect(page).toHaveURL(/certificates\?done=ended$/);
  await expect(page.getByText('Medication would be given without a certificate')).toBeVisible();
  await expect(
    page.getByText(/a CTO11 from a SOAD is needed before further medication/).first(),
  ).toBeVisible();
  await expect(page.getByText('Ended').first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/a-certificates.png', fullPage: true });

  const cert = await db.treatmentCertificate.findFirstOrThrow({ where: { orderId } });
  expect(cert).toMatchObject({ status: 'ENDED', endReason: 'CONSENT_WITHDRAWN' });
});
