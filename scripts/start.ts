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

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535 (it is "${process.env.PORT}").`);
  process.exit(2);
}

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
  };
  server = startNext(port, env, true);
  server.child.once('exit', (code) => {
    if (!stopping) {
      console.error(`The server stopped unexpectedly (exit code ${code}).`);
      void stopAll(1);
    }
  });
  const url = `http://localhost:${port}`;
  await waitForHealth(url);

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
