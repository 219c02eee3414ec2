import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-password';

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Hashing the password (argon2), the session and the start page: the heaviest round trip of
  // all on a loaded machine (over 20 seconds was seen on 2 shared cores at load 33).
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Fails the test with the list of WCAG 2.2 A/AA violations axe finds on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`,
  );
  expect(summary, `axe found accessibility problems on ${page.url()}`).toEqual([]);
}
