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
  // A role that sees patients waits for a second administrator (issue 12, part 4).
  await expect(
    page.getByText(
      'User added. Their roles take effect when another system administrator approves them.',
    ),
  ).toBeVisible();
  await expect(page.getByText('No roles: they can sign in but see nothing.')).toBeVisible();
  await expect(
    page.getByText(
      'You asked for this role: another system administrator must approve or refuse it.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Approve the role/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel('Add a role').selectOption({ label: 'Responsible clinician' });
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(
    page.getByText(
      'Role requested. It takes effect when another system administrator approves it.',
    ),
  ).toBeVisible();
  const userUrl = page.url().replace(/\?.*$/, '');

  // The second administrator approves one and refuses the other.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, 'admin2@cto-tracker.example');
  await page.goto('/admin/users');
  await expect(
    page.getByRole('table', { name: 'Roles waiting for a second administrator’s approval' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.goto(userUrl);
  await page.getByRole('button', { name: 'Approve the role care coordinator' }).click();
  await expect(page.getByText('Role approved. It applies from their next page.')).toBeVisible();
  await page.getByRole('button', { name: 'Refuse the role responsible clinician' }).click();
  await expect(page.getByText('Role refused. They have not been given it.')).toBeVisible();
  await expect(page.getByText('None.')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Remove the role care coordinator' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Roles held' })
      .getByRole('row')
      .filter({ hasText: 'Care coordinator' }),
  ).toContainText('Owen Treharne, approved by Bethan Lloyd');
  await expectAccessible(page);

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
    'user.role.request',
    'user.role.request',
    'user.role.approve',
    'user.role.refuse',
    'user.team.move',
    'user.deactivate',
  ]);

  // The privacy officer sees who asked, who decided, and what.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, 'auditor@cto-tracker.example');
  await page.goto('/audit');
  await page.getByRole('link', { name: 'See the roles given and waiting for approval' }).click();
  await expect(page.getByRole('heading', { name: 'Roles given', level: 1 })).toBeVisible();
  const rows = page.getByRole('row').filter({ hasText: email });
  await expect(rows.filter({ hasText: 'Care coordinator' })).toContainText('Approved');
  await expect(rows.filter({ hasText: 'Care coordinator' })).toContainText('Bethan Lloyd');
  await expect(rows.filter({ hasText: 'Responsible clinician' })).toContainText('Refused');
  await expect(rows.filter({ hasText: 'Responsible clinician' })).toContainText('Owen Treharne');
  await expectAccessible(page);
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
