import { defineConfig, devices } from '@playwright/test';

// Run through `npm test` (or `npm run test:e2e`), which builds the app, starts it on a
// fresh seeded database and sets BASE_URL and CHROMIUM_PATH.
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  // Sized for CI and users' machines: 2 shared cores, a production server, a database and two
  // browsers at once. Every wait is for what the page shows (web-first assertions, never a
  // fixed sleep); these are only the ceilings, generous so that a slow round trip is not a
  // failure. A journey of many round trips sets its own, larger, test timeout: about twice
  // what it took on 2 shared cores at load 33 (for example the recall journey over 6 minutes,
  // the renewal journey about 5, break-glass about 4).
  // The wait for what a page shows after a server round trip (a form's answer, sign-in's argon2
  // hash, a refreshed page) is one ceiling here, for every assertion: a passing check returns as
  // soon as the page shows it, so a generous ceiling costs nothing; specs do not set their own.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    actionTimeout: 30_000,
    navigationTimeout: 45_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
});
