// Sign-in with NHS CIS2 against a real OpenID Connect provider on localhost
// (tests/support/cis2-provider.ts, started by scripts/test.ts), which, as CIS2 does, returns
// the claims only from its UserInfo endpoint.
import { expect, test, type Page } from '@playwright/test';
import { CIS2_USERS } from '../support/cis2-users';
import { query } from './support/database';
import { expectAccessible } from './support/session';

const ISSUER = process.env.CIS2_ISSUER ?? '';
const CIS2_BUTTON = 'Sign in with NHS Care Identity Service 2';

test.skip(!ISSUER, 'The CIS2 stand-in is started by `npm test -- e2e`.');

async function startCis2SignIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByRole('button', { name: CIS2_BUTTON }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the CIS2 stand-in' })).toBeVisible();
  expect(page.url().startsWith(ISSUER)).toBe(true);
}

async function signInAtProvider(page: Page, uid: string): Promise<void> {
  await page.getByLabel('CIS2 user id').fill(uid);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

interface AuditRow {
  userId: string | null;
  outcome: string;
  reason: string | null;
  roles: string[];
  ipAddress: string | null;
  userAgent: string | null;
  route: string | null;
  metadata: Record<string, unknown>;
}

/** The CIS2 sign-in audit rows written since `since`, for one CIS2 user id or user. */
async function signInRows(since: Date, match: { cis2UserId?: string; userId?: string }) {
  return query<AuditRow>(
    `SELECT "userId", outcome, reason, roles, "ipAddress", "userAgent", route, metadata
       FROM "AuditEvent"
      WHERE action = 'auth.sign-in' AND "occurredAt" >= $1
        AND metadata->>'provider' = 'cis2'
        AND ($2::text IS NULL OR metadata->>'cis2UserId' = $2)
        AND ($3::text IS NULL OR "userId" = $3)
      ORDER BY id`,
    [since, match.cis2UserId ?? null, match.userId ?? null],
  );
}

async function currentRoles(email: string): Promise<string[]> {
  const rows = await query<{ role: string }>(
    `SELECT r.role::text AS role FROM "UserRole" r JOIN "User" u ON u.id = r."userId"
      WHERE u.email = $1 AND r."revokedAt" IS NULL ORDER BY r.role`,
    [email],
  );
  return rows.map((r) => r.role);
}

test('a responsible clinician signs in with CIS2, signs out at the provider too, and is asked for credentials again', async ({
  page,
}) => {
  const user = CIS2_USERS.rc;
  const since = new Date(Date.now() - 1000);
  const found = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [user.email]);
  const userId = found[0]!.id;

  await startCis2SignIn(page);
  await signInAtProvider(page, user.uid);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await currentRoles(user.email)).toContain('RESPONSIBLE_CLINICIAN');

  // Linked by email on first use; one sign-in row, with the same detail as a password sign-in.
  const linked = await query<{ oidcSubject: string }>(
    `SELECT "oidcSubject" FROM "User" WHERE id = $1`,
    [userId],
  );
  expect(linked[0]?.oidcSubject).toBe(user.uid);
  const rows = await signInRows(since, { userId });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    outcome: 'SUCCESS',
    route: '/api/auth/callback/cis2',
    metadata: { cis2UserId: user.uid, acr: 'AAL3_ANY', selectedRoleCode: 'S8000:G8000:R8000' },
  });
  expect(rows[0]?.roles).toContain('RESPONSIBLE_CLINICIAN');
  expect(rows[0]?.userAgent).toBeTruthy();

  // Sign out: the browser passes through the provider's end_session_endpoint.
  const endSession: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${ISSUER}/session/end`)) endSession.push(request.url());
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(endSession.length).toBeGreaterThan(0);
  expect(new URL(endSession[0]!).searchParams.get('id_token_hint')).toBeTruthy();

  // Pressing the button again asks for credentials: the provider's session has ended too.
  await startCis2SignIn(page);
  await expect(page.getByLabel('CIS2 user id')).toBeVisible();
});

test('a selected national role that maps to no local role is refused by name, and the local roles stay as they were', async ({
  page,
}) => {
  const user = CIS2_USERS.unmapped;
  const since = new Date(Date.now() - 1000);
  const before = await currentRoles(user.email);
  expect(before.length).toBeGreaterThan(0);

  await startCis2SignIn(page);
  await signInAtProvider(page, user.uid);
  await expect(page).toHaveURL(/\/login\?/);
  await expect(
    page.getByText(
      'The role you selected in NHS CIS2, “Nurse Access Role” (S8000:G8000:R8001), does not give access to CTO Tracker.',
      { exact: false },
    ),
  ).toBeVisible();
  await expectAccessible(page);
  expect(await currentRoles(user.email)).toEqual(before);
  const rows = await signInRows(since, { cis2UserId: user.uid });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ outcome: 'DENIED', reason: 'role-not-mapped' });
});

test('a sign-in below the required assurance level is refused with the reason', async ({
  page,
}) => {
  const user = CIS2_USERS.lowAssurance;
  const since = new Date(Date.now() - 1000);
  const before = await currentRoles(user.email);
  await startCis2SignIn(page);
  await signInAtProvider(page, user.uid);
  await expect(page.getByText('not strong enough for CTO Tracker')).toBeVisible();
  expect(await currentRoles(user.email)).toEqual(before);
  const rows = await signInRows(since, { cis2UserId: user.uid });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ outcome: 'DENIED', reason: 'assurance-too-low' });
  expect(rows[0]?.metadata.acr).toBe('AAL2_ANY');
});

test('cancelling at the provider says so and is audited', async ({ page }) => {
  const since = new Date(Date.now() - 1000);
  await startCis2SignIn(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/login\?error=cis2-cancelled$/);
  await expect(page.getByText('You cancelled signing in with NHS CIS2.')).toBeVisible();
  const rows = (await signInRows(since, {})).filter((r) => r.reason === 'cancelled');
  expect(rows.length).toBeGreaterThanOrEqual(1);
  expect(rows[0]).toMatchObject({
    outcome: 'FAILURE',
    route: '/api/auth/callback/cis2',
    metadata: { providerError: 'access_denied' },
  });
});

for (const [param, reason, message] of [
  ['state', 'state-mismatch', 'did not match this browser’s request'],
  ['nonce', 'nonce-mismatch', 'the identity NHS CIS2 sent did not match'],
] as const) {
  test(`a changed ${param} is refused with a message and audited`, async ({ page }) => {
    const since = new Date(Date.now() - 1000);
    // Change the parameter on its way to the provider, which then answers with it.
    await page.route(`${ISSUER}/auth?**`, async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set(param, `${url.searchParams.get(param) ?? ''}-changed`);
      await route.continue({ url: url.toString() });
    });
    await startCis2SignIn(page);
    await signInAtProvider(page, CIS2_USERS.rc.uid);
    await expect(page).toHaveURL(new RegExp(`/login\\?error=cis2-${reason}$`));
    await expect(page.getByText(message)).toBeVisible();
    const rows = (await signInRows(since, {})).filter((r) => r.reason === reason);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]?.outcome).toBe('FAILURE');
  });
}
