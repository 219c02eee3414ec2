// Break-glass end to end: a North coordinator opens a South patient with a reason, sees the
// banner, and the privacy officer reviews it on the report. The South patient is the journey's
// own, so no other journey's checks (for example that a North coordinator is refused South
// patients) ever meet this emergency access.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/session';
import { patientsOnTeams } from './support/factories';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/cto-e2e-screens';

// Long journeys with an axe check on every page: more than the default 60 seconds.
test.describe.configure({ timeout: 480_000 });

test('emergency access: asked with a reason, shown, time-boxed, reviewed', async ({ browser }) => {
  const [south] = patientsOnTeams(['SOUTH'], 'Casey');
  if (!south) throw new Error('The factories made no patient.');
  const reason = `Covering the South duty desk: patient phoned in crisis (${Date.now()}).`;

  const clinicianContext = await browser.newContext();
  const clinician = await clinicianContext.newPage();
  await signIn(clinician, 'coordinator.north@cto-tracker.example');
  // Sign-in lands on the dashboard; emergency access is offered beside the patient list.
  await clinician.getByRole('link', { name: 'Patients', exact: true }).first().click();
  await clinician
    .getByRole('link', { name: 'Open a patient who is not on your list (emergency access)' })
    .click();
  await expect(
    clinician.getByRole('heading', { name: 'Open a patient who is not on your list' }),
  ).toBeVisible();
  await expectAccessible(clinician);

  await clinician.getByRole('button', { name: 'Open the record' }).click();
  await expect(
    clinician.getByRole('link', { name: 'Enter the patient’s NHS number' }),
  ).toBeVisible();
  await expect(
    clinician.getByRole('link', { name: 'Enter why you need to open this record' }),
  ).toBeVisible();
  await expectAccessible(clinician);

  await clinician.getByLabel('NHS number').fill('943 476 5918');
  await clinician.getByLabel('Why do you need this record now?').fill('short');
  await clinician.getByRole('button', { name: 'Open the record' }).click();
  await expect(
    clinician.getByRole('link', {
      name: 'Enter a valid NHS number: check you have typed it correctly',
    }),
  ).toBeVisible();
  await expect(clinician.getByLabel('Why do you need this record now?')).toHaveValue('short');
  await clinician.screenshot({ path: `${SHOTS}/break-glass-errors.png`, fullPage: true });

  await clinician.getByLabel('NHS number').fill(south.nhsNumber);
  await clinician.getByLabel('Why do you need this record now?').fill(reason);
  await clinician.getByRole('button', { name: 'Open the record' }).click();
  await expect(clinician).toHaveURL(new RegExp(`/patients/${south.id}$`));
  await expect(clinician.getByRole('heading', { level: 1 })).toHaveText(south.name);
  const banner = clinician.getByTestId('break-glass-banner');
  await expect(banner).toContainText('You are using emergency access');
  await expect(banner).toContainText(reason);
  await expect(banner).toContainText('Your access ends at');
  await expectAccessible(clinician);
  await clinician.screenshot({ path: `${SHOTS}/break-glass-banner.png`, fullPage: true });
  // The API answers too, while the grant lasts.
  expect((await clinician.request.get(`/api/v1/patients/${south.id}`)).status()).toBe(200);
  await clinicianContext.close();

  const auditorContext = await browser.newContext();
  const auditor = await auditorContext.newPage();
  await signIn(auditor, 'auditor@cto-tracker.example');
  await auditor.goto('/audit/break-glass');
  const row = auditor.getByRole('row').filter({ hasText: reason });
  await expect(row).toBeVisible();
  await expectAccessible(auditor);
  await auditor.screenshot({ path: `${SHOTS}/break-glass-report.png`, fullPage: true });
  await row.getByRole('link', { name: /^Review/ }).click();
  await expect(auditor.getByRole('heading', { name: 'Review emergency access' })).toBeVisible();
  await expect(auditor.getByRole('cell', { name: 'Viewed the record' }).first()).toBeVisible();
  await expectAccessible(auditor);

  await auditor.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(auditor.getByRole('link', { name: 'Enter your review notes' })).toBeVisible();
  await expectAccessible(auditor);
  await auditor.getByLabel('Review notes').fill('Checked with the South duty rota: legitimate.');
  await auditor.getByRole('button', { name: 'Mark as reviewed' }).click();
  await expect(auditor.getByText('Checked with the South duty rota: legitimate.')).toBeVisible();
  await expect(auditor.getByRole('button', { name: 'Mark as reviewed' })).toHaveCount(0);
  await expectAccessible(auditor);
  await auditor.screenshot({ path: `${SHOTS}/break-glass-reviewed.png`, fullPage: true });
  await auditorContext.close();
});
