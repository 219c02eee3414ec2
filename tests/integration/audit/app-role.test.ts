// The app's database role cannot switch off the audit trail (issue 12, section 3): it is not a
// superuser and not the owner, so it may not disable the append-only triggers, set
// session_replication_role, change or delete audit rows, or create tables. scripts/test.ts
// runs the integration tests as that role on real PostgreSQL (DATABASE_URL) and gives the
// owner's connection separately (DATABASE_OWNER_URL).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { testDb } from '../support/db';
import { appRoleProblem } from '../../../scripts/lib/app-role';

const appUrl = process.env.DATABASE_URL ?? '';
const ownerUrl = process.env.DATABASE_OWNER_URL ?? '';
// scripts/test.ts says why when the tests run as the owner: the embedded database (one
// superuser for every connection) or an owner that may not create roles. Otherwise this runs,
// and fails if the app's connection is the owner's.
const unavailable = process.env.DATABASE_APP_ROLE_UNAVAILABLE;

describe.skipIf(Boolean(unavailable))("the app's database role", () => {
  let client: pg.Client;
  beforeAll(async () => {
    const db = testDb();
    await recordAudit(db, {
      actor: { userId: null, roles: [] },
      action: 'test.app-role',
      outcome: 'SUCCESS',
    });
    await db.$disconnect();
    expect(ownerUrl, 'DATABASE_OWNER_URL (the owner) must differ from the app').not.toBe(appUrl);
    client = new pg.Client({ connectionString: appUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  const refused = (sql: string, message: RegExp) =>
    expect(client.query(sql)).rejects.toThrow(message);

  it('is neither a superuser nor the owner of the audit table', async () => {
    const { rows } = await client.query<{ user: string; owner: string }>(
      `SELECT current_user AS "user", pg_get_userbyid(relowner) AS owner
         FROM pg_class WHERE oid = '"AuditEvent"'::regclass`,
    );
    expect(rows[0]!.user).not.toBe(rows[0]!.owner);
    expect(await appRoleProblem(appUrl)).toBeNull();
    expect(await appRoleProblem(ownerUrl)).toMatch(/owns the audit table|superuser/);
  });

  it('cannot disable the append-only triggers', async () => {
    await refused(
      'ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only',
      /must be owner/,
    );
    await refused('ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL', /must be owner/);
    await refused('DROP TRIGGER audit_event_append_only ON "AuditEvent"', /must be owner/);
  });

  it('cannot set session_replication_role to replica', async () => {
    await refused(
      'SET session_replication_role = replica',
      /permission denied to set parameter "session_replication_role"/,
    );
  });

  it('cannot update, delete or truncate audit rows, even by privilege', async () => {
    await refused(`UPDATE "AuditEvent" SET "action" = 'x'`, /permission denied/);
    await refused('DELETE FROM "AuditEvent"', /permission denied/);
    await refused('TRUNCATE "AuditEvent"', /permission denied/);
  });

  it('cannot create or change tables or functions', async () => {
    await refused('CREATE TABLE app_made (id int)', /permission denied/);
    await refused('ALTER TABLE "Patient" ADD COLUMN x int', /must be owner/);
    await refused(
      `CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      /must be owner|permission denied/,
    );
  });

  it('still reads and appends to the trail, and writes the rest', async () => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "AuditEvent"');
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    await client.query(
      `INSERT INTO "AuditEvent" ("action", "outcome") VALUES ('test.app-role.direct', 'SUCCESS')`,
    );
  });
});
