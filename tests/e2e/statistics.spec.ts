// Issue 11 in the browser as the MHA office: the outcomes page, the equality page and the
// national figures for a year, each with its chart (an SVG with a title), the table behind it
// and a CSV download; axe on every page. Read-only: the journey changes nothing.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support/session';

async function checkCsv(page: Page, linkName: RegExp, header: string) {
  const href = await page.getByRole('link', { name: linkName }).getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect((await response.text()).split('\r\n')[0]).toBe(header);
}

// The pointer stays where the last link was clicked, over whatever the next page has there: move
// it away first, or axe judges a hovered link (NHS links lose their underline on hover).
async function accessible(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await expectAccessible(page);
}

test('the MHA office reads the outcomes, the equality figures and the national figures, with charts, tables and CSV', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, 'mha.office@cto-tracker.example');
  await page.getByRole('link', { name: 'Statistics' }).first().click();
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible();
  await accessible(page);
  // An MHSDS-shaped extract, streamed to the MHA office (decision 832).
  await checkCsv(
    page,
    /MHS404 Community treatment orders/,
    'UniqMHActEpisodeID,LocalPatientId,NHSNumber,StartDateCommTreatOrd,ExpiryDateCommTreatOrd,EndDateCommTreatOrd,CommTreatOrdEndReason,CTOTrackerEndReason,CTOTrackerOrderId',
  );

  // Outcomes and the research question.
  await page.getByRole('link', { name: /Outcomes and the social factors/ }).click();
  await expect(
    page.getByRole('heading', { name: /Outcomes of community treatment orders/, level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Quality of life before and after decisions/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: /Quality of life around decisions/ })).toBeVisible();
  const outcomes = page.getByRole('table', { name: /^Outcomes, / });
  await expect(outcomes).toContainText('Recalls per patient-year');
  await expect(outcomes).toContainText('Care coordinator changes per patient-year');
  // When the kept figures were worked out (decision 833).
  await expect(
    page.getByText(/^Figures worked out at \d{2}:\d{2} on \d{1,2} [A-Z][a-z]+ \d{4}\./),
  ).toBeVisible();
  // The social factors at a recall: the demo data assess them with every decision.
  await expect(
    page.getByRole('img', { name: /^Recall: share of ratings that were a concern/ }),
  ).toBeVisible();
  await accessible(page);
  await checkCsv(
    page,
    /Download every table on this page/,
    'year,disclosure,table,row,column,measure,value,unit',
  );

  // Equality.
  await page.getByRole('link', { name: 'equality figures' }).click();
  await expect(
    page.getByRole('heading', { name: /Equality: who is subject to CTOs/, level: 1 }),
  ).toBeVisible();
  // The demo data carry a catchment population: standardised rates by ethnic group.
  await expect(
    page.getByRole('img', { name: /Standardised rate of new CTOs per 100,000 by ethnic group/ }),
  ).toBeVisible();
  const ethnic = page.getByRole('table', { name: /Uses of CTOs by ethnic group/ });
  await expect(ethnic).toContainText('Black or Black British');
  await expect(ethnic).toContainText('Standardised rate per 100,000 (95% CI)');
  await accessible(page);
  await checkCsv(
    page,
    /Download the equality figures/,
    'year,disclosure,measure,measure_label,breakdown,breakdown_label,group,count,crude_rate_per_100000,standardised_rate_per_100000,standardised_rate_lower_95,standardised_rate_upper_95',
  );

  // The national figures, unrounded and then as published.
  await page.getByRole('link', { name: 'MHA annual statistics' }).click();
  await expect(
    page.getByRole('heading', { name: /MHA annual statistics: \d{4}\/\d{2}/, level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /CTO measures, / })).toBeVisible();
  const measures = page.getByRole('table', { name: /The measures, / });
  await expect(measures).toContainText('Uses of CTOs');
  await expect(measures).toContainText('Detentions following revocation of CTO');
  await expect(page.getByText(/Counts are unrounded: for the MHA office only/)).toBeVisible();
  await expect(page.getByText(/^Figures worked out at \d{2}:\d{2} on /)).toBeVisible();
  await expect(
    page.getByText(/counted in the cohort|orders that took effect in the year/).first(),
  ).toBeVisible();
  await accessible(page);
  await checkCsv(
    page,
    /Download every measure and breakdown/,
    'year,disclosure,measure,measure_label,breakdown,breakdown_label,group,count,crude_rate_per_100000,standardised_rate_per_100000,standardised_rate_lower_95,standardised_rate_upper_95',
  );
  await page.getByLabel('Counts').selectOption('published');
  await page.getByRole('button', { name: 'Show figures' }).click();
  await expect(
    page.getByText(/values below 5 as \*, others rounded to the nearest 5/),
  ).toBeVisible();
  await accessible(page);

  // The API answers the contract.
  const api = await page.request.get('/api/v1/statistics/mha-annual?year=2025-26');
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { year: string; measures: Record<string, unknown>[] };
  expect(body.year).toBe('2025/26');
  expect(Object.keys(body.measures[0] ?? {})).toEqual([
    'measure',
    'breakdown',
    'group',
    'count',
    'crudeRate',
    'standardisedRate',
  ]);
  const bad = await page.request.get('/api/v1/statistics/mha-annual?year=2025');
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toContain(
    'is not a year',
  );
});
