// Direct reads of the end-to-end database (DATABASE_URL, passed by scripts/test.ts), to know
// what each demo account should see without trusting the app's own answer.
import pg from 'pg';

let pool: pg.Pool | undefined;

export function database(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set: run the end-to-end tests with `npm test -- e2e`.');
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

export async function closeDatabase(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

export async function query<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await database().query<T>(sql, params)).rows;
}

/** The patient ids a demo account's scope gives, computed in SQL from the relationships. */
export async function expectedPatientIds(email: string): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `WITH u AS (SELECT id FROM "User" WHERE email = $1),
          r AS (SELECT role FROM "UserRole" WHERE "userId" = (SELECT id FROM u) AND "revokedAt" IS NULL)
     SELECT p.id FROM "Patient" p
      WHERE EXISTS (SELECT 1 FROM r WHERE role IN ('MHA_ADMINISTRATOR', 'HOSPITAL_MANAGER'))
         OR (EXISTS (SELECT 1 FROM r WHERE role IN ('CARE_COORDINATOR', 'RESPONSIBLE_CLINICIAN'))
             AND (p."currentTeamId" IN (SELECT "teamId" FROM "TeamMembership"
                                         WHERE "userId" = (SELECT id FROM u) AND "endedOn" IS NULL)
                  OR EXISTS (SELECT 1 FROM "StaffAssignment" s
                              WHERE s."patientId" = p.id AND s."userId" = (SELECT id FROM u)
                                AND s."endedOn" IS NULL)))
         OR (EXISTS (SELECT 1 FROM r WHERE role = 'AMHP')
             AND EXISTS (SELECT 1 FROM "CommunityTreatmentOrder" o
                           JOIN "AmhpAgreement" a ON a."orderId" = o.id
                          WHERE o."patientId" = p.id AND a."amhpId" = (SELECT id FROM u)
                            AND a."enteredInErrorAt" IS NULL
                            AND (a.decision = 'PENDING' OR a."respondedAt" >= now() - interval '28 days')))`,
    [email],
  );
  return rows.map((r) => r.id).sort();
}
