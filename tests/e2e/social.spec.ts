// Issue 5, parts 2 and 3, as the care coordinator does it: record a contact and a social factors
// review for a patient on the North team (pre-filled from the last assessment; one domain
// changed), see the chart move and both entries in the chronology; a quality-of-life rating
// with its range check. axe on every page visited; screenshots in /tmp/c-*.png.
import { expect, test, type Page } from '@playwright/test';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * A North patient of the journey's own (coordinator.north, rc.north) with an order in force, an
 * earlier social factors assessment and earlier quality-of-life ratings: what this journey
 * records and reads back never meets another journey's patients, nor theirs this one's.
 */
function northPatientWithAssessment(): { id: string; name: string } {
  return withFactories(`
    const team = await db.team.findUniqueOrThrow({ where: { code: 'NORTH' } });
    const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.north@cto-tracker.example' } });
    const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.north@cto-tracker.example' } });
    const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
    const hospital = await db.hospital.findUniqueOrThrow({ where: { siteCode: 'RXX01' } });
    const today = d.londonDateOf(new Date());
    const madeOn = d.addCalendarDays(today, -60);
    const admittedOn = d.addCalendarDays(madeOn, -60);
    const patient = await f.createPatient(db, { trustId: team.trustId, teamId: team.id, givenName: 'Sam', familyName: 'Social-' + f.unique(), allocatedOn: admittedOn });
    await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admittedOn });
    const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admittedOn, 14, 0), firstMedicationOn: d.addCalendarDays(admittedOn, 1) });
    const order = await f.createOrder(db, {
      patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id,
      responsibleClinicianId: rc.id, teamId: team.id, amhpId: amhp.id,
      proposedAt: d.londonTime(d.addCalendarDays(madeOn, -2), 10, 0),
      amhpRespondedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 15, 0),
      signedAt: d.londonTime(madeOn, 13, 0),
    });
    await f.createSocialFactorAssessment(db, {
      patientId: patient.id, orderId: order.id, decisionPoint: 'MAKING', assessedOn: madeOn, assessedById: rc.id,
      summary: 'Settled at home; family supportive.',
      ratings: [{ domain: 'ACCOMMODATION', rating: 'SOME_CONCERN', significance: 'MODERATE' }],
    });
    await f.createQualityOfLifeRatings(db, [
      { patientId: patient.id, ratedOn: d.addCalendarDays(today, -50), score: 22, recordedById: cc.id },
      { patientId: patient.id, ratedOn: d.addCalendarDays(today, -20), score: 26, recordedById: cc.id },
    ]);
    return { id: patient.id, name: patient.givenName + ' ' + patient.familyName };
  `);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/c-${name}.png`, fullPage: true });
}

test('the care coordinator records a contact and a social factors review, and sees them in the chronology', async ({
  page,
}) => {
  test.setTimeout(840_000);
  const patient = northPatientWithAssessment();
  const today = LONDON_DATE.format(new Date());
  await signIn(page, 'coordinator.north@cto-tracker.example');

  // --- A contact, with one care activity ---------------------------------------------------
  await page.goto(`/patients/${patient.id}/contacts`);
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Patient record' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Record a contact' }).click();
  await expect(page.getByRole('heading', { name: 'Record a contact', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // First without saying how it happened: the error is shown beside the field.
  await page
    .getByLabel('Summary of the contact')
    .fill('Home visit: settled, talked about the lunch club.');
  await page.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page.getByRole('link', { name: 'Select how the contact happened' })).toBeVisible();
  await expect(page.getByLabel('Summary of the contact')).toHaveValue(
    'Home visit: settled, talked about the lunch club.',
  );
  await expectAccessible(page);
  await shot(page, 'contact-error');

  await page.getByLabel('Home visit', { exact: true }).check();
  await page.getByLabel('How long was it, in minutes? (optional)').fill('40');
  await page.getByLabel('Kind of activity 1').selectOption('BENEFITS_AND_MONEY');
  await page.getByLabel('What was done in activity 1').fill('Helped with the PIP review form');
  await page.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page).toHaveURL(/\/contacts\?recorded=1$/);
  await expect(page.getByText('The contact has been saved.')).toBeVisible();
  await expect(page.getByText('Home visit: settled, talked about the lunch club.')).toBeVisible();
  await expect(page.getByText('Helped with the PIP review form')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'contacts');

  // --- A social factors review, pre-filled; housing has changed ------------------------------
  await page.getByRole('link', { name: 'Social factors' }).click();
  await expect(page.getByRole('heading', { name: 'Social factors', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'social-before');
  await page.getByRole('link', { name: 'Record a social factors review' }).click();
  await expect(page.getByRole('heading', { name: 'Record a social factors review' })).toBeVisible();
  await expect(page.getByText(/Last assessed on/)).toBeVisible();
  // Every domain starts from the last answers and is folded away.
  await expect(page.getByText('Same as last time')).toHaveCount(11);
  await expectAccessible(page);
  await shot(page, 'social-new');

  // Change housing to something it was not last time.
  const housing = page.locator('summary', { hasText: 'Housing' });
  const before = (await housing.textContent()) ?? '';
  const target = before.includes('Serious concern') ? 'Strength' : 'Serious concern';
  await housing.click();
  const rating = page.getByRole('group', { name: 'Housing: How is it now?' });
  await rating.getByLabel(target, { exact: true }).check();
  const significance = page.getByRole('group', {
    name: 'Housing: How significant was it in this review?',
  });
  await significance.getByLabel('Major').check();
  await page
    .getByLabel('Notes about housing (optional)')
    .fill('Notice to quit served; arrears after a benefits gap.');
  await expect(housing.getByText('Changed')).toBeVisible();
  await expect(page.getByText('Same as last time')).toHaveCount(10);
  await page
    .getByLabel(/^Summary: how social factors shaped this review/)
    .fill('Housing is now the main risk to staying well at home.');
  await expectAccessible(page);
  await shot(page, 'social-new-changed');
  await page.getByRole('button', { name: 'Save the review' }).click();

  await expect(page).toHaveURL(/\/social\?recorded=1$/);
  await expect(page.getByText('The social factors review has been saved.')).toBeVisible();
  const latest = page.getByRole('table', { name: `Ratings on ${today}` });
  await expect(latest.getByRole('row', { name: /Housing/ })).toContainText(target);
  await expect(latest.getByRole('row', { name: /Housing/ })).toContainText(
    'Notice to quit served; arrears after a benefits gap.',
  );
  // The chart has today's assessment as its newest column; its table says the same.
  await expect(
    page.getByRole('img', { name: 'How each social factor has moved over time' }),
  ).toBeVisible();
  await page.getByText('Show the chart as a table').click();
  const chartTable = page.getByRole('table', { name: /Ratings of each social factor/ });
  await expect(chartTable.getByRole('columnheader').nth(-2)).toContainText(today);
  await expect(
    chartTable
      .getByRole('row', { name: /^Housing/ })
      .getByRole('cell')
      .nth(-2),
  ).toContainText(`${target} (major)`);
  await expectAccessible(page);
  await shot(page, 'social-after');

  // --- The chronology -----------------------------------------------------------------------
  await page.getByRole('link', { name: 'Chronology' }).click();
  await expect(page.getByRole('heading', { name: 'Chronology', level: 1 })).toBeVisible();
  await expect(page.getByText('Social factors assessed: review').first()).toBeVisible();
  await expect(page.getByText('Contact: home visit (40 minutes)').first()).toBeVisible();
  await expect(page.getByText(new RegExp(`${target}: [a-z, ]*housing`)).first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'chronology');

  // Filtered to contacts only, without JavaScript needed (a GET form).
  await page.getByText('Filter the chronology').click();
  await page.getByLabel('Contacts and activities').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kinds%5B%5D=contact|kinds\[\]=contact/);
  await expect(page.getByText('Social factors assessed: review')).toHaveCount(0);
  await expect(page.getByText('Contact: home visit (40 minutes)').first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'chronology-filtered');

  // --- The contact was a mistake: entered in error, struck through, reason kept --------------
  await page.goto(`/patients/${patient.id}/contacts`);
  await page
    .getByRole('link', { name: /Mark as entered in error/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { name: 'Mark a contact as entered in error' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel('Why was this contact entered in error?')
    .fill('Recorded twice: duplicate of the visit note');
  await page.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(page.getByText('The contact has been marked as entered in error.')).toBeVisible();
  await page.goto(`/patients/${patient.id}/chronology?kinds[]=contact`);
  await expect(page.getByText(/Recorded twice: duplicate of the visit note/)).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'chronology-in-error');
});

test('the care coordinator records a quality-of-life rating; a score out of range is explained', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const patient = northPatientWithAssessment();
  await signIn(page, 'coordinator.north@cto-tracker.example');
  await page.goto(`/patients/${patient.id}/quality-of-life`);
  await expect(page.getByRole('heading', { name: 'Quality of life', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Quality-of-life scores over time' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'quality-of-life');
  await page.getByRole('link', { name: 'Record a rating' }).click();
  await page.getByLabel('Score', { exact: true }).fill('45');
  await page.getByRole('button', { name: 'Save the rating' }).click();
  await expect(
    page.getByRole('link', { name: 'The score must be between 0 and 40 for ReQoL-10' }),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'quality-of-life-error');
  await page.getByLabel('Score', { exact: true }).fill('31');
  await page.getByRole('button', { name: 'Save the rating' }).click();
  await expect(page.getByText('The rating has been saved.')).toBeVisible();
  await expect(page.getByRole('cell', { name: '31 out of 40' }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a coordinator cannot open another team’s patient’s chronology', async ({ page }) => {
  const patient = northPatientWithAssessment();
  await signIn(page, 'coordinator.south@cto-tracker.example');
  const response = await page.goto(`/patients/${patient.id}/chronology`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Social factors assessed')).toHaveCount(0);
});
