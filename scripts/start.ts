// npm start: CTO Tracker on http://localhost:3000 (or PORT), on the embedded PostgreSQL
// unless DATABASE_URL is set. Migrates, seeds the demo data into an empty database,
// builds if needed, starts the production server, and stops everything on Ctrl-C.
import { join } from 'node:path';
import { openDatabase, projectRoot, redact, type RunningDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/migrations.ts';
import { authSecret, buildIfNeeded } from './lib/build.ts';
import { appConnectionForScripts } from './lib/app-role.ts';
import { auditCheckpointFile, auditCheckpointKey } from './lib/audit-key.ts';
import { run, startNext, waitForHealth, type Server } from './lib/processes.ts';
import { hostSchema, isLoopback, isWildcard, localAuthUrl } from '../lib/listen.ts';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535 (it is "${process.env.PORT}").`);
  process.exit(2);
}

// --- Where to listen, and the address sign-in sends people back to (issue 12 §8) -----------
// HOST: 127.0.0.1 (this machine only) unless set; Docker sets 0.0.0.0. AUTH_URL: as set, else
// http://localhost:PORT for a server on this machine only. Listening on other interfaces, the
// address people use cannot be guessed (never 0.0.0.0), so AUTH_URL must be set.
const hostCheck = hostSchema.safeParse(process.env.HOST);
if (!hostCheck.success) {
  console.error(hostCheck.error.issues[0]?.message ?? 'HOST is not valid.');
  process.exit(2);
}
const host = hostCheck.data;
const authUrl = process.env.AUTH_URL || localAuthUrl(host, port);
if (!authUrl) {
  console.error(
    `HOST=${host} lets other machines reach CTO Tracker: set AUTH_URL to the address they use ` +
      `(for example https://cto.example.nhs.uk or http://<this machine's name>:${port}).`,
  );
  process.exit(2);
}
const reachAt = isLoopback(host) || isWildcard(host) ? '127.0.0.1' : host;
// ---------------------------------------------------------------------------------------------

let database: RunningDatabase | undefined;
let server: Server | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await server?.stop();
    await database?.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  database = await openDatabase({ quiet: true });
  console.log(
    database.embedded
      ? `Database: embedded PostgreSQL (PGlite) in .data/pglite, at ${redact(database.url)}`
      : `Database: ${redact(database.url)}`,
  );
  // Migrations as the owner; the app as its own role (scripts/lib/app-role.ts).
  const roles = await appConnectionForScripts(database);
  const applied = await applyMigrations(roles.ownerUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const app = await roles.afterMigrations();

  const seedCode = await run(
    join(projectRoot, 'node_modules', '.bin', 'tsx'),
    ['prisma/seed.ts', '--if-empty'],
    { DATABASE_URL: app.appUrl },
  );
  if (seedCode !== 0) throw new Error('Seeding the demo data failed.');

  await buildIfNeeded();

  const env = {
    DATABASE_URL: app.appUrl,
    AUTH_SECRET: authSecret(),
    AUDIT_CHECKPOINT_KEY: auditCheckpointKey({ generate: true }),
    AUDIT_CHECKPOINT_FILE: auditCheckpointFile(),
    DEMO_MODE: process.env.DEMO_MODE ?? 'true',
    PORT: String(port),
    HOST: host,
    AUTH_URL: authUrl,
  };
  server = startNext(port, env, true, host);
  server.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`The server stopped unexpectedly (exit code ${code}).`);
      void stopAll(1);
    }
  });
  const url = isLoopback(host) ? `http://localhost:${port}` : authUrl;
  await waitForHealth(`http://${reachAt.includes(':') ? `[${reachAt}]` : reachAt}:${port}`);

  const { DEMO_ACCOUNTS } = await import('../prisma/demo-accounts.ts');
  const password = process.env.DEMO_PASSWORD ?? 'demo-password';
  console.log(`\nCTO Tracker is running on ${url}\n`);
  console.log(`Demo accounts (password: ${password}):`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.email.padEnd(42)} ${account.description}`);
  }
  console.log('\nPress Ctrl-C to stop the server and the database.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
