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
