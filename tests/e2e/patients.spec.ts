// Issue 10 §3, as the MHA office does it: register a patient, change their care coordinator,
// correct their date of birth with a reason, and see both in the record's history and the
// chronology. The patient is the journey's own (a fresh NHS number). axe on every new page.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/session';

/** A random NHS number with a valid Modulus 11 check digit, spaced 3-3-4. */
function freshNhsNumber(): string {
  for (;;) {
    const nine = Array.from({ length: 9 }, (_, i) =>
      i === 0 ? 1 + Math.floor(Math.random() * 8) : Math.floor(Math.random() * 10),
    );
    const sum = nine.reduce((acc, d, i) => acc + d * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const digits = [...nine, check === 11 ? 0 : check].join('');
    return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  }
}

async function chooseOtherThan(page: Page, select: ReturnType<Page['getByLabel']>) {
  const current = await select.inputValue();
  const values = await select
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const other = values.find((v) => v !== '' && v !== current);
  if (!other) throw new Error('Only one person to choose from');
  await select.selectOption(other);
  return other;
}

test('the MHA office registers a patient, changes their care coordinator and corrects their date of birth', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const nhsNumber = freshNhsNumber();
  const familyName = `Register-${Date.now()}`;
  await signIn(page, 'mha.office@cto-tracker.example');

  // --- Register ------------------------------------------------------------------------------
  await page.goto('/patients');
  await expect(page.getByRole('link', { name: 'Register a patient' })).toHaveAttribute(
    'href',
    '/patients/new',
  );
  await page.goto('/patients/new');
  await expect(page.getByRole('heading', { name: 'Register a patient', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Nothing entered: every required field says what it needs, in the summary and beside it.
  await page.getByRole('button', { name: 'Register the patient' }).click();
  await expect(page.getByRole('link', { name: 'Enter the patient’s NHS number' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('NHS number').fill(nhsNumber);
  await page.getByLabel('Local patient identifier').fill(`E2E-${Date.now()}`);
  await page.getByLabel('First name').fill('Ruth');
  await page.getByLabel('Last name', { exact: true }).fill(familyName);
  await page.locator('#dateOfBirth-day').fill('3');
  await page.locator('#dateOfBirth-month').fill('7');
  await page.locator('#dateOfBirth-year').fill('1979');
  await page.getByLabel('Female', { exact: true }).check();
  await page.getByLabel('Ethnic category').selectOption('A');
  await page.getByLabel('Town or city (optional)').fill('Northshire');
  await page.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Care coordinator (optional)').selectOption({ index: 1 });
  await page.getByLabel('Responsible clinician (optional)').selectOption({ index: 1 });
  // Taken on in the past, so that today's change of care coordinator comes after it.
  await page.locator('#allocatedOn-day').fill('2');
  await page.locator('#allocatedOn-month').fill('6');
  await page.locator('#allocatedOn-year').fill('2025');
  await page.getByLabel('Nearest relative’s name').fill('Peter ' + familyName);
  await page.getByLabel('Relationship to the patient').fill('Husband');
  await page
    .getByRole('group', {
      name: 'Does the patient object to their nearest relative being consulted or informed?',
    })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Register the patient' }).click();

  await expect(page.getByText('The patient is registered.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Ruth ${familyName}`, level: 1 })).toBeVisible();
  await expectAccessible(page);
  const patientUrl = page.url().replace(/\?.*$/, '');

  // The same NHS number again is refused, with a link to the record that has it.
  await page.goto('/patients/new');
  await page.getByLabel('NHS number').fill(nhsNumber);
  await page.getByLabel('Local patient identifier').fill(`E2E-dup-${Date.now()}`);
  await page.getByLabel('First name').fill('Ruth');
  await page.getByLabel('Last name', { exact: true }).fill(familyName);
  await page.locator('#dateOfBirth-day').fill('3');
  await page.locator('#dateOfBirth-month').fill('7');
  await page.locator('#dateOfBirth-year').fill('1979');
  await page.getByLabel('Female', { exact: true }).check();
  await page.getByLabel('Ethnic category').selectOption('A');
  await page.getByLabel('Team', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Register the patient' }).click();
  await expect(
    page.getByRole('link', { name: 'A patient with this NHS number is already registered' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the existing record' })).toHaveAttribute(
    'href',
    new URL(patientUrl).pathname,
  );

  // --- Change the care coordinator ----------------------------------------------------------
  await page.goto(patientUrl);
  await expect(
    page.getByRole('link', { name: 'Change the care coordinator or responsible clinician' }),
  ).toHaveAttribute('href', `${new URL(patientUrl).pathname}/assignments`);
  await page.goto(`${patientUrl}/assignments`);
  await expect(page.getByRole('heading', { name: 'Care team changes', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const ccForm = page.locator('form').filter({ has: page.getByLabel('New care coordinator') });
  await chooseOtherThan(page, ccForm.getByLabel('New care coordinator'));
  await ccForm.getByLabel('A change: something is different from a date').check();
  await ccForm.getByRole('button', { name: 'Save the care coordinator' }).click();
  await expect(page.getByText('The care team change is saved.')).toBeVisible();
  const coordinators = page.locator('section', {
    has: page.getByRole('heading', { name: 'Care coordinators' }),
  });
  await expect(coordinators.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page);

  // --- Correct the date of birth, with a reason ---------------------------------------------
  await page.goto(`${patientUrl}/edit`);
  await expect(
    page.getByRole('heading', { name: 'Correct or change details', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('A correction: the record was wrong').check();
  await page.locator('#dateOfBirth-day').fill('13');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  // A correction without a reason is refused.
  await expect(
    page.getByRole('link', { name: 'Enter why the record was wrong: a correction needs a reason' }),
  ).toBeVisible();
  await page
    .getByLabel('Why was the record wrong? (needed for a correction)')
    .fill('Day and month read from the wrong line of the referral');
  await page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(page.getByText('The changes are saved.')).toBeVisible();

  const history = page.getByRole('table', { name: 'Every correction and change, newest first' });
  await expect(history.getByText('Date of birth corrected')).toBeVisible();
  await expect(history.getByText('From 3 July 1979 to 13 July 1979.')).toBeVisible();
  await expect(
    history.getByText('Reason: Day and month read from the wrong line of the referral'),
  ).toBeVisible();
  await expect(history.getByText('Care coordinator changed')).toBeVisible();
  await expect(history.getByText('Patient registered')).toBeVisible();
  await expectAccessible(page);

  // The chronology tells the same story.
  await page.goto(`${patientUrl}/chronology`);
  await expect(page.getByText('Date of birth corrected')).toBeVisible();
  await expect(page.getByText('Care coordinator changed')).toBeVisible();
  await expectAccessible(page);
});
