// Importing the MHA office's register in the browser (issue 10 §3): upload the sample register
// that ships with the repository, fix a mapping, accept the reconciliation of one mismatch,
// commit, and see the patient and their clocks. Axe on every page visited.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/session';

test.describe.configure({ timeout: 480_000 });

test('the MHA office imports the sample register and sees the clocks of an imported order', async ({
  page,
}) => {
  await signIn(page, 'mha.office@cto-tracker.example');
  await page.getByRole('link', { name: 'Import register' }).first().click();
  await expect(page.getByRole('heading', { name: 'Import the register', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the error pattern.
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(
    page.getByRole('link', { name: 'Choose a CSV or Excel (.xlsx) file' }),
  ).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel('Register file')
    .setInputFiles('tests/fixtures/register/sample-register.csv');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(
    page.getByRole('heading', { name: 'Import of sample-register.csv', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByText('Columns not mapped, so not imported: "Consultant", "Notes".'),
  ).toBeVisible();
  await expect(page.getByText('One blank row was left out.')).toBeVisible();
  await expectAccessible(page);

  // Fix a mapping: "Consultant" is the responsible clinician; "Notes" is not imported.
  await page.getByText('Fix how the columns are mapped').click();
  await page.getByLabel('Column “Consultant”').selectOption({ label: 'Responsible clinician' });
  await page.getByLabel('Column “Notes”').selectOption({ label: 'Do not import this column' });
  await page.getByRole('button', { name: 'Preview again with this mapping' }).click();
  await expect(page.getByText('The file was read again with your mapping.')).toBeVisible();
  await expect(page.getByText('Columns not mapped')).toHaveCount(0);
  await expectAccessible(page);

  // Row 7's register says 19 March 2027; the law gives 19 September 2026 without the renewal
  // the register does not list. Accept the reconciliation: add the missing renewal.
  const row7 = page.getByRole('group', { name: 'Row 7, Expiry date' });
  await expect(row7).toContainText('19 September 2026');
  await expect(row7).toContainText('renewal may be missing');
  await row7.getByLabel(/Add the missing renewal/).check();
  await page.getByRole('button', { name: 'Import the accepted rows and those decided' }).click();
  await expect(page.getByText('8 orders were imported.')).toBeVisible();
  await expectAccessible(page);

  // The imported patients are in the register, with the expiry lib/cto gave them.
  await page.getByRole('link', { name: 'Register', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: 'Register', level: 1 })).toBeVisible();
  for (const [search, name, expiry] of [
    ['Evans', 'EVANS, Rhiannon', '19 March 2027'],
    ['Achebe', 'ACHEBE, Ngozi', '1 April 2027'],
  ] as const) {
    await page.getByLabel('Name or NHS number').fill(search);
    await page.getByRole('button', { name: 'Filter the register' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await expect(row).toContainText(expiry);
  }
  await expectAccessible(page);

  // Their clocks on their pages: the expiry (Evans's with the renewal added by the decision) and
  // the extension window, as for any order.
  for (const [name, expiry] of [
    ['ACHEBE, Ngozi', '1 April 2027'],
    ['EVANS, Rhiannon', '19 March 2027'],
  ] as const) {
    await page.getByLabel('Name or NHS number').fill(name.split(',')[0] as string);
    await page.getByRole('button', { name: 'Filter the register' }).click();
    await page.getByRole('link', { name }).click();
    const deadlines = page.getByRole('table', { name: 'Open deadlines' });
    await expect(
      deadlines.getByRole('row').filter({ hasText: 'Order expires unless extended' }),
    ).toContainText(expiry);
    await expect(deadlines).toContainText('Examine and extend (CTO7) in the extension window');
    await expectAccessible(page);
    await page.goBack();
  }

  // The import can be reviewed afterwards.
  await page.goto('/imports');
  await expect(page.getByRole('link', { name: 'sample-register.csv' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Imported', exact: true }).first()).toBeVisible();
});

test('a care coordinator cannot import', async ({ page }) => {
  await signIn(page, 'coordinator.north@cto-tracker.example');
  await expect(page.getByRole('link', { name: 'Import register' })).toHaveCount(0);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Import the register');
});
