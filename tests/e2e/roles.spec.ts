// Issue 4, part 8: every demo account signs in, lands on its start page and sees exactly its
// scope, in the pages and through the JSON API. axe runs on every page visited. The patients a
// test opens are its own (created here); the lists are compared with the scope while other
// journeys add patients at the same time (expectListedScope).
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startPageFor } from '@/lib/auth/navigation';
import { expectAccessible, signIn } from './support/session';
import { closeDatabase, expectedPatientIds, query } from './support/database';
import { patientsOnTeams } from './support/factories';

const DOMAIN = '@cto-tracker.example';
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/cto-e2e-screens';

// Long journeys with an axe check on every page: more than the default 60 seconds.
test.describe.configure({ timeout: 480_000 });

test.afterAll(async () => {
  await closeDatabase();
});

async function apiPatientIds(request: APIRequestContext): Promise<string[]> {
  const ids = new Set<string>();
  for (let page = 1; page < 50; page += 1) {
    const response = await request.get(`/api/v1/patients?pageSize=100&page=${page}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; total: number };
    for (const item of body.items) ids.add(item.id);
    if (ids.size >= body.total || body.items.length === 0) break;
  }
  return [...ids].sort();
}

async function allPatientIds(): Promise<string[]> {
  return (await query<{ id: string }>(`SELECT id FROM "Patient"`)).map((r) => r.id).sort();
}

/**
 * The API lists exactly the scope, while other journeys create patients at the same time:
 * everything in scope before the call is listed, and nothing listed is outside the scope after
 * it. (Patients are never deleted, and a scope only grows during a run.) Returns the scope.
 */
async function expectListedScope(
  request: APIRequestContext,
  scope: () => Promise<string[]>,
): Promise<string[]> {
  const before = await scope();
  const listed = await apiPatientIds(request);
  const after = await scope();
  expect(
    before.filter((id) => !listed.includes(id)),
    'in scope but not listed',
  ).toEqual([]);
  expect(
    listed.filter((id) => !after.includes(id)),
    'listed but not in scope',
  ).toEqual([]);
  return before;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const CLINICIANS = [
  { email: `coordinator.north${DOMAIN}`, own: 'NORTH', other: 'SOUTH' },
  { email: `coordinator.south${DOMAIN}`, own: 'SOUTH', other: 'NORTH' },
  { email: `rc.north${DOMAIN}`, own: 'NORTH', other: 'SOUTH' },
  { email: `rc.south${DOMAIN}`, own: 'SOUTH', other: 'NORTH' },
] as const;

for (const account of CLINICIANS) {
  test(`${account.email} sees only their team’s and their own patients`, async ({ page }) => {
    const [own, other] = patientsOnTeams([account.own, account.other], 'Robin');
    if (!own || !other) throw new Error('The factories made no patients.');
    await signIn(page, account.email);
    // Issue 8: they start at their dashboard; the patients list is the directory.
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/patients');
    await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Open a patient who is not on your list (emergency access)' }),
    ).toBeVisible();
    await expectAccessible(page);

    const expected = await expectListedScope(page.request, () => expectedPatientIds(account.email));
    expect(expected).toContain(own.id);

    // A patient of the other team is "not found", through the API and the page.
    expect(expected).not.toContain(other.id);
    const api = await page.request.get(`/api/v1/patients/${other.id}`);
    expect(api.status()).toBe(404);
    const denied = await query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "AuditEvent"
        WHERE "userEmail" = $1 AND action = 'patient.read' AND outcome = 'DENIED' AND "patientId" = $2`,
      [account.email, other.id],
    );
    expect(Number(denied[0]?.n)).toBeGreaterThan(0);
    await page.goto(`/patients/${other.id}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expectAccessible(page);
    if (account.email.startsWith('coordinator.north')) {
      await shot(page, 'not-found');
      // An address that matches no page at all: the same words, with its own header.
      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expectAccessible(page);
      await shot(page, 'not-found-unmatched');
    }

    // Their own team's patient opens, without the access history (MHA office only).
    await page.goto(`/patients/${own.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(own.name);
    await expect(
      page.getByRole('heading', { name: 'Who has viewed or changed this record' }),
    ).toHaveCount(0);
    await expectAccessible(page);

    // Not the audit trail nor user administration.
    await page.goto('/audit');
    await expect(
      page.getByRole('heading', { name: 'You do not have permission to see the audit trail' }),
    ).toBeVisible();
    await page.goto('/admin/users');
    await expect(
      page.getByRole('heading', { name: 'You do not have permission to see users' }),
    ).toBeVisible();
    await expectAccessible(page);
  });
}

test('the AMHP sees only the patients whose agreement is asked of them', async ({ page }) => {
  await signIn(page, `amhp${DOMAIN}`);
  await expect(page).toHaveURL(new RegExp(`${startPageFor(['AMHP'])}$`));
  await expect(page.getByRole('link', { name: 'Agreements requested' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/patients');
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
  await expectAccessible(page);
  const expected = await expectListedScope(page.request, () => expectedPatientIds(`amhp${DOMAIN}`));
  expect(expected.length).toBeGreaterThan(0);
  const total = await query<{ n: string }>(`SELECT count(*)::text AS n FROM "Patient"`);
  expect(expected.length).toBeLessThan(Number(total[0]?.n));
});

test('the MHA office sees the whole trust and who has viewed a record', async ({ page }) => {
  const [south] = patientsOnTeams(['SOUTH'], 'Sasha');
  if (!south) throw new Error('The factories made no patient.');
  await signIn(page, `mha.office${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/patients');
  await expectAccessible(page);
  await expectListedScope(page.request, allPatientIds);
  // The scope the test computes is the whole trust too (everyone first: patients only arrive).
  const everyone = await allPatientIds();
  const scope = await expectedPatientIds(`mha.office${DOMAIN}`);
  expect(everyone.filter((id) => !scope.includes(id))).toEqual([]);

  // Opened once by the office itself, so that the access history has a view to show.
  await page.goto(`/patients/${south.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(south.name);
  const api = await page.request.get(`/api/v1/patients/${south.id}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { id: string }).id).toBe(south.id);

  await page.goto(`/patients/${south.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(south.name);
  const history = page.getByRole('region', { name: 'Who has viewed or changed this record' });
  await expect(history).toBeVisible();
  await expect(history.getByRole('cell', { name: /Viewed the record/ }).first()).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'mha-office-patient-access-history');
  // The MHA office reads a patient's history but not the trail as a whole.
  await page.goto('/audit');
  await expect(
    page.getByRole('heading', { name: 'You do not have permission to see the audit trail' }),
  ).toBeVisible();
});

test('the hospital manager sees the whole trust, without the access history', async ({ page }) => {
  const [north] = patientsOnTeams(['NORTH'], 'Morgan');
  if (!north) throw new Error('The factories made no patient.');
  await signIn(page, `manager${DOMAIN}`);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/patients');
  await expectAccessible(page);
  await expectListedScope(page.request, allPatientIds);
  await page.goto(`/patients/${north.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(north.name);
  await expect(
    page.getByRole('heading', { name: 'Who has viewed or changed this record' }),
  ).toHaveCount(0);
  await expectAccessible(page);
});

test('the privacy officer sees the audit trail and is refused patients', async ({ page }) => {
  const [north] = patientsOnTeams(['NORTH'], 'Jordan');
  if (!north) throw new Error('The factories made no patient.');
  await signIn(page, `auditor${DOMAIN}`);
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'auditor-audit-trail');
  const table = await page.getByRole('table').boundingBox();
  if (table) {
    await page.screenshot({
      path: `${SHOTS}/auditor-audit-table.png`,
      fullPage: true,
      clip: { x: 0, y: table.y - 80, width: 1280, height: 1000 },
    });
  }

  await page.goto('/patients');
  await expect(
    page.getByRole('heading', { name: 'You do not have permission to see patients' }),
  ).toBeVisible();
  await expectAccessible(page);
  expect((await page.request.get('/api/v1/patients')).status()).toBe(403);
  expect((await page.request.get(`/api/v1/patients/${north.id}`)).status()).toBe(404);

  // A patient's access history: identity and events only, found by NHS number.
  await page.goto('/audit');
  await page
    .getByLabel('Patient')
    .fill(
      `${north.nhsNumber.slice(0, 3)} ${north.nhsNumber.slice(3, 6)} ${north.nhsNumber.slice(6)}`,
    );
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: north.name })).toBeVisible();
  await expectAccessible(page);

  // Clear errors for a bad search.
  await page.goto('/audit?patient=1234567890&from=31/2/2026&user=someone');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Enter a valid NHS number: check you have typed it correctly' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Start date must be a real date, like 27/3/2026' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', {
      name: 'Enter the user’s email address in full, like name@example.nhs.uk',
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'auditor-audit-search-errors');

  // Every search is itself in the trail.
  const searches = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "AuditEvent" WHERE "userEmail" = $1 AND action = 'audit.search'`,
    [`auditor${DOMAIN}`],
  );
  expect(Number(searches[0]?.n)).toBeGreaterThanOrEqual(2);

  await page.goto('/audit/break-glass');
  await expect(page.getByRole('heading', { name: 'Emergency access', level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test('the system administrator sees users and no patients', async ({ page }) => {
  await signIn(page, `admin${DOMAIN}`);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Priya Raman' })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'admin-users');
  await page.getByRole('link', { name: 'Priya Raman' }).click();
  await expect(page.getByRole('heading', { name: 'Priya Raman', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/patients');
  await expect(
    page.getByRole('heading', { name: 'You do not have permission to see patients' }),
  ).toBeVisible();
  expect((await page.request.get('/api/v1/patients')).status()).toBe(403);
});
