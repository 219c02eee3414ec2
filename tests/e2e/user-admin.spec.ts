// User administration end to end: joiners, movers and leavers, with the NHS error pattern; and
// the idle-timeout message after a session has timed out.
import { expect, test } from '@playwright/test';
import { expectAccessible, PASSWORD, signIn } from './support/session';
import { closeDatabase, query } from './support/database';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp/cto-e2e-screens';

// Long journeys with an axe check on every page: more than the default 60 seconds.
test.describe.configure({ timeout: 480_000 });

test.afterAll(async () => {
  await closeDatabase();
});

test('the administrator adds a user, changes their role and team, and deactivates them', async ({
  page,
}) => {
  const email = `joiner.${Date.now()}@example.nhs.uk`;
  await signIn(page, 'admin@cto-tracker.example');
  await page.getByRole('button', { name: 'Add a user' }).click();
  await expect(page.getByRole('heading', { name: 'Add a user' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Email address').fill('not an email');
  await page.getByLabel('Initial password (optional)').fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('link', { name: 'Enter the person’s full name' })).toBeVisible();
  await expect(
    page.getByRole('link', {
      name: 'Enter an email address in the correct format, like name@example.nhs.uk',
    }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Select at least one role' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Password must be at least 12 characters' }),
  ).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue('not an email');
  await expect(page.getByLabel('Initial password (optional)')).toHaveValue('');
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/admin-add-user-errors.png`, fullPage: true });

  await page.getByLabel('Full name').fill('Jo Joiner');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Care coordinator').check();
  await page
    .getByLabel('Team (optional)')
    .selectOption({ label: 'North Community Mental Health Team' });
  await page.getByLabel('Initial password (optional)').fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: 'Jo Joiner', level: 1 })).toBeVisible();
  await expect(page.getByText('User added.')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Add a role').selectOption({ label: 'Responsible clinician' });
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByText('Role added.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove the role care coordinator' }).click();
  await expect(page.getByText('Role removed.')).toBeVisible();

  await page
    .getByLabel('Move to another team')
    .selectOption({ label: 'South Community Mental Health Team' });
  await page.getByRole('button', { name: 'Move team' }).click();
  await expect(page.getByText('Team changed.')).toBeVisible();
  await expect(page.getByText('Currently in South Community Mental Health Team.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(
    page.getByText('Account deactivated. They have been signed out everywhere.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reactivate account' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/admin-user-page.png`, fullPage: true });

  const actions = await query<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "entityId" = (SELECT id FROM "User" WHERE email = $1)
      AND outcome = 'SUCCESS' ORDER BY id`,
    [email],
  );
  expect(actions.map((a) => a.action)).toEqual([
    'user.create',
    'user.role.grant',
    'user.role.revoke',
    'user.team.move',
    'user.deactivate',
  ]);
});

test('after the idle timeout, the next page asks you to sign in again and says why', async ({
  page,
}) => {
  // A user of our own, so that no other test's session is touched.
  const email = `idle.${Date.now()}@example.nhs.uk`;
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Ida Idle', "passwordHash", now() FROM "User"
      WHERE email = 'manager@cto-tracker.example'`,
    [email],
  );
  await query(
    `INSERT INTO "UserRole" (id, "userId", role)
     SELECT gen_random_uuid(), id, 'HOSPITAL_MANAGER' FROM "User" WHERE email = $1`,
    [email],
  );
  await signIn(page, email, PASSWORD);
  await query(
    `UPDATE "UserSession" SET "lastSeenAt" = now() - interval '2 hours'
      WHERE "userId" = (SELECT id FROM "User" WHERE email = $1) AND "revokedAt" IS NULL`,
    [email],
  );
  await page.goto('/patients');
  await expect(page).toHaveURL(/\/login\?reason=timeout$/);
  await expect(
    page.getByText('You were signed out because you had not done anything for a while.'),
  ).toBeVisible();
  await expectAccessible(page);

  // Signing out is recorded too.
  await signIn(page, email, PASSWORD);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  const events = await query<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE "userEmail" = $1 AND action LIKE 'auth.%' ORDER BY id`,
    [email],
  );
  expect(events.map((e) => e.action)).toEqual(['auth.sign-in', 'auth.sign-in', 'auth.sign-out']);
});
