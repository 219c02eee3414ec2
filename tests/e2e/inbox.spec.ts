// Issue 8 §3 and §4 in the browser, as the North care coordinator: the inbox (the demo data give
// them unread notifications), the unread count in the header rising without a reload when a
// notification arrives, marking one and then all as read, and the choice of emails. axe on
// /inbox and /inbox/preferences.
import { expect, test } from '@playwright/test';
import { withFactories } from './support/factories';
import { expectAccessible, signIn } from './support/session';

const COORDINATOR = 'coordinator.north@cto-tracker.example';

/** A notification for the coordinator, as the worker writes one (fixed words, a unique title). */
function notifyCoordinator(): { id: string; title: string } {
  return withFactories(`
    const user = await db.user.findUniqueOrThrow({ where: { email: '${COORDINATOR}' } });
    const title = 'A patient has been recalled to hospital (' + f.unique() + ')';
    const n = await db.notification.create({
      data: {
        userId: user.id, kind: 'RECALL', priority: 'IMMEDIATE', title,
        body: 'A recall notice has been served (s17E). Open the record.',
        link: '/patients', sourceKey: 'e2e:' + f.unique(),
      },
    });
    return { id: n.id, title };
  `);
}

function unreadOf(text: string | null): number {
  const match = /\((\d+)/.exec(text ?? '');
  return match ? Number(match[1]) : 0;
}

test('the coordinator sees the inbox, the count rises without a reload, and marks notifications read', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, COORDINATOR);
  const count = page.getByTestId('unread-count');
  // The demo data left the coordinator something to read.
  await expect(count).toHaveText(/\(\d+ unread\)/);
  await page.getByRole('link', { name: /^Inbox/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('inbox-summary')).toContainText('unread notification');
  await expectAccessible(page);

  // A notification arrives while the page is open: the header's count rises by itself.
  const before = unreadOf(await count.textContent());
  await page.evaluate(() => {
    (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
  });
  const arrived = notifyCoordinator();
  await expect
    .poll(async () => unreadOf(await count.textContent()), { timeout: 60_000 })
    .toBeGreaterThan(before);
  expect(
    await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
  ).toBe(true);

  // Marked as read: it is no longer new, and the count falls.
  await page.goto('/inbox');
  const card = page.getByRole('listitem').filter({ hasText: arrived.title });
  await expect(card.getByText('New', { exact: true })).toBeVisible();
  const beforeRead = unreadOf(await count.textContent());
  await card.getByRole('button', { name: /Mark as read/ }).click();
  await expect(card.getByText('New', { exact: true })).toHaveCount(0);
  await expect.poll(async () => unreadOf(await count.textContent())).toBeLessThan(beforeRead);

  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('inbox-summary')).toHaveText('You have no unread notifications.');
  await expect(count).toHaveText('(none unread)');
  await expect(card.getByRole('button', { name: /Mark as read/ })).toHaveCount(0);
  await expectAccessible(page);
});

test('the coordinator chooses a daily digest, and the choice is kept', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, COORDINATOR);
  await page.goto('/inbox');
  await page.getByRole('link', { name: 'Choose when you are emailed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'When you are emailed' })).toBeVisible();
  await expect(page.getByLabel(/Straight away for urgent items/)).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('One daily summary').check();
  await page.getByRole('button', { name: 'Save your choice' }).click();
  await expect(page.getByText('Your choice has been saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('One daily summary')).toBeChecked();
  await expectAccessible(page);

  // Back as it was, for the next run.
  await page.getByLabel(/Straight away for urgent items/).check();
  await page.getByRole('button', { name: 'Save your choice' }).click();
  await expect(page.getByText('Your choice has been saved.')).toBeVisible();
});
