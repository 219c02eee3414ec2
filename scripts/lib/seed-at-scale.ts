// The national-scale benchmark data set (npm run bench:seed; scripts/seed-at-scale.ts), generated
// in SQL with generate_series: seconds, not hours. A deployment serves exactly one trust
// (docs/decisions/611-one-trust-per-deployment.md), so the data go into the trust already in the
// database, or into a new "Benchmark trust" when the database is empty: never into a second one.
import type pg from 'pg';

export interface ScaleOptions {
  orders: number;
  teams: number;
}

export interface ScaleResult {
  trustId: string;
  createdTrust: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function seedAtScale(client: pg.Client, options: ScaleOptions): Promise<ScaleResult> {
  const { orders, teams } = options;
  if (!Number.isInteger(orders) || orders < 1 || !Number.isInteger(teams) || teams < 1) {
    throw new Error('orders and teams must be whole numbers, 1 or more.');
  }
  await client.query('BEGIN');
  try {
    const created = await client.query(
      `INSERT INTO "Trust" (id, "odsCode", name)
       SELECT '00000000-0000-7000-8000-00000000b001', 'BENCH', 'Benchmark trust'
        WHERE NOT EXISTS (SELECT 1 FROM "Trust")`,
    );
    const found = await client.query<{ id: string }>('SELECT id FROM "Trust"');
    const trustId = found.rows[0]?.id;
    // The id is interpolated into the generated SQL below: make sure it is only an id.
    if (found.rows.length !== 1 || !trustId || !UUID.test(trustId)) {
      throw new Error('Expected exactly one trust in the database.');
    }
    await client.query(benchSql(trustId, orders, teams));
    await client.query('COMMIT');
    return { trustId, createdTrust: created.rowCount === 1 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function benchSql(trustId: string, orders: number, teams: number): string {
  return `
INSERT INTO "Team" (id, "trustId", code, name, kind)
SELECT ('00000000-0000-7000-8001-' || lpad(to_hex(t), 12, '0'))::uuid::text, '${trustId}',
       'BENCH-' || t, 'Benchmark team ' || t, 'COMMUNITY'
  FROM generate_series(1, ${teams}) t ON CONFLICT DO NOTHING;
INSERT INTO "Hospital" (id, "trustId", "siteCode", name, "managersName")
VALUES ('00000000-0000-7000-8002-000000000001', '${trustId}', 'BENCH-H', 'Benchmark hospital', 'Benchmark managers')
  ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench ON COMMIT DROP AS
SELECT i,
       gen_random_uuid()::text AS patient_id,
       gen_random_uuid()::text AS lsp_id,
       gen_random_uuid()::text AS order_id,
       ('00000000-0000-7000-8001-' || lpad(to_hex(1 + i % ${teams}), 12, '0')) AS team_id,
       (CURRENT_DATE - (i % 1500)) AS made_on,
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','DISCHARGED','REVOKED','EXPIRED','RECALLED'])[1 + i % 8]::"CtoState" AS state
  FROM generate_series(1, ${orders}) i;
INSERT INTO "Patient" (id, "trustId", "nhsNumber", "localId", "givenName", "familyName", "searchName",
                       "dateOfBirth", sex, "ethnicCategory", "currentTeamId", "updatedAt")
SELECT patient_id, '${trustId}', NULL, 'BENCH-' || i,
       'Given' || i, 'Family' || (i % 5000), lower('Family' || (i % 5000) || ' Given' || i),
       DATE '1960-01-01' + (i % 15000), 'MALE', 'A', team_id, now()
  FROM bench;
INSERT INTO "LegalStatusPeriod" (id, "patientId", "legalStatusCode", "startAt", "startDate")
SELECT lsp_id, patient_id, '03', made_on - 60, made_on - 60 FROM bench;
INSERT INTO "CommunityTreatmentOrder" (id, "patientId", "legalStatusPeriodId", "responsibleHospitalId", "teamId",
       state, "signedAt", "effectiveAt", "madeOn", "currentExpiryDate", "currentPeriodIndex", "updatedAt")
SELECT order_id, patient_id, lsp_id, '00000000-0000-7000-8002-000000000001', team_id, state,
       made_on, made_on, made_on, made_on + 180 + ((CURRENT_DATE - made_on) / 180) * 180, 0, now()
  FROM bench;
INSERT INTO "CtoEvent" (id, "orderId", "patientId", type, "occurredAt", "stateAfter")
SELECT gen_random_uuid()::text, order_id, patient_id,
       (ARRAY['MAKE','VARY_CONDITIONS','EXAMINE_FOR_EXTENSION','FURNISH_CTO7','SERVE_RECALL_NOTICE','DETENTION_BEGINS','RELEASE_FROM_RECALL','RIGHTS_INFORMATION_GIVEN','CERTIFICATE_GIVEN','TAKE_EFFECT'])[1 + e]::"CtoEventType",
       made_on + e * 20, state
  FROM bench, generate_series(0, 9) e;
INSERT INTO "Deadline" (id, "patientId", "orderId", "teamId", kind, title, "dueOn", basis, explanation, inputs, "updatedAt")
SELECT gen_random_uuid()::text, patient_id, order_id, team_id,
       (ARRAY['CTO_EXPIRY','EXTENSION_WINDOW','RIGHTS_INFORMATION','TRIBUNAL_DOCUMENTS'])[1 + d]::"DeadlineKind",
       'Benchmark deadline', CURRENT_DATE + ((i * 7 + d * 13) % 400) - 30, 's20A', 'benchmark', '{}', now()
  FROM bench, generate_series(0, 3) d;`;
}
