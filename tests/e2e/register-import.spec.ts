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

  await page.getByRole('link', { name: 'Evans, Rhiannon' }).click();
  await expect(page.getByRole('heading', { name: /Rhiannon Evans|Evans/, level: 1 })).toBeVisible();
  await expect(page.getByText(/19 March 2027/).first()).toBeVisible();
  await expectAccessible(page);

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
