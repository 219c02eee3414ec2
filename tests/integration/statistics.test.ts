// The MHA Annual Statistics measures against a small known cohort (issue 11), every measure and
// breakdown worked by hand, including NHS England's quirks, disclosure control and scoping.
// The cohort is in a team of its own, and the queries are asked for that team, so other test
// files' orders in the shared database do not change the numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CtoEndReason, CtoState, PrismaClient, Sex } from '@/lib/generated/prisma/client';
import { getMhaAnnualStatistics } from '@/lib/server/queries/statistics';
import { AccessDenied } from '@/lib/server/queries/access';
import { getOutcomeStatistics } from '@/lib/server/queries/statistics-outcomes';
import { statisticsCsv } from '@/lib/server/queries/statistics-csv';
import { parseStatisticsYear } from '@/lib/statistics/classify';
import type { MeasureRow } from '@/lib/statistics/measures';
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
  await addOrder({
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
