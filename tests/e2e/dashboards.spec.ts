// Issue 8: a care coordinator, a responsible clinician and the MHA office each start from their
// dashboard (`/`), find an item of their own patient in the right band, follow its link, clear
// it, and see it gone from the dashboard. axe runs on every dashboard. The coordinator's API
// never lists a South item, and the trust queue is refused to them.
import { expect, test, type Page } from '@playwright/test';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

test.describe.configure({ timeout: 480_000 });

const DOMAIN = '@cto-tracker.example';

interface Made {
  patientId: string;
  orderId: string;
  name: string;
}

/**
 * A patient of the journey's own on `team`, cared for by the demo CC and RC of that team, on an
 * order made `daysAgo` days ago with no contact and no rights information since; the stored
 * deadlines computed as the app would.
 */
function patientOnOrder(team: 'NORTH' | 'SOUTH', givenName: string, daysAgo: number): Made {
  const side = team.toLowerCase();
  return withFactories<Made>(`
    const { recomputeOrderDeadlines } = await import('@/lib/server/deadlines/recompute');
    const t = await db.team.findUniqueOrThrow({ where: { code: '${team}' } });
    const rc = await db.user.findUniqueOrThrow({ where: { email: 'rc.${side}@cto-tracker.example' } });
    const cc = await db.user.findUniqueOrThrow({ where: { email: 'coordinator.${side}@cto-tracker.example' } });
    const amhp = await db.user.findUniqueOrThrow({ where: { email: 'amhp@cto-tracker.example' } });
    const hospital = await db.hospital.findFirstOrThrow({ where: { underOurManagers: true }, orderBy: { siteCode: 'asc' } });
    const now = new Date();
    const today = d.londonDateOf(now);
    const madeOn = d.addCalendarDays(today, -${daysAgo});
    const admitted = d.addCalendarDays(madeOn, -60);
    const familyName = 'Dashboard' + f.unique();
    const patient = await f.createPatient(db, { trustId: t.trustId, teamId: t.id, givenName: ${JSON.stringify(givenName)}, familyName, allocatedOn: admitted });
    await f.assignCareTeam(db, { patientId: patient.id, careCoordinatorId: cc.id, responsibleClinicianId: rc.id, startedOn: admitted });
    const lsp = await f.createLegalStatusPeriod(db, { patientId: patient.id, hospitalId: hospital.id, startAt: d.londonTime(admitted, 15, 0), firstMedicationOn: admitted });
    const order = await f.createOrder(db, { patientId: patient.id, legalStatusPeriodId: lsp.id, responsibleHospitalId: hospital.id, responsibleClinicianId: rc.id, teamId: t.id, amhpId: amhp.id, proposedAt: d.londonTime(d.addCalendarDays(madeOn, -1), 10, 0), amhpRespondedAt: d.londonTime(madeOn, 9, 0), signedAt: d.londonTime(madeOn, 11, 0) });
    await recomputeOrderDeadlines(db, order.id, today, now);
    return { patientId: patient.id, orderId: order.id, name: patient.givenName + ' ' + patient.familyName };
  `);
}

function band(page: Page, name: RegExp) {
  return page.locator('[data-band]').filter({ has: page.getByRole('heading', { name }) });
}

const OVERDUE = /^Overdue/;

async function recordContact(page: Page) {
  await expect(page.getByRole('heading', { name: 'Record a contact', level: 1 })).toBeVisible();
  await page.getByLabel('Home visit', { exact: true }).check();
  await page.getByLabel('Summary of the contact').fill('Seen at home; settled.');
  await page.getByRole('button', { name: 'Save the contact' }).click();
  await expect(page).toHaveURL(/\/contacts\?recorded=1$/);
}

test('a care coordinator clears an overdue contact from "My caseload"; no South item in the API', async ({
  page,
}) => {
  const north = patientOnOrder('NORTH', 'Corin', 20);
  const south = patientOnOrder('SOUTH', 'Sorrel', 20);
  await signIn(page, `coordinator.north${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
  await expectAccessible(page);

  const overdue = band(page, OVERDUE);
  const row = overdue.getByRole('row').filter({ hasText: north.name });
  await expect(row.filter({ hasText: 'Contact due' })).toHaveCount(1);
  await expect(page.getByText(south.name)).toHaveCount(0);
  // The caseload lists the patient with contact overdue.
  await expect(
    page.getByRole('row').filter({ hasText: north.name }).filter({ hasText: 'Contact overdue' }),
  ).toHaveCount(1);

  // The API: my item, never the South patient's; the trust queue is the MHA office's only.
  const api = await page.request.get('/api/v1/work-items');
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: Record<string, unknown>[] };
  expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
    ['basis', 'dueAt', 'kind', 'orderId', 'overdue', 'patientId', 'title'].sort(),
  );
  expect(body.items.some((i) => i.patientId === north.patientId && i.kind === 'CONTACT_DUE')).toBe(
    true,
  );
  expect(body.items.some((i) => i.patientId === south.patientId)).toBe(false);
  const trust = await page.request.get('/api/v1/work-items?scope=trust');
  expect(trust.status()).toBe(403);

  await row
    .filter({ hasText: 'Contact due' })
    .getByRole('link', { name: /Contact due/ })
    .click();
  await recordContact(page);

  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible();
  await expect(
    band(page, OVERDUE)
      .getByRole('row')
      .filter({ hasText: north.name })
      .filter({ hasText: 'Contact due' }),
  ).toHaveCount(0);
  await expectAccessible(page);
});

test('a responsible clinician clears a patient with no recent contact from their dashboard', async ({
  page,
}) => {
  const mine = patientOnOrder('NORTH', 'Rowan', 25);
  await signIn(page, `rc.north${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Your work', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recalls running', exact: true })).toBeVisible();
  await expectAccessible(page);

  const row = band(page, OVERDUE)
    .getByRole('row')
    .filter({ hasText: mine.name })
    .filter({ hasText: 'Contact due' });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: /Contact due/ }).click();
  await recordContact(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your work', level: 1 })).toBeVisible();
  await expect(
    band(page, OVERDUE)
      .getByRole('row')
      .filter({ hasText: mine.name })
      .filter({ hasText: 'Contact due' }),
  ).toHaveCount(0);
});

test('the MHA office clears overdue rights information from the trust work queue', async ({
  page,
}) => {
  const patient = patientOnOrder('SOUTH', 'Morwenna', 12);
  await signIn(page, `mha.office${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { name: "The trust's work queue", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'the register' })).toBeVisible();
  await expectAccessible(page);

  // Filter by kind (a GET form on a page of its own: the filtered queue has its own address).
  await page.getByRole('link', { name: 'Filter the work queue' }).click();
  await expect(
    page.getByRole('heading', { name: 'Filter the work queue', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What is due').selectOption('RIGHTS_INFORMATION');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=RIGHTS_INFORMATION/);
  await expect(page.getByRole('listitem').filter({ hasText: 'What is due:' })).toContainText(
    'Rights information',
  );
  const row = band(page, OVERDUE).getByRole('row').filter({ hasText: patient.name });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);

  await row.getByRole('link', { name: /Give rights information/ }).click();
  await page.getByLabel('The information was given orally').check();
  await page.getByLabel('The information was given in writing').check();
  await page
    .getByRole('group', { name: 'How well did the patient understand?' })
    .getByRole('radio')
    .first()
    .check();
  await page
    .getByRole('group', { name: /object to the nearest relative/ })
    .getByLabel('No')
    .check();
  await page.getByRole('button', { name: 'Record the rights information' }).click();
  await expect(page).toHaveURL(/\/rights\?done=1$/);

  await page.goto('/?kind=RIGHTS_INFORMATION');
  await expect(
    page.getByRole('heading', { name: "The trust's work queue", level: 1 }),
  ).toBeVisible();
  await expect(band(page, OVERDUE).getByRole('row').filter({ hasText: patient.name })).toHaveCount(
    0,
  );
});

test("the hospital manager's dashboard is axe clean and lists the reviews waiting", async ({
  page,
}) => {
  await signIn(page, `manager${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { name: 'CTO7s received and waiting for review' }),
  ).toBeVisible();
  await expect(
    band(page, OVERDUE)
      .getByRole('row')
      .filter({ hasText: /review/ }),
  ).not.toHaveCount(0);
  await expectAccessible(page);
});

test("the AMHP's dashboard (/agreements) shows a deadline for every request", async ({ page }) => {
  await signIn(page, `amhp${DOMAIN}`);
  await expect(page).toHaveURL(/\/agreements$/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.first()).toBeVisible();
  // Every request shows its deadline (the extension request showed none before issue 8).
  const count = await rows.count();
  for (let i = 1; i < count; i += 1) {
    await expect(rows.nth(i)).toContainText(/By the end of|Before /);
  }
  await expectAccessible(page);
});
