import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support/session';

test('the sign-in page is accessible and explains a wrong password', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to CTO Tracker' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Enter your email address').first()).toBeVisible();
  await expect(page.getByText('Enter your password').first()).toBeVisible();

  await page.getByLabel('Email address').fill('mha.office@cto-tracker.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(
    page
      .getByText('Email address or password not recognised, or the account is locked.', {
        exact: false,
      })
      .first(),
  ).toBeVisible();
  await expectAccessible(page);
});

test('signing in takes you to your start page, and signing out ends the session', async ({
  page,
}) => {
  await signIn(page, 'mha.office@cto-tracker.example');
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('heading', { name: "The trust's work queue", level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/patients');
  await expect(page).toHaveURL(/\/login$/);
});

test('the footer links open the accessibility statement and how information is used, signed in or not', async ({
  page,
}) => {
  // Every page's footer links to these two: they once answered "Page not found".
  for (const [link, heading] of [
    ['Accessibility statement', 'Accessibility statement'],
    ['How we use information', 'How we use information'],
  ] as const) {
    await page.goto('/login');
    await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  }
  await signIn(page, 'coordinator.north@cto-tracker.example');
  await page.getByRole('contentinfo').getByRole('link', { name: 'How we use information' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'How we use information' }),
  ).toBeVisible();
  await expect(page.getByText('Every view is recorded')).toBeVisible();
});
