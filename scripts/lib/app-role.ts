// The app's own database role (issue 12, section 3). Migrations run as the database's OWNER;
// the app connects as a separate login role that may only read and write rows: no DDL, not an
// owner (an owner can ALTER TABLE ... DISABLE TRIGGER), not a superuser (who can set
// session_replication_role = replica), and on "AuditEvent" only SELECT and INSERT. So the
// app's credentials cannot switch off the audit trail's append-only triggers.
//
// Two ways to configure it (docs/security.md, "Database roles"):
// - DATABASE_OWNER_URL (migrations) and DATABASE_URL (the app), two roles a DBA created:
//   after migrating, the owner grants the app's role its rights (grantAppRights).
// - only DATABASE_URL, the owner, that may create roles (CREATEROLE): npm start and the tests
//   create or update "<database>_app" with a fresh random password (provisionAppRole).
// The embedded database (PGlite) serves every connection as its one superuser, so there is
// nothing to enforce there: it is for trying CTO Tracker, not for patients' data.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The user name in a connection string. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Gives `role` what the app needs on the owner's database and nothing more. Run as the owner
 * after every migration, so that tables a migration adds are covered.
 */
export async function grantAppRights(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ db: string; owner: string; superuser: boolean }>(
      `SELECT current_database() AS db, current_user AS owner,
              (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS superuser`,
      [role],
    );
    const first = rows[0];
    if (!first) throw new Error('The database did not say who its user is.');
    const { db, owner, superuser } = first;
    if (role === owner) throw new Error(`The app's role (${role}) must not be the owner.`);
    if (superuser) throw new Error(`The app's role (${role}) must not be a superuser.`);
    const r = ident(role);
    await client.query('BEGIN');
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${r}`);
    await client.query(`REVOKE CREATE ON DATABASE ${ident(db)} FROM ${r}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${r}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    );
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    // The audit trail: read and append only.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM ${r}`);
    // Queued audit rows (decision 823): append only; audit_queue_flush (the owner's) moves them.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "AuditQueue" FROM ${r}`);
    // The migrations' own record belongs to the owner.
    await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${r}`);
    await client.query('COMMIT');
    // Others (PUBLIC) may not create objects in the schema (PostgreSQL 15+ does this by default;
    // older servers do not). Only the schema's owner may change it: not fatal otherwise.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC').catch(() => undefined);
  });
}

/** What may go wrong with the app's role, as a sentence; null when it is safe. */
export async function appRoleProblem(appUrl: string): Promise<string | null> {
  return withClient(appUrl, async (client) => {
    const { rows } = await client.query<{
      superuser: boolean;
      owns: boolean;
    }>(
      `SELECT r.rolsuper AS superuser,
              pg_has_role(current_user, c.relowner, 'USAGE') AS owns
         FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.oid = '"AuditEvent"'::regclass`,
    );
    const row = rows[0];
    if (!row) return 'the audit table was not found';
    if (row.superuser) return 'it is a superuser';
    if (row.owns) return 'it owns the audit table';
    return null;
  });
}

export type AppConnection =
  | { appUrl: string; ownerUrl: string; separate: true; role: string }
  | { appUrl: string; ownerUrl: string; separate: false; reason: string };

/**
 * Creates (or updates) the login role "<database>_app" with a new random password, grants it
 * the app's rights, and returns its connection string. Needs an owner that may create roles
 * (CREATEROLE or superuser); otherwise returns the owner's URL with the reason.
 */
export async function provisionAppRole(ownerUrl: string): Promise<AppConnection> {
  const prepared = await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ db: string; createrole: boolean }>(
      `SELECT current_database() AS db, (rolcreaterole OR rolsuper) AS createrole
         FROM pg_roles WHERE rolname = current_user`,
    );
    const first = rows[0];
    if (!first) return null;
    const { db, createrole } = first;
    if (!createrole) return null;
    const role = `${db}_app`
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .slice(0, 63);
    const password = randomBytes(24).toString('base64url');
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    // A password cannot be a bind parameter in CREATE/ALTER ROLE; it is base64url (no quotes).
    // Only a superuser may name the superuser, replication or bypass-RLS attributes of an
    // existing role: ALTER names what a CREATEROLE owner may change (grantAppRights then
    // refuses a role that is a superuser).
    await client.query(
      exists.rowCount
        ? `ALTER ROLE ${ident(role)} LOGIN NOCREATEDB NOCREATEROLE PASSWORD '${password}'`
        : `CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${password}'`,
    );
    return { role, password };
  });
  if (!prepared) {
    return {
      appUrl: ownerUrl,
      ownerUrl,
      separate: false,
      reason: `${userOf(ownerUrl)} may not create roles (CREATEROLE)`,
    };
  }
  await grantAppRights(ownerUrl, prepared.role);
  const url = new URL(ownerUrl);
  url.username = prepared.role;
  url.password = prepared.password;
  return { appUrl: url.toString(), ownerUrl, separate: true, role: prepared.role };
}

/**
 * The app's connection for the project's scripts, after the owner has migrated:
 * DATABASE_OWNER_URL set: the app's role is DATABASE_URL's, granted its rights here;
 * otherwise a provisioned "<database>_app" role when the owner may create one.
 */
export async function appConnection(options: {
  ownerUrl: string;
  configuredAppUrl?: string;
  embedded: boolean;
}): Promise<AppConnection> {
  if (options.embedded) {
    return {
      appUrl: options.ownerUrl,
      ownerUrl: options.ownerUrl,
      separate: false,
      reason: 'the embedded database has one superuser',
    };
  }
  if (options.configuredAppUrl && options.configuredAppUrl !== options.ownerUrl) {
    const role = userOf(options.configuredAppUrl);
    await grantAppRights(options.ownerUrl, role);
    return { appUrl: options.configuredAppUrl, ownerUrl: options.ownerUrl, separate: true, role };
  }
  return provisionAppRole(options.ownerUrl);
}

/**
 * For npm start, npm run dev and npm run db:migrate: DATABASE_OWNER_URL (when set) migrates;
 * afterwards the app's connection is prepared and any weakness is said aloud.
 */
export async function appConnectionForScripts(database: {
  url: string;
  embedded: boolean;
}): Promise<{
  ownerUrl: string;
  afterMigrations: (options?: { provision?: boolean }) => Promise<AppConnection>;
}> {
  const ownerUrl = (!database.embedded && process.env.DATABASE_OWNER_URL) || database.url;
  return {
    ownerUrl,
    afterMigrations: async ({ provision = true } = {}) => {
      if (!provision && !process.env.DATABASE_OWNER_URL) {
        return { appUrl: database.url, ownerUrl, separate: false, reason: 'not asked to' };
      }
      const app = await appConnection({
        ownerUrl,
        configuredAppUrl: process.env.DATABASE_OWNER_URL ? database.url : undefined,
        embedded: database.embedded,
      });
      if (app.separate) {
        console.log(`The app connects as ${app.role}, which cannot change the audit trail.`);
      } else if (!database.embedded) {
        console.warn(
          `Warning: the app connects as the database owner, because ${app.reason}: its ` +
            "credentials could switch off the audit trail's triggers. Set DATABASE_OWNER_URL " +
            'and a separate DATABASE_URL (docs/security.md, "Database roles").',
        );
      }
      return app;
    },
  };
}
