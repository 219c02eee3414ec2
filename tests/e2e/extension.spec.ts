// Journey (issue 5): an order in its renewal window. An examination date outside the window is
// refused with the window's dates; inside it succeeds; the RC consults, asks the AMHP, the AMHP
// agrees in their own account, the RC furnishes the CTO7 and the new expiry shows at once.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/session';
import {
  as,
  fillDate,
  fillSocialFactors,
  londonDay,
  northPatientWithOrder,
  shiftDay,
  shot,
} from './support/part-b';

// Several people's steps on a shared embedded database: give each submission time.
test.setTimeout(720_000);

test('renewal (extension): refused outside the window, then examined, agreed and furnished', async ({
  browser,
}) => {
  const today = londonDay(new Date());
  // Made six months ago less three weeks: the first period ends in about three weeks.
  const fixture = northPatientWithOrder(shiftDay(today, { months: -6, days: 21 }));
  const { base } = fixture;

  const rc = await as(browser, 'rc.north@cto-tracker.example');
  await rc.goto(`${base}/extension`);
  await expect(
    rc.getByRole('heading', { name: 'Renewal (extension) of the order', level: 1 }),
  ).toBeVisible();
  await expectAccessible(rc);

  // Outside the window: refused, with the window's dates.
  await fillDate(rc, 'examinedOn', fixture.beforeWindow);
  await rc.getByLabel('the patient’s health').check();
  await rc
    .getByLabel('Your opinion is founded on the following grounds')
    .fill('Relapses within weeks of stopping depot; engages only under the order.');
  await rc.getByLabel('I considered what risk there would be', { exact: false }).check();
  await fillSocialFactors(rc);
  await rc.getByRole('button', { name: 'Record the examination' }).click();
  await expect(rc.getByText('There is a problem')).toBeVisible();
  await expect(rc.locator('.nhsuk-error-summary')).toContainText(fixture.windowOpensText);
  await expect(rc.locator('.nhsuk-error-summary')).toContainText(fixture.expiryText);
  await expect(rc.locator('#examinedOn-error')).toContainText(fixture.windowOpensText);
  await expectAccessible(rc);
  await shot(rc, 'extension-outside-window');

  // Inside the window.
  await fillDate(rc, 'examinedOn', today);
  await rc.getByRole('button', { name: 'Record the examination' }).click();
  await expect(rc.getByRole('heading', { name: 'Examination recorded' })).toBeVisible();

  await rc.getByLabel('Full name of the person you consulted').fill('Sam Okafor');
  await rc.getByLabel('Their profession').fill('Community psychiatric nurse');
  await fillDate(rc, 'consultedOn', today);
  await rc.getByRole('button', { name: 'Record the consultation' }).click();
  await expect(rc.getByRole('heading', { name: 'Consultation recorded' })).toBeVisible();

  await rc.getByLabel('Approved mental health professional (AMHP)').selectOption(fixture.amhpId);
  await rc.getByRole('button', { name: 'Ask the AMHP' }).click();
  await expect(rc.getByRole('heading', { name: 'AMHP asked' })).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'extension-steps');

  const amhp = await as(browser, 'amhp@cto-tracker.example');
  await amhp.goto(`${base}/extension/agreement`);
  await expectAccessible(amhp);
  await amhp.getByLabel('Yes, I agree').check();
  await amhp
    .getByLabel('Local social services authority you are acting on behalf of')
    .fill('Northshire County Council');
  await amhp.getByRole('button', { name: 'Record my decision' }).click();
  await expect(amhp.getByRole('heading', { name: 'Your decision is recorded' })).toBeVisible();
  await shot(amhp, 'extension-amhp-agreed');

  await rc.goto(`${base}/extension`);
  await rc.getByLabel('today consigning it to the hospital managers’ internal mail system').check();
  await rc.getByRole('button', { name: 'Furnish the CTO7' }).click();
  await expect(rc.getByRole('heading', { name: 'Order renewed (extended)' })).toBeVisible();
  const confirmation = await rc.locator('.app-flow-confirmation').textContent();
  const newExpiry = /until the end of (\d{1,2} \w+ \d{4})/.exec(confirmation ?? '')?.[1];
  expect(newExpiry).toBeTruthy();
  expect(newExpiry).not.toBe(fixture.expiryText);
  await expectAccessible(rc);
  await shot(rc, 'extension-furnished');

  // The patient page shows the new expiry at once.
  await rc.goto(`/patients/${fixture.patientId}`);
  await expect(rc.getByText(newExpiry ?? '').first()).toBeVisible();
  await expectAccessible(rc);
  await shot(rc, 'extension-patient-page');

  // The MHA office records receipt (Part 4).
  const mha = await as(browser, 'mha.office@cto-tracker.example');
  await mha.goto(`${base}/extension/managers`);
  await expectAccessible(mha);
  await shot(mha, 'extension-managers');
});
