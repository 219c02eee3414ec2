// npm test: lint, typecheck, unit, integration (real PostgreSQL or the embedded one) and
// end-to-end tests (a production build in Chromium). Run some of them with
// `npm test -- unit integration`. Stops at the first failing stage.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, redact } from './lib/database.ts';
import { describeRoles, freshTestDatabase } from './lib/test-databases.ts';
import { authSecret, buildIfNeeded } from './lib/build.ts';
import { npxBin, run, startNext, waitForHealth } from './lib/processes.ts';
import { findChromium, NO_BROWSER_MESSAGE } from './lib/browser.ts';

const STAGES = ['lint', 'typecheck', 'unit', 'integration', 'e2e'] as const;
type Stage = (typeof STAGES)[number];

// `npm test -- unit e2e -- tests/e2e/recall.spec.ts`: stages, then arguments for the runner.
const argv = process.argv.slice(2);
const separator = argv.indexOf('--');
const stageArgs = separator === -1 ? argv : argv.slice(0, separator);
const passThrough = separator === -1 ? [] : argv.slice(separator + 1);
const requested = stageArgs.filter((a) => !a.startsWith('-'));
const unknown = requested.filter((a) => !(STAGES as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`Unknown test stage(s): ${unknown.join(', ')}. Stages: ${STAGES.join(', ')}.`);
  process.exit(2);
}
const stages: Stage[] = requested.length ? (requested as Stage[]) : [...STAGES];
const extraArgs = [...stageArgs.filter((a) => a.startsWith('-')), ...passThrough];

function banner(text: string) {
  console.log(`\n=== ${text} ===`);
}

async function lint(): Promise<number> {
  const eslint = await run(npxBin('eslint'), ['--max-warnings=0', '.']);
  if (eslint !== 0) return eslint;
  return run(npxBin('prettier'), ['--check', '.', '--log-level', 'warn']);
}

async function integration(): Promise<number> {
  const db = await freshTestDatabase('integration');
  console.log(
    `Integration database: ${redact(db.ownerUrl)}${db.embedded ? ' (embedded, in memory)' : ''}; tests connect as ${describeRoles(db)}`,
  );
  try {
    return await run(npxBin('vitest'), ['run', '--project', 'integration', ...extraArgs], {
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      DATABASE_APP_ROLE_UNAVAILABLE: db.app.separate ? '' : db.app.reason,
      NODE_ENV: 'test',
    });
  } finally {
    await db.stop();
  }
}

async function e2e(): Promise<number> {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(NO_BROWSER_MESSAGE);
    return 1;
  }
  const db = await freshTestDatabase('e2e');
  console.log(
    `End-to-end database: ${redact(db.ownerUrl)}${db.embedded ? ' (embedded, in memory)' : ''}; the app connects as ${describeRoles(db)}`,
  );
  const port = await freePort();
  const secret = authSecret();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The e2e server's own key and checkpoint file: the developer's .data/ is not touched.
  const auditKey = randomBytes(32).toString('base64url');
  const checkpointFile = join(mkdtempSync(join(tmpdir(), 'cto-e2e-')), 'audit-checkpoints.jsonl');
  const server = { stop: async () => undefined } as { stop: () => Promise<void> };
  // A stand-in NHS CIS2 (a real OpenID Connect provider on localhost) that the app signs in
  // with; AUTH_URL uses 127.0.0.1, the address that once broke the code exchange.
  // Loaded here only: oidc-provider warns about the Node version as soon as it is imported.
  const { startCis2Provider } = await import('../tests/support/cis2-provider.ts');
  const { CIS2_TEST_CLIENT, CIS2_TEST_ROLE_MAP, CIS2_USERS } =
    await import('../tests/support/cis2-users.ts');
  const cis2 = await startCis2Provider({
    port: await freePort(),
    ...CIS2_TEST_CLIENT,
    appOrigins: [baseUrl, `http://localhost:${port}`],
    users: Object.values(CIS2_USERS),
  });
  try {
    const seeded = await run(npxBin('tsx'), ['prisma/seed.ts'], { DATABASE_URL: db.url });
    if (seeded !== 0) return seeded;
    await buildIfNeeded();
    const next = startNext(
      port,
      {
        DATABASE_URL: db.url,
        AUTH_SECRET: secret,
        AUTH_URL: baseUrl,
        DEMO_MODE: 'true',
        OIDC_ISSUER: cis2.issuer,
        OIDC_CLIENT_ID: CIS2_TEST_CLIENT.clientId,
        OIDC_CLIENT_SECRET: CIS2_TEST_CLIENT.clientSecret,
        OIDC_ROLE_MAP: CIS2_TEST_ROLE_MAP,
        OIDC_MIN_ASSURANCE: 'AAL3',
        AUDIT_CHECKPOINT_KEY: auditKey,
        AUDIT_CHECKPOINT_FILE: checkpointFile,
        TRUSTED_PROXIES: '',
      },
      true,
    );
    server.stop = next.stop;
    await waitForHealth(baseUrl);
    return await run(npxBin('playwright'), ['test', ...extraArgs], {
      BASE_URL: baseUrl,
      CIS2_ISSUER: cis2.issuer,
      DATABASE_URL: db.url,
      DATABASE_OWNER_URL: db.ownerUrl,
      AUDIT_CHECKPOINT_KEY: auditKey,
      AUDIT_CHECKPOINT_FILE: checkpointFile,
      CHROMIUM_PATH: chromium === 'playwright' ? '' : chromium,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    });
  } finally {
    await server.stop();
    await cis2.stop();
    await db.stop();
  }
}

const RUNNERS: Record<Stage, () => Promise<number>> = {
  lint,
  typecheck: () => run(npxBin('tsc'), ['--noEmit']),
  unit: () => run(npxBin('vitest'), ['run', '--project', 'unit', ...extraArgs]),
  integration,
  e2e,
};

const started = Date.now();
const timings: string[] = [];
let failed: Stage | null = null;
for (const stage of stages) {
  banner(stage);
  const t0 = Date.now();
  let code: number;
  try {
    code = await RUNNERS[stage]();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  }
  timings.push(`${stage} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (code !== 0) {
    failed = stage;
    break;
  }
}
banner(failed ? `FAILED at ${failed}` : 'All tests passed');
console.log(`${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
