// npm run bench:seed -- [orders]: adds a whole country's worth of synthetic orders to
// DATABASE_URL (default 40,000 orders in 150 teams, ~400,000 events, ~160,000 deadlines) for
// scripts/benchmark.ts. Generated in SQL with generate_series: it takes seconds, not hours.
// Never run it against a database with real patients in it.
import pg from 'pg';
import { redact } from './lib/database.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_URL to a scratch PostgreSQL database (npm run bench:seed sets the embedded one).',
  );
  process.exit(2);
}
const orders = Number(process.argv[2] ?? 40_000);
const teams = 150;
const client = new pg.Client({ connectionString: url });
await client.connect();
const t0 = Date.now();
const sql = `
BEGIN;
INSERT INTO "Trust" (id, "odsCode", name) VALUES ('00000000-0000-7000-8000-00000000b001', 'BENCH', 'Benchmark trust')
  ON CONFLICT DO NOTHING;
INSERT INTO "Team" (id, "trustId", code, name, kind)
SELECT ('00000000-0000-7000-8001-' || lpad(to_hex(t), 12, '0'))::uuid::text, '00000000-0000-7000-8000-00000000b001',
       'BENCH-' || t, 'Benchmark team ' || t, 'COMMUNITY'
  FROM generate_series(1, ${teams}) t ON CONFLICT DO NOTHING;
INSERT INTO "Hospital" (id, "trustId", "siteCode", name, "managersName")
VALUES ('00000000-0000-7000-8002-000000000001', '00000000-0000-7000-8000-00000000b001', 'BENCH-H', 'Benchmark hospital', 'Benchmark managers')
  ON CONFLICT DO NOTHING;
CREATE TEMP TABLE bench AS
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
SELECT patient_id, '00000000-0000-7000-8000-00000000b001', NULL, 'BENCH-' || i,
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
  FROM bench, generate_series(0, 3) d;
COMMIT;
ANALYZE;`;
await client.query(sql);
const counts = await client.query(
  `SELECT (SELECT count(*) FROM "CommunityTreatmentOrder") AS orders, (SELECT count(*) FROM "CtoEvent") AS events,
          (SELECT count(*) FROM "Deadline") AS deadlines, (SELECT count(*) FROM "Patient") AS patients`,
);
console.log(
  `Seeded at scale into ${redact(url)} in ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
  counts.rows[0],
);
await client.end();
