// Issue 8 §2 and the contact frequency (decisions 772, 824): the responsible clinician starts
// from the patient page. Months before the window the renewal is not offered; in the window the
// renewal page is an NHS task list, and once the examination is recorded it shows as done with
// what was recorded, never as a blank form again. The care coordinator sets how often the
// patient is seen. Each journey makes its own patients (part-b-fixture).
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/session';
import {
  as,
  fillDate,
  fillSocialFactors,
  londonDay,
  northPatientWithOrder,
  shiftDay,
} from './support/part-b';

test.setTimeout(480_000);
const slow = { timeout: 60_000 };

test('RC: renewal offered only near its window; a recorded step shows as done', async ({
  browser,
}) => {
  const today = londonDay(new Date());
  const early = northPatientWithOrder(shiftDay(today, { months: -2 }));
  const due = northPatientWithOrder(shiftDay(today, { months: -6, days: 21 }));
  const rc = await as(browser, 'rc.north@cto-tracker.example');

  // Made two months ago: the window opens months from now, nothing about renewal is offered.
  await rc.goto(`/patients/${early.patientId}`);
  await expect(rc.getByRole('heading', { name: 'What you can do now' })).toBeVisible(slow);
  const actions = rc.getByRole('list', { name: 'What you can do now' });
  await expect(actions.getByRole('link', { name: /extension|renewal/i })).toHaveCount(0);

  // In the window: the patient page links the renewal; its page is a task list.
  await rc.goto(`/patients/${due.patientId}`);
  await rc
    .getByRole('list', { name: 'What you can do now' })
    .getByRole('link', { name: /extension|renewal/i })
    .first()
    .click();
  await expect(
    rc.getByRole('heading', { name: 'Renewal (extension) of the order', level: 1 }),
  ).toBeVisible(slow);
  const steps = rc.locator('#renewal-steps');
  await expect(steps.locator('.nhsuk-task-list__item')).toHaveCount(6);
  await expect(steps.locator('#renewal-steps-examination-status')).toHaveText('Not started');
  await expect(steps.locator('#renewal-steps-cto7-status')).toHaveText('Cannot start yet');
  await expectAccessible(rc);

  await fillDate(rc, 'examinedOn', today);
  await rc.getByLabel('the patient’s health').check();
  await rc
    .getByLabel('Your opinion is founded on the following grounds')
    .fill('Relapses within weeks of stopping depot; engages only under the order.');
  await rc.getByLabel('I considered what risk there would be', { exact: false }).check();
  await fillSocialFactors(rc);
  await rc.getByRole('button', { name: 'Record the examination' }).click();
  await expect(rc.getByRole('heading', { name: 'Examination recorded' })).toBeVisible(slow);

  // Opened again later: the step is done, with what was recorded, and no blank form.
  await rc.goto(`${due.base}/extension`);
  await expect(steps.locator('#renewal-steps-examination-status')).toHaveText('Completed', slow);
  await expect(steps.locator('#renewal-steps-examination-hint')).toContainText('Examined on');
  await expect(rc.getByRole('button', { name: 'Record the examination' })).toHaveCount(0);
  await expect(rc.getByText('Completed.', { exact: false }).first()).toBeVisible();
  await expect(steps.locator('#renewal-steps-amhp-status')).toHaveText('Not started');
  await expectAccessible(rc);
});

test('care coordinator: sets how often the patient is seen, shown on the patient page', async ({
  browser,
}) => {
  const today = londonDay(new Date());
  const fixture = northPatientWithOrder(shiftDay(today, { months: -1 }));
  const cc = await as(browser, 'coordinator.north@cto-tracker.example');
  await cc.goto(`/patients/${fixture.patientId}`);
  await expect(cc.getByText(/^Every 14 days \(the trust’s default\)/)).toBeVisible(slow);
  await cc.getByRole('link', { name: 'Change how often the patient is seen' }).click();
  await expect(
    cc.getByRole('heading', { name: 'How often the patient is seen', level: 1 }),
  ).toBeVisible(slow);
  await expectAccessible(cc);

  // A wrong answer is refused in plain English, beside the field.
  await cc.getByLabel('How often should the patient be seen, in days?').fill('0');
  await cc.getByRole('button', { name: 'Save how often' }).click();
  await expect(cc.locator('.nhsuk-error-summary')).toContainText(
    'How often must be at least every 1 day',
    slow,
  );
  await expectAccessible(cc);

  await cc.getByLabel('How often should the patient be seen, in days?').fill('21');
  await cc.getByRole('button', { name: 'Save how often' }).click();
  await expect(cc.getByText(/^Every 21 days/)).toBeVisible(slow);
});
