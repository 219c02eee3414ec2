// For the recall and renewal (extension) journeys (issue 5 part B): a North patient of their
// own (part-b-fixture.ts, run with tsx so other journeys' changes to seeded patients never
// matter), signing in per role, and the NHS date fields.
import { execFileSync } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { signIn } from './session';

export interface PartBFixture {
  patientId: string;
  orderId: string;
  amhpId: string;
  base: string;
  expiry: string;
  expiryText: string;
  windowOpens: string;
  windowOpensText: string;
  beforeWindow: string;
}

/** The London calendar date of an instant, 'YYYY-MM-DD'. */
export function londonDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Plain calendar arithmetic on 'YYYY-MM-DD' (months first, then days). */
export function shiftDay(
  day: string,
  { months = 0, days = 0 }: { months?: number; days?: number },
) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 0)).getUTCDate();
  base.setUTCDate(Math.min(d, last) + days);
  return base.toISOString().slice(0, 10);
}

export function northPatientWithOrder(madeOn: string): PartBFixture {
  const out = execFileSync('npx', ['tsx', 'tests/e2e/support/part-b-fixture.ts', madeOn], {
    encoding: 'utf8',
    env: process.env,
  });
  const line = out.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as PartBFixture;
}

/** A page signed in as this demo account, in its own browser context. */
export async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  // Sign-in ends with a client-side move to the start page: let it finish, or it can land
  // after (and override) the journey's next page.goto.
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  return page;
}

/** Fills a DateTimeField (id) with an instant, in UK time. */
export async function fillDateTime(page: Page, id: string, at: Date): Promise<void> {
  const [year, month, day] = londonDay(at).split('-');
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  await page.locator(`#${id}-date-day`).fill(String(Number(day)));
  await page.locator(`#${id}-date-month`).fill(String(Number(month)));
  await page.locator(`#${id}-date-year`).fill(year ?? '');
  await page.locator(`#${id}-time`).fill(time);
}

export async function fillDate(page: Page, id: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  await page.locator(`#${id}-day`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year ?? '');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/b-${name}.png`, fullPage: true });
}

const SOCIAL_DOMAINS = [
  'ACCOMMODATION',
  'RELATIONSHIPS_AND_FAMILY',
  'ACTIVITIES_AND_OCCUPATION',
  'EMPLOYMENT_AND_EDUCATION',
  'FINANCES_AND_BENEFITS',
  'SUBSTANCE_USE',
  'PHYSICAL_HEALTH',
  'ISOLATION',
  'RELATIONSHIP_WITH_CARE_TEAM',
  'CARER_INVOLVEMENT',
  'CULTURE_AND_FAITH',
];

/** Answers every domain of the social factors fieldset (issue 5 part 2). */
export async function fillSocialFactors(page: Page): Promise<void> {
  for (const domain of SOCIAL_DOMAINS) {
    await page.locator(`input[name="social.${domain}.rating"][value="SOME_CONCERN"]`).check();
    await page.locator(`input[name="social.${domain}.significance"][value="MINOR"]`).check();
  }
}
