// The MHA Annual Statistics measures against a small known cohort (issue 11), every measure and
// breakdown worked by hand, including NHS England's quirks, disclosure control and scoping.
// The cohort is in a team of its own, and the queries are asked for that team, so other test
// files' orders in the shared database do not change the numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CtoEndReason, CtoState, PrismaClient, Sex } from '@/lib/generated/prisma/client';
import { getMhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { AccessDenied } from '@/lib/server/queries/access';
import { getOutcomeStatistics } from '@/lib/server/queries/statistics-outcomes';
import { openExtract, statisticsCsv } from '@/lib/server/queries/statistics-csv';
import { keptStatistics, settleKeptStatistics } from '@/lib/server/queries/statistics-cache';
import { queryCareCoordinatorChangesPerPatientYear } from '@/lib/server/queries/care-coordinator-continuity';
import { currentAndPreviousYear, parseStatisticsYear } from '@/lib/statistics/classify';
import { warmStatistics } from '@/lib/server/statistics-warm';
import { londonDateOf } from '@/lib/server/dates';
import { contractRows, type MeasureRow } from '@/lib/statistics/measures';
import {
  createHospital,
  createLegalStatusPeriod,
  createPatient,
  createTeam,
  createUser,
  newId,
  theTrust,
  type CreatedUser,
} from '@/tests/factories';
import { testDb } from './support/db';
import { actorOf } from './support/world';

let db: PrismaClient;
let team: { id: string };
let other: { id: string };
let hospitalId: string;
let p2: { patientId: string; orderId: string };
let users: Record<'mha' | 'rc' | 'rcElsewhere' | 'manager' | 'coordinator', CreatedUser>;
const YEAR = parseStatisticsYear('2025-26')!;

interface CohortOrder {
  sex: Sex;
  genderIdentity?: string;
  ethnic: string;
  dob: string;
  code: string;
  effectiveAt: string;
  state: CtoState;
  endedAt?: string;
  endReason?: CtoEndReason;
  recalls?: string[];
  teamId?: string;
  patientId?: string;
  /** Another legal status period of the patient: [code, start]. */
  detainedFrom?: [string, string];
}

async function addOrder(o: CohortOrder): Promise<{ patientId: string; orderId: string }> {
  const trust = await theTrust(db);
  const patientId =
    o.patientId ??
    (
      await createPatient(db, {
        trustId: trust.id,
        teamId: o.teamId ?? team.id,
        sex: o.sex,
        genderIdentity: o.genderIdentity ?? null,
        ethnicCategory: o.ethnic,
        dateOfBirth: o.dob,
      })
    ).id;
  const effectiveAt = new Date(o.effectiveAt);
  const lsp = await createLegalStatusPeriod(db, {
    patientId,
    legalStatusCode: o.code,
    hospitalId,
    startAt: new Date(effectiveAt.getTime() - 90 * 86_400_000),
  });
  const id = newId();
  await db.communityTreatmentOrder.create({
    data: {
      id,
      patientId,
      legalStatusPeriodId: lsp.id,
      responsibleHospitalId: hospitalId,
      teamId: o.teamId ?? team.id,
      state: o.state,
      signedAt: effectiveAt,
      effectiveAt,
      madeOn: effectiveAt,
      endedAt: o.endedAt ? new Date(o.endedAt) : null,
      endedOn: o.endedAt ? new Date(o.endedAt.slice(0, 10)) : null,
      endReason: o.endReason ?? null,
    },
  });
  for (const at of o.recalls ?? []) {
    const when = new Date(at);
    await db.recall.create({
      data: {
        orderId: id,
        ground: 'RISK_OF_HARM',
        reasons: 'Test recall',
        hospitalId,
        noticeSignedAt: when,
        serviceMethod: 'HANDED_TO_PATIENT',
        servedOrPostedAt: when,
        deemedServedAt: when,
        outcome: o.state === 'RECALLED' ? 'ONGOING' : 'RELEASED',
      },
    });
  }
  if (o.detainedFrom) {
    await createLegalStatusPeriod(db, {
      patientId,
      legalStatusCode: o.detainedFrom[0],
      hospitalId,
      startAt: new Date(o.detainedFrom[1]),
    });
  }
  return { patientId, orderId: id };
}

beforeAll(async () => {
  db = testDb();
  const trust = await theTrust(db);
  hospitalId = (await createHospital(db, { trustId: trust.id })).id;
  team = await createTeam(db, { trustId: trust.id, name: 'Statistics Team' });
  other = await createTeam(db, { trustId: trust.id, name: 'Statistics Other Team' });
  users = {
    mha: await createUser(db, { roles: ['MHA_ADMINISTRATOR'] }),
    rc: await createUser(db, { roles: ['RESPONSIBLE_CLINICIAN'], teams: [team.id] }),
    rcElsewhere: await createUser(db, { roles: ['RESPONSIBLE_CLINICIAN'], teams: [other.id] }),
    manager: await createUser(db, { roles: ['HOSPITAL_MANAGER'] }),
    coordinator: await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [team.id] }),
  };
  // P1: took effect 00:30 on 1 April 2025 in England (23:30 UTC on 31 March): in the year.
  // Recalled and revoked AFTER the year: still counted in the cohort (the quirk). On a CTO on
  // 31 March 2026.
  await addOrder({
    sex: 'MALE',
    ethnic: 'M',
    dob: '1990-06-01',
    code: '03',
    effectiveAt: '2025-03-31T23:30:00Z',
    state: 'REVOKED',
    endedAt: '2026-05-10T12:00:00Z',
    endReason: 'REVOKED',
    recalls: ['2026-05-01T12:00:00Z'],
  });
  // P2: 17 on 31 March 2026; from s37; discharged by the tribunal in the year.
  p2 = await addOrder({
    sex: 'FEMALE',
    ethnic: 'M',
    dob: '2009-01-01',
    code: '10',
    effectiveAt: '2025-10-01T10:00:00Z',
    state: 'DISCHARGED',
    endedAt: '2025-12-01T10:00:00Z',
    endReason: 'DISCHARGED_BY_TRIBUNAL',
  });
  // P3: took effect 00:30 on 1 April 2026 in England: the next year, and not on a CTO on 31 March.
  await addOrder({
    sex: 'MALE',
    ethnic: 'A',
    dob: '1960-01-01',
    code: '16',
    effectiveAt: '2026-03-31T23:30:00Z',
    state: 'ACTIVE',
  });
  // P4: started the year before; recalled and revoked IN the year: not counted (the quirk).
  // The detention the revocation restarted began in the year: a detention following
  // revocation (Table 1 is not limited to the cohort).
  const p4 = await addOrder({
    sex: 'FEMALE',
    ethnic: 'Z',
    dob: '1980-05-05',
    code: '03',
    effectiveAt: '2024-06-01T10:00:00Z',
    state: 'REVOKED',
    endedAt: '2025-08-01T10:00:00Z',
    endReason: 'REVOKED',
    recalls: ['2025-07-20T10:00:00Z'],
  });
  await createLegalStatusPeriod(db, {
    patientId: p4.patientId,
    legalStatusCode: '03',
    hospitalId,
    startAt: new Date('2025-08-01T10:00:00Z'),
    revokedOrderId: p4.orderId,
  });
  // P5: started the year before, still in force: on a CTO on 31 March only.
  await addOrder({
    sex: 'MALE',
    ethnic: 'N',
    dob: '1985-01-01',
    code: '03',
    effectiveAt: '2024-09-01T10:00:00Z',
    state: 'ACTIVE',
  });
  // P6: non-binary (out of the ethnicity breakdowns); recalled twice: one order with a recall.
  await addOrder({
    sex: 'FEMALE',
    genderIdentity: 'Non-binary',
    ethnic: 'A',
    dob: '2000-01-01',
    code: '03',
    effectiveAt: '2025-05-01T10:00:00Z',
    state: 'ACTIVE',
    recalls: ['2025-06-01T10:00:00Z', '2025-09-01T10:00:00Z'],
  });
  // P7: recalled on 31 March: still counted as on a CTO.
  await addOrder({
    sex: 'MALE',
    ethnic: 'H',
    dob: '1970-01-01',
    code: '03',
    effectiveAt: '2025-06-15T10:00:00Z',
    state: 'RECALLED',
    recalls: ['2026-03-30T10:00:00Z'],
  });
  // P8: on a CTO but detained under s2 since 1 March 2026: not counted on 31 March.
  await addOrder({
    sex: 'FEMALE',
    ethnic: 'A',
    dob: '1975-01-01',
    code: '03',
    effectiveAt: '2025-07-01T10:00:00Z',
    state: 'ACTIVE',
    detainedFrom: ['02', '2026-03-01T10:00:00Z'],
  });
  // P10: two orders in the year: two uses (the unit is the order), one person on 31 March.
  const p10 = await addOrder({
    sex: 'MALE',
    ethnic: 'S',
    dob: '1995-01-01',
    code: '03',
    effectiveAt: '2025-05-01T10:00:00Z',
    state: 'DISCHARGED',
    endedAt: '2025-06-01T10:00:00Z',
    endReason: 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN',
  });
  await addOrder({
    patientId: p10.patientId,
    sex: 'MALE',
    ethnic: 'S',
    dob: '1995-01-01',
    code: '17',
    effectiveAt: '2025-11-01T10:00:00Z',
    state: 'ACTIVE',
  });
  // P11: not yet in effect: not counted.
  await addOrder({
    sex: 'MALE',
    ethnic: 'A',
    dob: '1990-01-01',
    code: '03',
    effectiveAt: '2025-08-01T10:00:00Z',
    state: 'AWAITING_EFFECT',
  });
  // Another team's order.
  await addOrder({
    teamId: other.id,
    sex: 'MALE',
    ethnic: 'A',
    dob: '1990-01-01',
    code: '03',
    effectiveAt: '2025-08-01T10:00:00Z',
    state: 'ACTIVE',
  });
  // P2's quality of life around the making (40% before, 60% after) and a social factors
  // assessment with the making, after a review two months before.
  for (const [ratedOn, score] of [
    ['2025-09-20', 8],
    ['2025-10-10', 12],
  ] as const) {
    await db.qualityOfLifeRating.create({
      data: {
        patientId: p2.patientId,
        ratedOn: new Date(ratedOn),
        instrument: 'ReQoL-10',
        score,
        maxScore: 20,
      },
    });
  }
  const review = await db.socialFactorAssessment.create({
    data: {
      patientId: p2.patientId,
      orderId: p2.orderId,
      decisionPoint: 'REVIEW',
      assessedOn: new Date('2025-08-01'),
      assessedById: users.mha.id,
      ratings: {
        create: [{ domain: 'ACCOMMODATION', rating: 'SOME_CONCERN', significance: 'MINOR' }],
      },
    },
  });
  await db.socialFactorAssessment.create({
    data: {
      patientId: p2.patientId,
      orderId: p2.orderId,
      decisionPoint: 'MAKING',
      assessedOn: new Date('2025-10-01'),
      assessedById: users.mha.id,
      previousId: review.id,
      ratings: {
        create: [
          { domain: 'ACCOMMODATION', rating: 'SERIOUS_CONCERN', significance: 'MAJOR' },
          { domain: 'ISOLATION', rating: 'NO_CONCERN', significance: 'MINOR' },
        ],
      },
    },
  });
  // The catchment population (see the rates test for the arithmetic).
  await db.statisticsPopulation.create({
    data: {
      uploadedById: users.mha.id,
      source: 'Statistics test population',
      total: 10_000,
      cells: [
        { census: 7, sex: 2, ageBand: '16 to 17', population: 100 },
        { census: 7, sex: 1, ageBand: '35 to 49', population: 400 },
        { census: 13, sex: 1, ageBand: '35 to 49', population: 4600 },
        { census: 13, sex: 2, ageBand: '16 to 17', population: 4900 },
      ],
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
});

async function rowsFor(
  user: CreatedUser,
  options: { disclosure?: 'published'; teamId?: string | null } = {},
): Promise<MeasureRow[]> {
  const stats = await getMhaAnnualStatistics(
    { actor: actorOf(user), client: db },
    {
      year: YEAR,
      disclosure: options.disclosure,
      teamId: options.teamId === undefined ? team.id : options.teamId,
    },
  );
  return stats.rows;
}

function count(rows: MeasureRow[], measure: string, breakdown: string, group: string) {
  const row = rows.find(
    (r) => r.measure === measure && r.breakdown === breakdown && r.group === group,
  );
  if (!row) throw new Error(`No row ${measure} ${breakdown} ${group}`);
  return row.count;
}

describe('the measures for 2025/26, unrounded for the MHA office', () => {
  let rows: MeasureRow[];
  beforeAll(async () => {
    rows = await rowsFor(users.mha);
  });

  it('counts uses, revocations, discharges and recalls within the cohort that started in the year', () => {
    expect(count(rows, 'USES_OF_CTOS', 'ALL', 'All')).toBe(7);
    expect(count(rows, 'REVOCATIONS', 'ALL', 'All')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'ALL', 'All')).toBe(2);
    expect(count(rows, 'RECALLS', 'ALL', 'All')).toBe(3);
  });

  it('counts people on a CTO at the end of 31 March (recalled in, detained out)', () => {
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ALL', 'All')).toBe(5);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'GENDER', 'Male')).toBe(4);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'GENDER', 'Non-binary')).toBe(1);
  });

  it('breaks uses down by previous section', () => {
    expect(count(rows, 'USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 3 to CTO')).toBe(5);
    expect(count(rows, 'USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 37 to CTO')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'PREVIOUS_SECTION', 'Section 48 to CTO')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'PREVIOUS_SECTION', 'Informal to CTO')).toBe(0);
  });

  it('breaks uses down by gender and age at 31 March', () => {
    expect(count(rows, 'USES_OF_CTOS', 'GENDER', 'Male')).toBe(4);
    expect(count(rows, 'USES_OF_CTOS', 'GENDER', 'Female')).toBe(2);
    expect(count(rows, 'USES_OF_CTOS', 'GENDER', 'Non-binary')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'AGE_BAND', '16 to 17')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'AGE_BAND', '18 to 34')).toBe(3);
    expect(count(rows, 'USES_OF_CTOS', 'AGE_BAND', '35 to 49')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'AGE_BAND', '50 to 64')).toBe(2);
    expect(count(rows, 'USES_OF_CTOS', 'AGE_BAND', '65 and over')).toBe(0);
  });

  it('breaks uses down by ethnicity, leaving out the non-binary person', () => {
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'Black or Black British')).toBe(2);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'White')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'Asian or Asian British')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'Other Ethnic Groups')).toBe(2);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'Mixed')).toBe(0);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_CODE', 'M')).toBe(2);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_CODE', 'A')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_CODE', 'H')).toBe(1);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_CODE', 'S')).toBe(2);
  });

  it('works the rates from the uploaded population', () => {
    const all = rows.find((r) => r.measure === 'USES_OF_CTOS' && r.breakdown === 'ALL');
    expect(all?.crudeRate).toBe(70); // 7 ÷ 10,000 × 100,000
    const black = rows.find(
      (r) =>
        r.measure === 'USES_OF_CTOS' &&
        r.breakdown === 'ETHNIC_GROUP' &&
        r.group === 'Black or Black British',
    );
    // Crude 2 ÷ 500. Standardised: W(M 35-49) = 5000, W(F 16-17) = 5000, T = 10,000;
    // r = 1/400 and 1/100: (12.5 + 50) ÷ 10,000 × 100,000 = 625.0. CI without 16-17 (quirk):
    // 1.96 × √(5000² × .0025 × .9975 ÷ 400 ÷ 10,000²) × 100,000 = 244.7.
    expect(black).toMatchObject({
      crudeRate: 400,
      standardisedRate: 625,
      standardisedLower: 380.3,
      standardisedUpper: 869.7,
    });
  });

  it('audits the read', async () => {
    const event = await db.auditEvent.findFirstOrThrow({
      where: { userId: users.mha.id, action: 'statistics.mha-annual.read' },
      orderBy: { id: 'desc' },
    });
    expect(event).toMatchObject({ outcome: 'SUCCESS', entityId: '2025-26' });
  });
});

describe('disclosure control and scope', () => {
  it('rounds to 5 and suppresses below 5 when the MHA office asks for the published figures', async () => {
    const rows = await rowsFor(users.mha, { disclosure: 'published' });
    expect(count(rows, 'USES_OF_CTOS', 'ALL', 'All')).toBe(5);
    expect(count(rows, 'REVOCATIONS', 'ALL', 'All')).toBe('*');
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ALL', 'All')).toBe(5);
    expect(count(rows, 'USES_OF_CTOS', 'ETHNIC_GROUP', 'Black or Black British')).toBe('*');
  });

  it('gives hospital managers the published figures even when they ask for unrounded', async () => {
    const stats = await getMhaAnnualStatistics(
      { actor: actorOf(users.manager), client: db },
      { year: YEAR, disclosure: 'unrounded', teamId: team.id },
    );
    expect(stats.disclosure).toBe('published');
    expect(count(stats.rows, 'USES_OF_CTOS', 'ALL', 'All')).toBe(5);
  });

  it('shows a responsible clinician their own team’s figures, published, and nothing of another team', async () => {
    const mine = await rowsFor(users.rc, { teamId: null });
    expect(count(mine, 'USES_OF_CTOS', 'ALL', 'All')).toBe(5);
    expect(count(mine, 'RECALLS', 'ALL', 'All')).toBe('*');
    const theirs = await rowsFor(users.rc, { teamId: other.id });
    expect(count(theirs, 'USES_OF_CTOS', 'ALL', 'All')).toBe('*');
    expect(theirs.every((r) => r.count === '*')).toBe(true);
    const elsewhere = await rowsFor(users.rcElsewhere, { teamId: null });
    expect(count(elsewhere, 'USES_OF_CTOS', 'ALL', 'All')).toBe('*');
  });

  it('refuses a care coordinator, audited as denied', async () => {
    await expect(rowsFor(users.coordinator)).rejects.toThrow(AccessDenied);
    const denied = await db.auditEvent.findFirstOrThrow({
      where: { userId: users.coordinator.id, action: 'read:statistics' },
      orderBy: { id: 'desc' },
    });
    expect(denied.outcome).toBe('DENIED');
  });
});

describe('outcomes for 2025/26 (as of 1 June 2026)', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  it('adds up orders, recalls, revocations, discharges and endings in the year', async () => {
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.mha), client: db, now },
      { year: YEAR, teamId: team.id },
    );
    // In force during the year: P1, P2, P4, P5, P6, P7, P8 and P10's two orders (P3 took effect
    // after the year, P11 never did); 8 people.
    expect(o.sums).toMatchObject({
      orders: 9,
      people: 8,
      recalls: 4,
      revocations: 1,
      discharges: 2,
      ended: 3,
    });
    const making = o.quality.find((q) => q.decision === 'MAKING');
    expect(making).toEqual({
      decision: 'MAKING',
      decisions: 7,
      meanBefore: 40,
      meanAfter: 60,
      pairs: 1,
      meanChange: 20,
    });
    const accommodation = o.social.find(
      (s) => s.decision === 'MAKING' && s.domain === 'ACCOMMODATION',
    );
    expect(accommodation).toMatchObject({
      rated: 1,
      concernPercent: 100,
      majorPercent: 100,
      meanMovement: 1,
      movementPairs: 1,
    });
    const isolation = o.social.find((s) => s.decision === 'MAKING' && s.domain === 'ISOLATION');
    expect(isolation).toMatchObject({ rated: 1, concernPercent: 0, meanMovement: null });
    expect(o.phases.find((p) => p.phase === '0 to 3 months on the order')).toMatchObject({
      ratings: 1,
      mean: 60,
    });
  });

  it('hides small numbers from a hospital manager', async () => {
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.manager), client: db, now },
      { year: YEAR, teamId: team.id },
    );
    expect(o.disclosure).toBe('published');
    expect(o.summary.find((s) => s.key === 'revocations')?.value).toBe('*');
    expect(o.quality.find((q) => q.decision === 'MAKING')).toMatchObject({
      decisions: 5,
      meanBefore: null,
    });
  });
});

describe('MHSDS-shaped extracts', () => {
  it('gives the MHA office MHS404 records with the national end reasons', async () => {
    const csv = await statisticsCsv({ actor: actorOf(users.mha), client: db }, 'mhs404', {
      year: YEAR,
      teamId: team.id,
    });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'UniqMHActEpisodeID,LocalPatientId,NHSNumber,StartDateCommTreatOrd,ExpiryDateCommTreatOrd,EndDateCommTreatOrd,CommTreatOrdEndReason,CTOTrackerEndReason,CTOTrackerOrderId',
    );
    expect(lines).toHaveLength(10);
    expect(lines.filter((l) => l.includes(',02,REVOKED,'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes(',01,DISCHARGED_'))).toHaveLength(2);
    // P1 took effect at 00:30 on 1 April 2025 in England: that is its start date.
    expect(lines.some((l) => l.includes(',2025-04-01,'))).toBe(true);
  });

  it('gives anyone else counts by code, controlled', async () => {
    const csv = await statisticsCsv({ actor: actorOf(users.manager), client: db }, 'mhs404', {
      year: YEAR,
      teamId: team.id,
    });
    expect(csv).toBe(
      'Table,CommTreatOrdEndReason,Records\r\nMHS404,All,10\r\nMHS404,Not recorded,5\r\nMHS404,01,*\r\nMHS404,02,*\r\n',
    );
  });
});

describe('every measure by every breakdown, worked by hand (unrounded)', () => {
  let rows: MeasureRow[];
  beforeAll(async () => {
    rows = await rowsFor(users.mha);
  });

  it('revocations: P1 only (a Black man of 35, from s3); P4’s revocation in the year is not in the cohort', () => {
    expect(count(rows, 'REVOCATIONS', 'ETHNIC_GROUP', 'Black or Black British')).toBe(1);
    expect(count(rows, 'REVOCATIONS', 'ETHNIC_CODE', 'M')).toBe(1);
    expect(count(rows, 'REVOCATIONS', 'ETHNIC_GROUP', 'Unknown')).toBe(0);
    expect(count(rows, 'REVOCATIONS', 'AGE_BAND', '35 to 49')).toBe(1);
    expect(count(rows, 'REVOCATIONS', 'GENDER', 'Male')).toBe(1);
    expect(count(rows, 'REVOCATIONS', 'GENDER', 'Female')).toBe(0);
    expect(count(rows, 'REVOCATIONS', 'PREVIOUS_SECTION', 'Section 3 to CTO')).toBe(1);
  });

  it('discharges: P2 (a Black girl of 17, from s37) and P10’s first order (from s3)', () => {
    expect(count(rows, 'DISCHARGES', 'ETHNIC_GROUP', 'Black or Black British')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'ETHNIC_GROUP', 'Other Ethnic Groups')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'AGE_BAND', '16 to 17')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'AGE_BAND', '18 to 34')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'GENDER', 'Female')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'GENDER', 'Male')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'PREVIOUS_SECTION', 'Section 37 to CTO')).toBe(1);
    expect(count(rows, 'DISCHARGES', 'PREVIOUS_SECTION', 'Section 3 to CTO')).toBe(1);
  });

  it('recalls: orders with a recall (P6’s two recalls count once; P6 is non-binary, out of ethnicity)', () => {
    expect(count(rows, 'RECALLS', 'ETHNIC_GROUP', 'Black or Black British')).toBe(1);
    expect(count(rows, 'RECALLS', 'ETHNIC_GROUP', 'Asian or Asian British')).toBe(1);
    expect(count(rows, 'RECALLS', 'ETHNIC_GROUP', 'White')).toBe(0);
    expect(count(rows, 'RECALLS', 'ETHNIC_CODE', 'H')).toBe(1);
    expect(count(rows, 'RECALLS', 'AGE_BAND', '18 to 34')).toBe(1);
    expect(count(rows, 'RECALLS', 'AGE_BAND', '35 to 49')).toBe(1);
    expect(count(rows, 'RECALLS', 'AGE_BAND', '50 to 64')).toBe(1);
    expect(count(rows, 'RECALLS', 'GENDER', 'Male')).toBe(2);
    expect(count(rows, 'RECALLS', 'GENDER', 'Non-binary')).toBe(1);
    expect(count(rows, 'RECALLS', 'PREVIOUS_SECTION', 'Section 3 to CTO')).toBe(3);
  });

  it('people on a CTO on 31 March: by their latest order (P10 counted once, from s48)', () => {
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ETHNIC_GROUP', 'Black or Black British')).toBe(2);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ETHNIC_GROUP', 'Asian or Asian British')).toBe(1);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ETHNIC_GROUP', 'Other Ethnic Groups')).toBe(1);
    // P6 (non-binary) is out of the ethnicity breakdown; P8 (detained under s2) is out altogether.
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'ETHNIC_GROUP', 'White')).toBe(0);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'AGE_BAND', '18 to 34')).toBe(2);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'AGE_BAND', '35 to 49')).toBe(2);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'AGE_BAND', '50 to 64')).toBe(1);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'PREVIOUS_SECTION', 'Section 3 to CTO')).toBe(4);
    expect(count(rows, 'PEOPLE_ON_CTO_31_MARCH', 'PREVIOUS_SECTION', 'Section 48 to CTO')).toBe(1);
  });

  it('detentions following revocation: P4’s, begun in the year, although its order began the year before', () => {
    expect(count(rows, 'DETENTIONS_FOLLOWING_REVOCATION', 'ALL', 'All')).toBe(1);
    expect(count(rows, 'DETENTIONS_FOLLOWING_REVOCATION', 'ETHNIC_GROUP', 'Unknown')).toBe(1);
    expect(count(rows, 'DETENTIONS_FOLLOWING_REVOCATION', 'GENDER', 'Female')).toBe(1);
    expect(
      count(rows, 'DETENTIONS_FOLLOWING_REVOCATION', 'PREVIOUS_SECTION', 'Section 3 to CTO'),
    ).toBe(1);
    // Not one of the API contract's measures.
    expect(contractRows(rows).some((r) => r.measure === 'DETENTIONS_FOLLOWING_REVOCATION')).toBe(
      false,
    );
    expect(contractRows(rows).filter((r) => r.breakdown === 'ALL')).toHaveLength(5);
  });

  it('gives the previous-section breakdown no rate (no population for it)', () => {
    const row = rows.find(
      (r) =>
        r.measure === 'USES_OF_CTOS' &&
        r.breakdown === 'PREVIOUS_SECTION' &&
        r.group === 'Section 3 to CTO',
    );
    expect(row).toMatchObject({ count: 5, crudeRate: null, standardisedRate: null });
  });

  it('published: rates are worked from the rounded count, and empty when suppressed', async () => {
    const published = await rowsFor(users.mha, { disclosure: 'published' });
    const all = published.find((r) => r.measure === 'USES_OF_CTOS' && r.breakdown === 'ALL');
    // 7 is published as 5: 5 ÷ 10,000 × 100,000 = 50 (not 70).
    expect(all).toMatchObject({ count: 5, crudeRate: 50 });
    const black = published.find(
      (r) =>
        r.measure === 'USES_OF_CTOS' &&
        r.breakdown === 'ETHNIC_GROUP' &&
        r.group === 'Black or Black British',
    );
    expect(black).toMatchObject({ count: '*', crudeRate: null, standardisedRate: null });
  });
});

describe('outcomes of a second small cohort, worked by hand (as of 1 June 2026)', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  let outcomesTeam: { id: string };
  let q1: { patientId: string; orderId: string };
  let q2: { patientId: string; orderId: string };

  beforeAll(async () => {
    const trust = await theTrust(db);
    outcomesTeam = await createTeam(db, { trustId: trust.id, name: 'Statistics Outcomes Team' });
    // Q1: 1 June 2025 to 1 November 2025 (153 days), discharged by the RC before its first
    // expiry (30 November 2025); recalled for exactly 2 days in August.
    q1 = await addOrder({
      teamId: outcomesTeam.id,
      sex: 'MALE',
      ethnic: 'A',
      dob: '1980-01-01',
      code: '03',
      effectiveAt: '2025-06-01T12:00:00Z',
      state: 'DISCHARGED',
      endedAt: '2025-11-01T12:00:00Z',
      endReason: 'DISCHARGED_BY_RESPONSIBLE_CLINICIAN',
    });
    await db.recall.create({
      data: {
        orderId: q1.orderId,
        ground: 'RISK_OF_HARM',
        reasons: 'Test recall',
        hospitalId,
        noticeSignedAt: new Date('2025-08-01T11:00:00Z'),
        serviceMethod: 'HANDED_TO_PATIENT',
        servedOrPostedAt: new Date('2025-08-01T12:00:00Z'),
        deemedServedAt: new Date('2025-08-01T12:00:00Z'),
        detentionBeganAt: new Date('2025-08-01T12:00:00Z'),
        endedAt: new Date('2025-08-03T12:00:00Z'),
        outcome: 'RELEASED',
      },
    });
    // Q2: took effect at midnight starting 1 October 2025 in England, still in force: 182 days
    // in the year; its first period (to 31 March 2026) was renewed.
    q2 = await addOrder({
      teamId: outcomesTeam.id,
      sex: 'FEMALE',
      ethnic: 'N',
      dob: '1990-01-01',
      code: '03',
      effectiveAt: '2025-09-30T23:00:00Z',
      state: 'ACTIVE',
    });
    const period = (orderId: string, index: number, start: string, end: string) => ({
      orderId,
      index,
      months: 6,
      startDate: new Date(start),
      endDate: new Date(end),
      source: index === 0 ? ('MADE' as const) : ('EXTENSION' as const),
    });
    await db.ctoPeriod.createMany({
      data: [
        period(q1.orderId, 0, '2025-06-01', '2025-11-30'),
        period(q2.orderId, 0, '2025-10-01', '2026-03-31'),
        period(q2.orderId, 1, '2026-04-01', '2026-09-30'),
      ],
    });
    // Care coordinators: Q1's patient changed on 1 September 2025 (a change while on the order);
    // an assignment corrected away (ended the day it began) is not a change; Q2's patient's
    // first care coordinator is an allocation, not a change.
    const other = await createUser(db, { roles: ['CARE_COORDINATOR'], teams: [outcomesTeam.id] });
    await db.staffAssignment.createMany({
      data: [
        {
          patientId: q1.patientId,
          userId: users.coordinator.id,
          kind: 'CARE_COORDINATOR',
          startedOn: new Date('2025-01-01'),
          endedOn: new Date('2025-09-01'),
        },
        {
          patientId: q1.patientId,
          userId: other.id,
          kind: 'CARE_COORDINATOR',
          startedOn: new Date('2025-09-01'),
        },
        {
          patientId: q1.patientId,
          userId: users.coordinator.id,
          kind: 'CARE_COORDINATOR',
          startedOn: new Date('2025-10-01'),
          endedOn: new Date('2025-10-01'),
        },
        {
          patientId: q2.patientId,
          userId: other.id,
          kind: 'CARE_COORDINATOR',
          startedOn: new Date('2025-10-05'),
        },
      ],
    });
  });

  it('days on a CTO and recalled, recalls and changes per patient-year, first expiries', async () => {
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.mha), client: db, now },
      { year: YEAR, teamId: outcomesTeam.id },
    );
    expect(o.sums).toMatchObject({
      orders: 2,
      people: 2,
      daysOnCto: 335, // 153 + 182
      daysRecalled: 2,
      recalls: 1,
      revocations: 0,
      discharges: 1,
      ended: 1,
      medianDaysOnCto: 153,
      firstExpiry: { renewed: 1, discharged: 1, revoked: 0, expired: 0, other: 0 },
      careCoordinatorChanges: 1,
    });
    const value = (key: string) => o.summary.find((s) => s.key === key)?.value;
    expect(value('patient_years')).toBe(0.9); // 335 ÷ 365.25 = 0.917, to 1 place
    expect(value('days_in_community_percent')).toBe(99.4); // 333 ÷ 335
    expect(value('recalls_per_patient_year')).toBe(1.09); // 1 ÷ (335 ÷ 365.25)
    expect(value('care_coordinator_changes_per_patient_year')).toBe(1.09);
    expect(value('revocations_per_patient_year')).toBe(0);
    expect(value('mean_days_on_cto')).toBe(153);
    expect(value('first_expiry_renewed_percent')).toBe(50);
    expect(value('first_expiry_discharged_percent')).toBe(50);
  });

  it('counts care coordinator changes as the patient’s dated history does (issue 10)', async () => {
    const onQ1 = await queryCareCoordinatorChangesPerPatientYear(
      db,
      { from: '2025-06-01', to: '2025-10-31' },
      { id: q1.patientId },
    );
    const onQ2 = await queryCareCoordinatorChangesPerPatientYear(
      db,
      { from: '2025-10-01', to: '2026-03-31' },
      { id: q2.patientId },
    );
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.mha), client: db, now },
      { year: YEAR, teamId: outcomesTeam.id },
    );
    expect(onQ1.changes + onQ2.changes).toBe(1);
    expect(o.sums.careCoordinatorChanges).toBe(onQ1.changes + onQ2.changes);
  });

  it('hides small numbers and rates from small numbers in the published version', async () => {
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.manager), client: db, now },
      { year: YEAR, teamId: outcomesTeam.id },
    );
    const value = (key: string) => o.summary.find((s) => s.key === key)?.value;
    expect(value('orders')).toBe('*');
    expect(value('recalls')).toBe('*');
    expect(value('recalls_per_patient_year')).toBeNull();
    expect(value('care_coordinator_changes_per_patient_year')).toBeNull();
    expect(value('first_expiry_renewed_percent')).toBeNull();
  });

  it('gives a responsible clinician of another team nothing, and refuses a care coordinator', async () => {
    const o = await getOutcomeStatistics(
      { actor: actorOf(users.rc), client: db, now },
      { year: YEAR, teamId: outcomesTeam.id },
    );
    expect(o.sums).toMatchObject({ orders: 0, people: 0, recalls: 0, careCoordinatorChanges: 0 });
    await expect(
      getOutcomeStatistics(
        { actor: actorOf(users.coordinator), client: db, now },
        { year: YEAR, teamId: outcomesTeam.id },
      ),
    ).rejects.toThrow(AccessDenied);
  });
});

describe('the extracts, scoped and controlled', () => {
  it('gives the MHA office MHS405 recall records and anyone else counts only', async () => {
    const records = await statisticsCsv({ actor: actorOf(users.mha), client: db }, 'mhs405', {
      year: YEAR,
      teamId: team.id,
    });
    const lines = records.trim().split('\r\n');
    expect(lines[0]).toContain('StartDateCommTreatOrdRecall');
    // Recalls overlapping 2025/26: P1's is after the year; P4's, P6's two and P7's are in it.
    expect(lines).toHaveLength(5);
    const counts = await statisticsCsv({ actor: actorOf(users.manager), client: db }, 'mhs405', {
      year: YEAR,
      teamId: team.id,
    });
    expect(counts).not.toContain(lines[1]?.split(',')[0] ?? 'no line');
    expect(counts.split('\r\n')[0]).toBe('Table,CTOTrackerRecallOutcome,Records');
  });

  it('gives a responsible clinician of another team no records', async () => {
    const csv = await statisticsCsv({ actor: actorOf(users.rcElsewhere), client: db }, 'mhs404', {
      year: YEAR,
      teamId: team.id,
    });
    expect(csv).toBe('Table,CommTreatOrdEndReason,Records\r\nMHS404,All,*\r\n');
  });
});

describe('the sums kept between requests (decision 831)', () => {
  it('gives the kept answer while the data are unchanged, and works it out again after a new row', async () => {
    const key = `test|${newId()}`;
    expect(await keptStatistics(db, key, async () => 1)).toBe(1);
    expect(await keptStatistics(db, key, async () => 2)).toBe(1);
    await db.qualityOfLifeRating.create({
      data: {
        patientId: p2.patientId,
        ratedOn: new Date('2026-05-01'),
        instrument: 'ReQoL-10',
        score: 10,
        maxScore: 20,
      },
    });
    // The data changed: the kept answer is given while the new one is worked out.
    expect(await keptStatistics(db, key, async () => 3)).toBe(1);
    await settleKeptStatistics();
    expect(await keptStatistics(db, key, async () => 4)).toBe(3);
  });

  it('keeps nothing inside a transaction', async () => {
    const key = `test|${newId()}`;
    await keptStatistics(db, key, async () => 1);
    const inside = await db.$transaction((tx) => keptStatistics(tx, key, async () => 2));
    expect(inside).toBe(2);
  });
});

describe('the MHA office’s extracts, streamed (decision 832)', () => {
  it('writes the records a batch at a time from a cursor, the same file as in one piece, audited with the count', async () => {
    const whole = await statisticsCsv({ actor: actorOf(users.mha), client: db }, 'mhs404', {
      year: YEAR,
      teamId: team.id,
    });
    const write = await openExtract(
      { actor: actorOf(users.mha), client: db },
      'mhs404',
      {
        year: YEAR,
        teamId: team.id,
      },
      3,
    );
    const chunks: string[] = [];
    const before = await db.auditEvent.count({
      where: { userId: users.mha.id, action: 'statistics.extract.read' },
    });
    const total = await write(async (chunk) => {
      chunks.push(chunk);
    });
    expect(total).toBe(9);
    // The read is audited once, with its size, when the cursor's transaction has ended.
    const events = await db.auditEvent.findMany({
      where: { userId: users.mha.id, action: 'statistics.extract.read' },
      orderBy: { id: 'desc' },
    });
    expect(events).toHaveLength(before + 1);
    expect(events[0]?.outcome).toBe('SUCCESS');
    expect(events[0]?.metadata).toMatchObject({ kind: 'mhs404', records: true, rows: 9 });
    // The header, then 9 records in batches of at most 3.
    expect(chunks).toHaveLength(4);
    expect(chunks.slice(1).map((c) => c.split('\r\n').length - 1)).toEqual([3, 3, 3]);
    expect(chunks.join('')).toBe(whole);
  });

  it('checks the permission before anything is written', async () => {
    await expect(
      openExtract({ actor: actorOf(users.coordinator), client: db }, 'mhs401', {
        year: YEAR,
        teamId: team.id,
      }),
    ).rejects.toThrow(AccessDenied);
  });
});

describe('the figures warmed at start (decision 833)', () => {
  it('works out the trust’s figures for this year and last, and the first reader is given them with their time', async () => {
    const before = Date.now();
    await warmStatistics(new Date());
    const warmed = Date.now();
    const [, lastYear] = currentAndPreviousYear(londonDateOf(new Date()));
    const stats = await getMhaAnnualStatistics(
      { actor: actorOf(users.mha), client: db },
      { year: lastYear! },
    );
    expect(stats.workedOutAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(stats.workedOutAt.getTime()).toBeLessThanOrEqual(warmed);
    const outcomes = await getOutcomeStatistics(
      { actor: actorOf(users.mha), client: db },
      { year: lastYear! },
    );
    expect(outcomes.workedOutAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(outcomes.workedOutAt.getTime()).toBeLessThanOrEqual(warmed);
  });
});
