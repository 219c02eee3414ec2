// npm run bench:seed -- [patients] [orders] [staff]: adds a whole country's worth of synthetic
// data to DATABASE_URL (default 60,000 patients, 80,000 orders, ~560,000 events, 2,000 staff in
// 150 teams; scripts/lib/seed-at-scale.ts says what) for scripts/benchmark.ts. Generated in SQL
// with generate_series. Never run it against a database with real patients in it. A deployment
// serves one trust: the data go into the trust already there (or a new one), never a second.
// Every bench account (bench.<n>@bench.example) signs in with BENCH_PASSWORD (default
// 'bench-password').
import pg from 'pg';
import { redact } from './lib/database.ts';
import { seedAtScale } from './lib/seed-at-scale.ts';
import { hashPassword } from '../lib/auth/password.ts';
import { PrismaClient } from '../lib/generated/prisma/client.ts';
import { pgAdapter } from '../lib/server/pg-adapter.ts';
import { seedFiveYearPatient } from './lib/seed-five-year-patient.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_URL to a scratch PostgreSQL database (npm run bench:seed sets the embedded one).',
  );
  process.exit(2);
}
const patients = Number(process.argv[2] ?? 60_000);
const orders = Number(process.argv[3] ?? Math.round(patients * (4 / 3)));
const staff = Number(process.argv[4] ?? 2_000);
const client = new pg.Client({ connectionString: url });
await client.connect();
const existing = await client.query(
  `SELECT 1 FROM "User" WHERE email LIKE 'bench.%@bench.example' LIMIT 1`,
);
if (existing.rowCount) {
  console.error('This database already has the benchmark data: use a fresh database.');
  process.exit(2);
}
const t0 = Date.now();
const passwordHash = await hashPassword(process.env.BENCH_PASSWORD ?? 'bench-password');
const { createdTrust } = await seedAtScale(client, {
  patients,
  orders,
  staff,
  teams: 150,
  passwordHash,
});
const inserted = Date.now() - t0;
// One patient with five years of history and a signed-up tribunal bundle (issue 9 §3's bench
// cases; decision 842), written through the demo seed's factories, in the first bench team.
const t1 = Date.now();
const prisma = new PrismaClient({ adapter: pgAdapter(url) });
let fiveYear;
try {
  fiveYear = await prisma.$transaction(
    async (tx) => {
      const teamId = '00000000-0000-7000-8001-000000000001';
      const staffOf = async (
        role: 'RESPONSIBLE_CLINICIAN' | 'CARE_COORDINATOR' | 'AMHP' | 'MHA_ADMINISTRATOR',
        inTeam: boolean,
      ) =>
        tx.user.findFirstOrThrow({
          where: {
            email: { endsWith: '@bench.example' },
            roles: { some: { role } },
            ...(inTeam ? { memberships: { some: { teamId } } } : {}),
          },
          orderBy: { id: 'asc' },
          select: { id: true, name: true },
        });
      const trust = await tx.trust.findFirstOrThrow({ select: { id: true } });
      return seedFiveYearPatient(tx as never, {
        trustId: trust.id,
        teamId,
        hospitalId: '00000000-0000-7000-8002-000000000001',
        rc: await staffOf('RESPONSIBLE_CLINICIAN', true),
        cc: await staffOf('CARE_COORDINATOR', true),
        amhpId: (await staffOf('AMHP', false)).id,
        office: await staffOf('MHA_ADMINISTRATOR', false),
        now: new Date(),
      });
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
} finally {
  await prisma.$disconnect();
}
console.log(
  `Five-year patient (${fiveYear.events} events, tribunal case ${fiveYear.caseId}) in ${((Date.now() - t1) / 1000).toFixed(1)} s.`,
);
await client.query('VACUUM ANALYZE');
const counts = await client.query(
  `SELECT (SELECT count(*) FROM "Patient") AS patients, (SELECT count(*) FROM "CommunityTreatmentOrder") AS orders,
          (SELECT count(*) FROM "CtoEvent") AS events, (SELECT count(*) FROM "Deadline") AS deadlines,
          (SELECT count(*) FROM "User") AS staff, (SELECT count(*) FROM "StaffAssignment") AS assignments,
          (SELECT count(*) FROM "Contact") AS contacts, (SELECT count(*) FROM "SocialFactorAssessment") AS "socialAssessments",
          (SELECT count(*) FROM "QualityOfLifeRating") AS "qualityOfLife", (SELECT count(*) FROM "Recall") AS recalls,
          (SELECT count(*) FROM "TribunalCase") AS "tribunalCases"`,
);
console.log(
  `Seeded at scale into ${redact(url)} (${createdTrust ? 'a new trust' : 'its existing trust'}): inserts ${(inserted / 1000).toFixed(1)} s, with VACUUM ANALYZE ${((Date.now() - t0) / 1000).toFixed(1)} s:`,
  counts.rows[0],
);
await client.end();
