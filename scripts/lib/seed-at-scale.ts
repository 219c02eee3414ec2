// The national-scale benchmark data set (npm run bench:seed; scripts/seed-at-scale.ts), generated
// in SQL with generate_series: seconds, not hours. A deployment serves exactly one trust
// (docs/decisions/611-one-trust-per-deployment.md), so the data go into the trust already in the
// database, or into a new "Benchmark trust" when the database is empty: never into a second one.
//
// What it makes (defaults: 60,000 patients, 80,000 orders, 2,000 staff in 150 teams):
// - staff in every role, each a member of a team, all sharing one password hash so that the
//   benchmark can sign any of them in for real (bench.<n>@bench.example; `benchAccountFor`);
// - patients with every NHS ethnic category code, every sex, ages 18 to 90, marital,
//   employment and accommodation status;
// - one order per patient (the latest) and an earlier, ended order for a third of them: several
//   years of history, in force, recalled, AWOL, awaiting effect, discharged, expired and revoked;
// - per order: the underlying legal status, the first period, about seven events, the RC;
//   per patient: a care coordinator and an RC assignment (a few missing, for the data-quality
//   list), a nearest relative (most), contacts over four months, social factors assessments with
//   all eleven domains rated, quality-of-life ratings, rights information, treatment certificates;
// - recalls (running ones with their 72-hour deadline), revocations with the AMHP's agreement,
//   discharges, tribunal cases with hearings, and open deadlines of every kind in every band
//   (overdue, within 7 days, within 30 days, later) so that dashboards have real work.
// The deadlines are written in SQL from the same stored dates (period end, recall deadline,
// tribunal documents) rather than by lib/cto: a benchmark needs their number and spread, not
// their statutory exactness (docs/decisions/724-bench-data-in-sql.md).
import type pg from 'pg';

export interface ScaleOptions {
  patients: number;
  orders: number;
  staff: number;
  teams: number;
  /** argon2id hash of the shared benchmark password (every bench.<n>@bench.example account). */
  passwordHash: string;
}

export interface ScaleResult {
  trustId: string;
  createdTrust: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff numbers by role: user n's role, by range (the same ranges as the SQL below). */
export function staffLayout(staff: number) {
  const cc = Math.floor(staff * 0.6);
  const rc = Math.floor(staff * 0.25);
  const amhp = Math.floor(staff * 0.075);
  const mha = Math.floor(staff * 0.03);
  const hm = Math.floor(staff * 0.03);
  return {
    CARE_COORDINATOR: [1, cc],
    RESPONSIBLE_CLINICIAN: [cc + 1, cc + rc],
    AMHP: [cc + rc + 1, cc + rc + amhp],
    MHA_ADMINISTRATOR: [cc + rc + amhp + 1, cc + rc + amhp + mha],
    HOSPITAL_MANAGER: [cc + rc + amhp + mha + 1, cc + rc + amhp + mha + hm],
    AUDITOR: [cc + rc + amhp + mha + hm + 1, staff],
  } as const;
}

export function benchEmail(n: number): string {
  return `bench.${n}@bench.example`;
}

export async function seedAtScale(client: pg.Client, options: ScaleOptions): Promise<ScaleResult> {
  const { patients, orders, staff, teams } = options;
  for (const [name, value] of Object.entries({ patients, orders, staff, teams })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be 1 or more.`);
  }
  if (orders < patients) throw new Error('orders must be at least patients.');
  if (staff < teams * 8) throw new Error('staff must be at least 8 per team.');
  if (!/^\$argon2id\$[A-Za-z0-9$=,+/.]+$/.test(options.passwordHash)) {
    throw new Error('passwordHash must be an argon2id hash.');
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
    for (const [label, sql] of benchSql(trustId, options)) {
      const t0 = Date.now();
      await client.query(sql);
      if (process.env.BENCH_SEED_VERBOSE) console.log(`  ${label}: ${Date.now() - t0} ms`);
    }
    await client.query('COMMIT');
    return { trustId, createdTrust: created.rowCount === 1 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function benchSql(trustId: string, o: ScaleOptions): [string, string][] {
  const P = o.patients;
  const O = o.orders;
  const T = o.teams;
  const S = o.staff;
  const L = staffLayout(S);
  const ccCount = L.CARE_COORDINATOR[1];
  const rcFirst = L.RESPONSIBLE_CLINICIAN[0];
  const rcCount = L.RESPONSIBLE_CLINICIAN[1] - rcFirst + 1;
  const amhpFirst = L.AMHP[0];
  const amhpCount = L.AMHP[1] - amhpFirst + 1;
  const id = (ns: string, expr: string) =>
    `('00000000-0000-7000-${ns}-' || lpad(to_hex(${expr}), 12, '0'))`;
  const team = (expr: string) => id('8001', expr);
  const hospital = (expr: string) => id('8002', expr);
  const patient = (expr: string) => id('8003', expr);
  const order = (expr: string) => id('8004', expr);
  const lsp = (expr: string) => id('8005', expr);
  const user = (expr: string) => id('8006', expr);
  const recall = (expr: string) => id('8007', expr);
  const agreement = (expr: string) => id('8008', expr);
  const tcase = (expr: string) => id('8009', expr);
  const assess = (expr: string) => id('800a', expr);
  // Patient p's team (1..T); a care coordinator and an RC of that team (users are laid out so
  // that user u belongs to team 1 + (u - 1) % T).
  const teamOf = (p: string) => `(1 + (${p}) % ${T})`;
  const ccOf = (p: string) => `(${teamOf(p)} + ${T} * ((${p}) % ${Math.floor(ccCount / T)}))`;
  const rcOf = (p: string) =>
    `(${rcFirst - 1} + 1 + ((${teamOf(p)} - 1 + ${T} * ((${p}) % ${Math.max(1, Math.floor(rcCount / T))})) % ${rcCount}))`;
  const amhpOf = (p: string) => `(${amhpFirst} + (${p}) % ${amhpCount})`;
  const roleCase = Object.entries(L)
    .map(([role, [from, to]]) => `WHEN u BETWEEN ${from} AND ${to} THEN '${role}'`)
    .join(' ');

  return [
    [
      'teams and hospitals',
      `
INSERT INTO "Team" (id, "trustId", code, name, kind)
SELECT ${team('t')}, '${trustId}', 'BENCH-' || t, 'Benchmark team ' || t, 'COMMUNITY'
  FROM generate_series(1, ${T}) t ON CONFLICT DO NOTHING;
INSERT INTO "Hospital" (id, "trustId", "siteCode", name, "managersName")
SELECT ${hospital('h')}, '${trustId}', 'BENCH-H' || h, 'Benchmark hospital ' || h, 'Benchmark managers ' || h
  FROM generate_series(1, 10) h ON CONFLICT DO NOTHING;`,
    ],
    [
      'staff, roles and team memberships',
      `
INSERT INTO "User" (id, email, name, "jobTitle", "passwordHash", "updatedAt")
SELECT ${user('u')}, 'bench.' || u || '@bench.example', 'Bench Staff ' || u, 'Benchmark', '${o.passwordHash}', now()
  FROM generate_series(1, ${S}) u;
INSERT INTO "UserRole" (id, "userId", role, "grantedAt")
SELECT gen_random_uuid()::text, ${user('u')}, (CASE ${roleCase} END)::"Role", now() - interval '3 years'
  FROM generate_series(1, ${S}) u;
INSERT INTO "TeamMembership" (id, "userId", "teamId", "startedOn")
SELECT gen_random_uuid()::text, ${user('u')}, ${team(`1 + (u - 1) % ${T}`)}, CURRENT_DATE - 1000
  FROM generate_series(1, ${L.AMHP[1]}) u;`,
    ],
    [
      'patients',
      `
INSERT INTO "Patient" (id, "trustId", "nhsNumber", "localId", "givenName", "familyName", "searchName",
       "dateOfBirth", sex, "ethnicCategory", "maritalStatus", "employmentStatus", "accommodationStatus",
       "currentTeamId", "updatedAt")
SELECT ${patient('p')}, '${trustId}', NULL, 'BENCH-' || p, 'Given' || p, 'Family' || (p % 5000),
       lower('Family' || (p % 5000) || ' Given' || p),
       CURRENT_DATE - (365 * 18 + (p * 7919) % (365 * 72)),
       (ARRAY['MALE','FEMALE','MALE','FEMALE','INDETERMINATE','NOT_KNOWN'])[1 + p % 6]::"Sex",
       (ARRAY['A','B','C','D','E','F','G','H','J','K','L','M','N','P','R','S','Z','99'])[1 + (p * 13) % 18],
       (ARRAY['SINGLE','MARRIED_OR_CIVIL_PARTNERSHIP','SEPARATED','DIVORCED_OR_DISSOLVED','WIDOWED','NOT_DISCLOSED','NOT_KNOWN'])[1 + p % 7]::"MaritalStatus",
       (ARRAY['EMPLOYED','UNEMPLOYED_SEEKING_WORK','STUDENT','LONG_TERM_SICK_OR_DISABLED','HOMEMAKER_OR_CARER','NOT_SEEKING_WORK','UNPAID_VOLUNTARY_WORK','RETIRED','NOT_KNOWN'])[1 + p % 9]::"EmploymentStatus",
       (ARRAY['OWNER_OCCUPIER','SETTLED_TENANT','LIVING_WITH_FAMILY_OR_FRIENDS','SUPPORTED_ACCOMMODATION','CARE_HOME','TEMPORARY_OR_HOSTEL','ROUGH_SLEEPING','IN_HOSPITAL','IN_PRISON','OTHER','NOT_KNOWN'])[1 + p % 11]::"AccommodationStatus",
       ${team(teamOf('p'))}, now()
  FROM generate_series(1, ${P}) p;
INSERT INTO "PatientTeamAllocation" (id, "patientId", "teamId", "startedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, ${team(teamOf('p'))}, CURRENT_DATE - 900 FROM generate_series(1, ${P}) p;
-- Care coordinator and RC (about 1 in 40 without a care coordinator, 1 in 60 without an RC),
-- and a handed-over care coordinator in the past for 1 in 4.
INSERT INTO "StaffAssignment" (id, "patientId", "userId", kind, "startedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, ${user(ccOf('p'))}, 'CARE_COORDINATOR', CURRENT_DATE - 400
  FROM generate_series(1, ${P}) p WHERE p % 40 <> 7;
INSERT INTO "StaffAssignment" (id, "patientId", "userId", kind, "startedOn", "endedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, ${user(ccOf('p + 1'))}, 'CARE_COORDINATOR', CURRENT_DATE - 900, CURRENT_DATE - 400
  FROM generate_series(1, ${P}) p WHERE p % 4 = 0;
INSERT INTO "StaffAssignment" (id, "patientId", "userId", kind, "startedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, ${user(rcOf('p'))}, 'RESPONSIBLE_CLINICIAN', CURRENT_DATE - 400
  FROM generate_series(1, ${P}) p WHERE p % 60 <> 11;
-- A nearest relative for all but 1 in 12.
INSERT INTO "NearestRelative" (id, "patientId", name, relationship, "startedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, 'Relative ' || p,
       (ARRAY['Mother','Father','Sister','Brother','Husband','Wife','Partner','Son','Daughter'])[1 + p % 9],
       CURRENT_DATE - 900
  FROM generate_series(1, ${P}) p WHERE p % 12 <> 5;`,
    ],
    [
      'orders',
      `
CREATE TEMP TABLE bench_order ON COMMIT DROP AS
SELECT j, p, made_on, expiry, state, ended_on FROM (
  SELECT j, CASE WHEN j <= ${P} THEN j ELSE j - ${P} END AS p,
         s.state, s.made_on, s.expiry, s.ended_on
    FROM generate_series(1, ${O}) j
    CROSS JOIN LATERAL (
      SELECT st AS state,
             CASE WHEN st IN ('ACTIVE','RECALLED','AWOL','RECALL_PENDING')
                  THEN (CURRENT_DATE + ((j * 37) % 200) - 5) - 183 * (1 + j % 5)
                  WHEN st = 'AWAITING_EFFECT' THEN CURRENT_DATE + 1
                  WHEN j <= ${P} THEN CURRENT_DATE - 200 - j % 1500
                  ELSE CURRENT_DATE - 900 - j % 1200 END AS made_on,
             CASE WHEN st IN ('ACTIVE','RECALLED','AWOL','RECALL_PENDING')
                  THEN CURRENT_DATE + ((j * 37) % 200) - 5
                  WHEN st = 'AWAITING_EFFECT' THEN CURRENT_DATE + 183
                  ELSE NULL END AS expiry,
             CASE WHEN st IN ('DISCHARGED','EXPIRED','REVOKED')
                  THEN LEAST(CURRENT_DATE - 1, (CASE WHEN j <= ${P} THEN CURRENT_DATE - 200 - j % 1500 ELSE CURRENT_DATE - 900 - j % 1200 END) + 120 + j % 400)
                  ELSE NULL END AS ended_on
        FROM (SELECT CASE WHEN j <= ${P}
                          THEN (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE',
                                      'ACTIVE','ACTIVE','ACTIVE','RECALLED','AWOL','DISCHARGED','EXPIRED','REVOKED','AWAITING_EFFECT','RECALL_PENDING'])[1 + j % 20]
                          ELSE (ARRAY['DISCHARGED','REVOKED','EXPIRED'])[1 + j % 3] END AS st) s0
    ) s
) x;
CREATE INDEX ON bench_order (j);
ANALYZE bench_order;
INSERT INTO "LegalStatusPeriod" (id, "patientId", "legalStatusCode", "hospitalId", "startAt", "startDate", "applicableDay")
SELECT ${lsp('j')}, ${patient('p')}, (ARRAY['03','03','03','10','37'])[1 + j % 5], ${hospital('1 + j % 10')},
       (made_on - 60)::timestamptz, made_on - 60, made_on - 60
  FROM bench_order;
INSERT INTO "CommunityTreatmentOrder" (id, "patientId", "legalStatusPeriodId", "responsibleHospitalId",
       "responsibleClinicianId", "teamId", state, "proposedAt", "signedAt", "effectiveAt", "madeOn",
       "currentExpiryDate", "currentPeriodIndex", "endedAt", "endedOn", "endReason", "updatedAt")
SELECT ${order('j')}, ${patient('p')}, ${lsp('j')}, ${hospital('1 + j % 10')},
       CASE WHEN p % 60 = 11 AND j <= ${P} THEN NULL ELSE ${user(rcOf('p'))} END,
       ${team(teamOf('p'))}, state::"CtoState",
       (made_on - 3)::timestamptz, made_on::timestamptz + interval '10 hours', made_on::timestamptz + interval '11 hours',
       -- 1 in 500 live orders lacks its period end (the data-quality list's "could not be computed").
       made_on, CASE WHEN j % 500 = 3 THEN NULL ELSE expiry END,
       CASE WHEN expiry IS NULL THEN 0 ELSE j % 5 END,
       ended_on::timestamptz + interval '12 hours', ended_on,
       CASE state WHEN 'DISCHARGED' THEN 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN' WHEN 'EXPIRED' THEN 'EXPIRED'
                  WHEN 'REVOKED' THEN 'REVOKED' END::"CtoEndReason",
       now()
  FROM bench_order;
INSERT INTO "CtoPeriod" (id, "orderId", index, months, "startDate", "endDate", source)
SELECT gen_random_uuid()::text, ${order('j')}, 0, 6, made_on, made_on + 182, 'MADE' FROM bench_order;`,
    ],
    [
      'events',
      `
INSERT INTO "CtoEvent" (id, "orderId", "patientId", type, "occurredAt", "recordedAt", "recordedById", "stateAfter")
SELECT gen_random_uuid()::text, ${order('j')}, ${patient('p')},
       (ARRAY['PROPOSE','AMHP_AGREE_MAKING','MAKE','TAKE_EFFECT','RIGHTS_INFORMATION_GIVEN','CERTIFICATE_GIVEN','VARY_CONDITIONS'])[1 + e]::"CtoEventType",
       made_on::timestamptz + (e - 3) * interval '1 day', now(), ${user(rcOf('p'))}, state::"CtoState"
  FROM bench_order, generate_series(0, 6) e;`,
    ],
    [
      'recalls, revocations and discharges',
      `
-- A recall for every recalled, AWOL, recall-pending and revoked order, and an earlier released
-- one for 1 in 10 orders in force.
INSERT INTO "Recall" (id, "orderId", ground, reasons, "hospitalId", "noticeSignedAt", "serviceMethod",
       "servedOrPostedAt", "deemedServedAt", "detentionBeganAt", "deadlineAt", outcome, "endedAt")
SELECT ${recall('j')}, ${order('j')}, 'RISK_OF_HARM', 'Benchmark recall', ${hospital('1 + j % 10')},
       t0, 'HANDED_TO_PATIENT', t0, t0,
       CASE WHEN state = 'RECALL_PENDING' THEN NULL ELSE t0 + interval '2 hours' END,
       CASE WHEN state = 'RECALL_PENDING' THEN NULL ELSE t0 + interval '74 hours' END,
       CASE state WHEN 'REVOKED' THEN 'REVOKED' WHEN 'ACTIVE' THEN 'RELEASED' ELSE 'ONGOING' END::"RecallOutcome",
       CASE WHEN state IN ('REVOKED','ACTIVE') THEN t0 + interval '30 hours' END
  FROM (SELECT j, p, state,
               CASE WHEN state IN ('RECALLED','RECALL_PENDING','AWOL')
                    -- running recalls: from 70 hours ago (nearly due) to just now
                    THEN now() - ((j % 70) * interval '1 hour')
                    WHEN state = 'REVOKED' THEN (ended_on - 2)::timestamptz
                    ELSE (made_on + 60)::timestamptz END AS t0
          FROM bench_order
         WHERE state IN ('RECALLED','RECALL_PENDING','AWOL','REVOKED') OR (state = 'ACTIVE' AND j % 10 = 1)) r;
INSERT INTO "AmhpAgreement" (id, "orderId", purpose, "requestedAt", "requestedById", "amhpId", decision, "respondedAt")
SELECT ${agreement('j')}, ${order('j')}, 'REVOCATION', (ended_on - 1)::timestamptz, ${user(rcOf('p'))},
       ${user(amhpOf('p'))}, 'AGREED', (ended_on - 1)::timestamptz + interval '3 hours'
  FROM bench_order WHERE state = 'REVOKED';
-- Requests waiting for an AMHP on 1 in 50 orders in force (extensions).
INSERT INTO "AmhpAgreement" (id, "orderId", purpose, "requestedAt", "requestedById", "amhpId")
SELECT gen_random_uuid()::text, ${order('j')}, 'EXTENSION', now() - (j % 5) * interval '1 day', ${user(rcOf('p'))},
       ${user(amhpOf('p'))}
  FROM bench_order WHERE state = 'ACTIVE' AND j % 50 = 9;
INSERT INTO "Revocation" (id, "orderId", "recallId", "revokedAt", "revokedOn", "hospitalId", "rcReasons", "amhpAgreementId")
SELECT gen_random_uuid()::text, ${order('j')}, ${recall('j')}, ended_on::timestamptz + interval '12 hours', ended_on,
       ${hospital('1 + j % 10')}, 'Benchmark revocation', ${agreement('j')}
  FROM bench_order WHERE state = 'REVOKED';
INSERT INTO "Discharge" (id, "orderId", route, "orderedAt", "effectiveAt", reasons)
SELECT gen_random_uuid()::text, ${order('j')},
       (ARRAY['RESPONSIBLE_CLINICIAN','RESPONSIBLE_CLINICIAN','RESPONSIBLE_CLINICIAN','HOSPITAL_MANAGERS','TRIBUNAL'])[1 + j % 5]::"DischargeRoute",
       ended_on::timestamptz + interval '12 hours', ended_on::timestamptz + interval '12 hours', 'Benchmark discharge'
  FROM bench_order WHERE state = 'DISCHARGED';`,
    ],
    [
      'rights, certificates, tribunals',
      `
INSERT INTO "RightsInformation" (id, "patientId", "orderId", trigger, "dueOn", "givenOrallyAt", "givenInWritingAt", understanding)
SELECT gen_random_uuid()::text, ${patient('p')}, ${order('j')}, 'MAKING', made_on + 7,
       CASE WHEN j % 25 = 4 THEN NULL ELSE (made_on + 2)::timestamptz + interval '10 hours' END,
       CASE WHEN j % 25 = 4 THEN NULL ELSE (made_on + 2)::timestamptz + interval '10 hours' END,
       CASE WHEN j % 25 = 4 THEN NULL ELSE 'UNDERSTOOD'::"UnderstandingLevel" END
  FROM bench_order;
-- A treatment certificate on all but 1 in 30 orders in force (those have CERTIFICATE_REQUIRED).
INSERT INTO "TreatmentCertificate" (id, "patientId", "orderId", type, "givenOn", "certifierName", treatments, status, "endedOn")
SELECT gen_random_uuid()::text, ${patient('p')}, ${order('j')}, (ARRAY['CTO12','CTO11'])[1 + j % 2]::"CertificateType",
       made_on + 25, 'Dr Bench', 'BNF 4.2.1 oral antipsychotics within BNF limits',
       CASE WHEN ended_on IS NULL THEN 'ACTIVE' ELSE 'ENDED' END::"CertificateStatus", ended_on
  FROM bench_order WHERE j % 30 <> 2;
-- Tribunal cases on 1 in 7 orders in force (open, with a hearing ahead) and on 1 in 9 ended ones.
INSERT INTO "TribunalCase" (id, "patientId", "orderId", kind, applicant, basis, "madeOn", "receivedOn", "documentsDueOn", status)
SELECT ${tcase('j')}, ${patient('p')}, ${order('j')},
       CASE WHEN j % 2 = 0 THEN 'APPLICATION' ELSE 'REFERENCE' END::"TribunalCaseKind",
       CASE WHEN j % 2 = 0 THEN 'PATIENT' ELSE 'HOSPITAL_MANAGERS' END::"TribunalApplicant",
       CASE WHEN j % 2 = 0 THEN 's66(1)(ca)' ELSE 's68(6)' END,
       d, d, d + 21,
       CASE WHEN ended_on IS NULL THEN 'OPEN' ELSE 'DECIDED' END::"TribunalCaseStatus"
  FROM (SELECT j, p, ended_on,
               CASE WHEN ended_on IS NULL THEN CURRENT_DATE - (j % 40) ELSE made_on + 90 END AS d
          FROM bench_order WHERE (ended_on IS NULL AND j % 7 = 3) OR (ended_on IS NOT NULL AND j % 9 = 4)) t;
INSERT INTO "TribunalHearing" (id, "caseId", "scheduledAt", "heldOn", outcome)
SELECT gen_random_uuid()::text, ${tcase('j')},
       CASE WHEN ended_on IS NULL THEN (CURRENT_DATE + 5 + j % 50)::timestamptz + interval '10 hours'
            ELSE (made_on + 130)::timestamptz + interval '10 hours' END,
       CASE WHEN ended_on IS NULL THEN NULL ELSE made_on + 130 END,
       CASE WHEN ended_on IS NULL THEN NULL ELSE 'NOT_DISCHARGED'::"HearingOutcome" END
  FROM bench_order WHERE (ended_on IS NULL AND j % 7 = 3) OR (ended_on IS NOT NULL AND j % 9 = 4);`,
    ],
    [
      'contacts, social factors, quality of life',
      `
-- Contacts: four per patient over the last four months by their care coordinator; 1 in 8 with
-- none in the last five weeks (contact overdue).
INSERT INTO "Contact" (id, "patientId", "staffId", "occurredAt", mode, "durationMinutes", summary)
SELECT gen_random_uuid()::text, ${patient('p')}, ${user(ccOf('p'))},
       now() - ((CASE WHEN p % 8 = 6 THEN 36 ELSE 0 END) + (p % 13) + c * 25) * interval '1 day',
       (ARRAY['HOME_VISIT','CLINIC','TELEPHONE','VIDEO','COMMUNITY_SETTING','DID_NOT_ATTEND'])[1 + (p + c) % 6]::"ContactMode",
       30 + (p % 4) * 15, 'Benchmark contact'
  FROM generate_series(1, ${P}) p, generate_series(0, 3) c;
-- Social factors: one assessment per patient at making, a review for every other one.
INSERT INTO "SocialFactorAssessment" (id, "patientId", "orderId", "decisionPoint", "assessedOn", "assessedById", summary)
SELECT ${assess('p * 2 + a')}, ${patient('p')}, ${order('p')},
       (CASE WHEN a = 0 THEN 'MAKING' ELSE 'REVIEW' END)::"DecisionPoint",
       CASE WHEN a = 0 THEN bo.made_on - 2 ELSE CURRENT_DATE - (p % 200) END, ${user(ccOf('p'))}, 'Benchmark assessment'
  FROM bench_order bo, generate_series(0, 1) a
 WHERE bo.j = bo.p AND (a = 0 OR p % 2 = 0);
INSERT INTO "SocialFactorRating" (id, "assessmentId", domain, rating, significance)
SELECT gen_random_uuid()::text, ${assess('p * 2 + a')},
       (ARRAY['ACCOMMODATION','RELATIONSHIPS_AND_FAMILY','ACTIVITIES_AND_OCCUPATION','EMPLOYMENT_AND_EDUCATION',
              'FINANCES_AND_BENEFITS','SUBSTANCE_USE','PHYSICAL_HEALTH','ISOLATION','RELATIONSHIP_WITH_CARE_TEAM',
              'CARER_INVOLVEMENT','CULTURE_AND_FAITH'])[n]::"SocialDomain",
       (ARRAY['STRENGTH','NO_CONCERN','SOME_CONCERN','SERIOUS_CONCERN','NOT_ASSESSED'])[1 + (p + n + a * 3) % 5]::"SocialRating",
       (ARRAY['NOT_RELEVANT','MINOR','MODERATE','MAJOR'])[1 + (p * 3 + n) % 4]::"DecisionSignificance"
  FROM generate_series(1, ${P}) p, generate_series(0, 1) a, generate_series(1, 11) n
 WHERE a = 0 OR p % 2 = 0;
INSERT INTO "QualityOfLifeRating" (id, "patientId", "ratedOn", instrument, score, "maxScore")
SELECT gen_random_uuid()::text, ${patient('p')}, CURRENT_DATE - (p % 60) - r * 90, 'ReQoL-10', (p * 7 + r * 5) % 41, 40
  FROM generate_series(1, ${P}) p, generate_series(0, 2) r;`,
    ],
    [
      'deadlines',
      `
-- Open deadlines of the orders in force, from their stored dates, in every band.
INSERT INTO "Deadline" (id, "patientId", "orderId", "teamId", kind, title, "dueOn", "dueAt", "opensOn", basis, explanation, inputs, "ownerRole", "updatedAt")
SELECT gen_random_uuid()::text, ${patient('p')}, ${order('j')}, ${team(teamOf('p'))}, k.kind::"DeadlineKind", k.title,
       k.due_on, k.due_at, k.opens_on, k.basis, 'Benchmark deadline', '{}', k.owner::"Role", now()
  FROM bench_order bo
  LEFT JOIN "Recall" r ON r.id = ${recall('bo.j')}
  LEFT JOIN "TribunalCase" tc ON tc.id = ${tcase('bo.j')}
  CROSS JOIN LATERAL (VALUES
    ('CTO_EXPIRY', 'The order expires', bo.expiry, NULL::timestamptz, NULL::date, 's20A(1)', 'MHA_ADMINISTRATOR', bo.expiry IS NOT NULL AND bo.state <> 'AWAITING_EFFECT'),
    ('EXTENSION_WINDOW', 'Extension report (CTO7) due', bo.expiry - 1, NULL, bo.expiry - 61, 's20A(4)', 'RESPONSIBLE_CLINICIAN', bo.expiry IS NOT NULL AND bo.state = 'ACTIVE'),
    ('RIGHTS_INFORMATION', 'Rights information', CURRENT_DATE + (bo.j % 21) - 10, NULL, NULL, 's132A', 'CARE_COORDINATOR', bo.j % 25 = 4),
    ('CERTIFICATE_REQUIRED', 'Treatment certificate needed', CURRENT_DATE + (bo.j % 31) - 10, NULL, NULL, 's64C', 'RESPONSIBLE_CLINICIAN', bo.j % 30 = 2),
    ('RECALL_72_HOURS', 'Recall: 72 hours end', (r."deadlineAt" AT TIME ZONE 'Europe/London')::date, r."deadlineAt", NULL, 's17F(5)', 'RESPONSIBLE_CLINICIAN', r."deadlineAt" IS NOT NULL AND r.outcome = 'ONGOING'),
    ('TRIBUNAL_DOCUMENTS', 'Tribunal reports due', tc."documentsDueOn", NULL, NULL, 'HESC r32', 'MHA_ADMINISTRATOR', tc.status = 'OPEN'),
    ('PERIODIC_MANAGERS_REFERENCE', 'Managers'' reference to the tribunal', bo.made_on + 3 * 365, NULL, NULL, 's68(6)', 'MHA_ADMINISTRATOR', bo.j % 11 = 6)
  ) AS k(kind, title, due_on, due_at, opens_on, basis, owner, applies)
 WHERE bo.ended_on IS NULL AND k.applies AND k.due_on IS NOT NULL;
-- Done deadlines of the ended orders (history).
INSERT INTO "Deadline" (id, "patientId", "orderId", "teamId", kind, title, "dueOn", basis, explanation, inputs, status, "completedAt", "updatedAt")
SELECT gen_random_uuid()::text, ${patient('p')}, ${order('j')}, ${team(teamOf('p'))}, 'RIGHTS_INFORMATION', 'Rights information',
       made_on + 7, 's132A', 'Benchmark deadline', '{}', 'DONE', (made_on + 2)::timestamptz, now()
  FROM bench_order WHERE ended_on IS NOT NULL;`,
    ],
  ];
}
