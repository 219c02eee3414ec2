// Issue 13 part 1: forms written once per field through one binding. As each role, a refused
// submission comes back with the errors in the order of the fields on the page, beside the
// fields, with what was typed and chosen kept; and the page stays accessible.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/session';
import { as, londonDay, northPatientWithOrder, shiftDay, shot } from './support/part-b';

test.setTimeout(360_000);

async function summaryLinks(page: Page): Promise<string[]> {
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeVisible();
  return summary.locator('a').allTextContents();
}

test('refused forms keep what was entered, as each role', async ({ browser }) => {
  const today = londonDay(new Date());
  const fixture = northPatientWithOrder(shiftDay(today, { months: -2 }));
  const { base, patientId } = fixture;

  // The responsible clinician: the recall (CTO3), with its social factors fieldset.
  const rc = await as(browser, 'rc.north@cto-tracker.example');
  await rc.goto(`${base}/recall`);
  await expect(rc.getByRole('heading', { name: 'Recall to hospital', level: 1 })).toBeVisible();
  await rc.getByLabel('The grounds for your opinion').fill('Stopped depot; relapsing.');
  await rc.getByRole('button', { name: 'Record the recall' }).click();
  const recallLinks = await summaryLinks(rc);
  expect(recallLinks[0]).toContain('ground'); // the first field on the page comes first
  await expect(rc.getByLabel('The grounds for your opinion')).toHaveValue(
    'Stopped depot; relapsing.',
  );
  await expectAccessible(rc);
  await shot(rc, 'refused-recall');

  // The MHA office: the nearest relative's order, without the officer's name.
  const mha = await as(browser, 'mha.office@cto-tracker.example');
  await mha.goto(`${base}/nearest-relative`);
  await expect(mha.getByRole('button', { name: 'Record the order for discharge' })).toBeVisible();
  await mha.getByLabel('Notes (optional)').fill('Handed in at reception.');
  await mha.getByRole('button', { name: 'Record the order for discharge' }).click();
  expect(await summaryLinks(mha)).toEqual([
    expect.stringContaining('name of the officer who received it'),
  ]);
  await expect(mha.locator('#receivedBy-error')).toBeVisible();
  await expect(mha.getByLabel('Notes (optional)')).toHaveValue('Handed in at reception.');
  await expectAccessible(mha);
  await shot(mha, 'refused-nearest-relative');

  // The care coordinator: a contact with no way it happened chosen.
  const cc = await as(browser, 'coordinator.north@cto-tracker.example');
  await cc.goto(`/patients/${patientId}/contacts/new`);
  await expect(cc.getByRole('heading', { name: 'Record a contact', level: 1 })).toBeVisible();
  await cc.getByLabel('Summary of the contact').fill('Talked about the new flat.');
  await cc.getByLabel('Kind of activity 2').selectOption({ index: 1 });
  await cc.getByRole('button', { name: 'Save the contact' }).click();
  const contactLinks = await summaryLinks(cc);
  expect(contactLinks.length).toBeGreaterThan(0);
  await expect(cc.getByLabel('Summary of the contact')).toHaveValue('Talked about the new flat.');
  await expect(cc.getByLabel('Kind of activity 2')).not.toHaveValue('');
  await expectAccessible(cc);
  await shot(cc, 'refused-contact');

  // The administrator: a new user with an email address in the wrong format.
  const admin = await as(browser, 'admin@cto-tracker.example');
  await admin.goto('/admin/users/new');
  await expect(admin.getByRole('heading', { name: 'Add a user', level: 1 })).toBeVisible();
  await admin.getByLabel('Full name').fill('Alex Example');
  await admin.getByLabel('Email address').fill('not-an-address');
  await admin.getByRole('button', { name: 'Add user' }).click();
  expect(await summaryLinks(admin)).toContainEqual(expect.stringContaining('email address'));
  await expect(admin.getByLabel('Full name')).toHaveValue('Alex Example');
  await expect(admin.getByLabel('Email address')).toHaveValue('not-an-address');
  await expectAccessible(admin);
  await shot(admin, 'refused-create-user');
});
