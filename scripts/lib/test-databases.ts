// Fresh, migrated databases for a test run, never the one your data lives in:
// - TEST_DATABASE_URL: that database, emptied first;
// - DATABASE_URL: a database named cto_tracker_test_<purpose> on the same server,
//   dropped and created again (the role needs CREATEDB);
// - neither: an in-memory embedded PostgreSQL (PGlite) on a free port.
// Migrated as the owner; on real PostgreSQL the tests then run as the app's own role when the
// owner may create it (scripts/lib/app-role.ts), with the owner's URL for tests that tamper.
import pg from 'pg';
import { provisionAppRole, type AppConnection } from './app-role.ts';
import {
  freePort,
  redact,
  startEmbedded,
  waitForDatabase,
  type RunningDatabase,
} from './database.ts';
import { applyMigrations } from './migrations.ts';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends RunningDatabase {
  /** The owner's connection (migrations; tests that play a tamperer). `url` is the app's. */
  ownerUrl: string;
  app: AppConnection;
}

export async function freshTestDatabase(purpose: 'integration' | 'e2e'): Promise<TestDatabase> {
  let db: RunningDatabase;
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    await waitForDatabase(url, 15_000);
    await admin(url, ['DROP SCHEMA IF EXISTS public CASCADE', 'CREATE SCHEMA public']);
    db = { url, embedded: false, stop: async () => undefined };
  } else if (process.env.DATABASE_URL) {
    const base = process.env.DATABASE_URL;
    const name = `cto_tracker_test_${purpose}`;
    await waitForDatabase(base, 15_000);
    try {
      await admin(base, [
        `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
        `CREATE DATABASE "${name}"`,
      ]);
    } catch (error) {
      throw new Error(
        `Could not create the test database ${name} on ${redact(base)}: ${String(error)}\n` +
          'Grant the role CREATEDB, or set TEST_DATABASE_URL to a database the tests may empty.',
      );
    }
    const url = withDatabase(base, name);
    db = {
      url,
      embedded: false,
      stop: () =>
        admin(base, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]).catch(() => undefined),
    };
  } else {
    db = await startEmbedded({ dataDir: 'memory://', port: await freePort(), quiet: true });
  }
  await applyMigrations(db.url);
  const app: AppConnection = db.embedded
    ? {
        appUrl: db.url,
        ownerUrl: db.url,
        separate: false,
        reason: 'the embedded database has one superuser',
      }
    : await provisionAppRole(db.url);
  return { ...db, url: app.appUrl, ownerUrl: db.url, app };
}

/** One line for the test log: which role the app's side of the tests connects as. */
export function describeRoles(db: TestDatabase): string {
  return db.app.separate
    ? `the app's role ${db.app.role} (the owner migrates)`
    : `the owner's role, as ${db.app.reason}`;
}
