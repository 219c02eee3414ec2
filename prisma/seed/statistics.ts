// Demo data for the statistics (issue 11).
//
// 1. The catchment population behind the rates (the made-up example district of
//    lib/statistics/population-example.ts, not real census data), so that the equality page shows
//    crude and standardised rates.
// 2. A cohort of past orders spread over six financial years, so that every chart shows
//    something true: every ethnic category (and Not stated / Not known), both sexes and a
//    non-binary person, every age band, s3, s37 and s47 before the order, and orders discharged
//    before their first expiry, renewed, recalled and released, revoked and left to expire. Each
//    decision has its social factors assessment (and a review about two months before it), and
//    quality of life is rated before and after each decision and after the order ends; some
//    people changed care coordinator part way through (dated assignments and the record's
//    history, as issue 10 records a change).
//
// Everything goes through the factories the rest of the seed uses (tests/factories), which
// write the events, periods and clocks of each step lawfully (lib/cto). Deterministic: dates
// are relative to `today`, choices come from a seeded PRNG.
import {
  addCalendarDays,
  addCalendarMonths,
  londonTime,
  toDbDate,
  type IsoDate,
} from '@/lib/server/dates';
import { ctoPeriods } from '@/lib/cto';
import type {
  DecisionPoint,
  DecisionSignificance,
  Sex,
  SocialRating,
} from '@/lib/generated/prisma/client';
import { ETHNIC_CATEGORY_CODES } from '@/lib/codes/ethnic-category';
import { examplePopulation } from '@/lib/statistics/population-example';
import {
  addHoursTo,
  assignCareTeam,
  createLegalStatusPeriod,
  createOrder,
  createPatient,
  createQualityOfLifeRatings,
  createSocialFactorAssessment,
  currentExpiry,
  dischargeOrder,
  expireOrder,
  extendOrder,
  nhsNumberForStem,
  recallOrder,
  releaseFromRecall,
  revokeOrder,
  theTrust,
  SOCIAL_DOMAINS,
  type FactoryDb,
  type OrderHandle,
  type QualityOfLifeInput,
} from '@/tests/factories';
import {
  CTO_GROUNDS,
  DISCHARGE_REASONS,
  EXTENSION_REASONS,
  NAMES,
  RECALL_REASONS,
  REVOCATION_REASONS,
} from '../seed-data';

/** How many people the statistics cohort adds (every ethnic category at least once). */
export const STATISTICS_COHORT = 18;

// The outcome of each order, in turn.
const OUTCOMES = [
  'dischargedEarly', // discharged by the RC before the first expiry
  'recalledRenewedDischarged', // recalled and released, renewed, then discharged
  'revoked', // recalled and revoked in the first period
  'renewedExpired', // renewed once, then left to expire
  'renewedTwice', // renewed twice with a recall in each period, still in force (or ended later)
  'expiredFirst', // not renewed: expired at the first expiry
] as const;
type Outcome = (typeof OUTCOMES)[number];

// Age on the day the order is made (every band of the statistics, 16 to 17 included).
const AGES = [16, 23, 31, 44, 57, 71, 28, 38, 52, 67, 19, 47];
const SECTIONS = ['03', '03', '10', '03', '16', '03', '03', '10'];

/** mulberry32: the same seed gives the same data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Prng = ReturnType<typeof prng>;

interface Staff {
  id: string;
  name: string;
}

interface Person {
  db: FactoryDb;
  rng: Prng;
  today: IsoDate;
  patientId: string;
  teamId: string;
  hospitalId: string;
  rc: Staff;
  cc: Staff;
  amhp: Staff;
  mha: Staff;
  legalStatusPeriodId: string;
  legalStatusCode: string;
  firstMedicationOn: IsoDate;
  /** Quality of life: the person's usual percentage (before the ups and downs below). */
  wellbeing: number;
  ratings: QualityOfLifeInput[];
}

// How concerning each domain is at each decision: the chance of SERIOUS / SOME concern.
const CONCERN: Record<DecisionPoint, [serious: number, some: number]> = {
  MAKING: [0.25, 0.35],
  EXTENSION: [0.15, 0.35],
  RECALL: [0.45, 0.3],
  REVOCATION: [0.55, 0.3],
  DISCHARGE: [0.03, 0.2],
  REVIEW: [0.15, 0.3],
};
// The domains the research found weigh most at an acute decision.
const ACUTE_DOMAINS = new Set([
  'ACCOMMODATION',
  'SUBSTANCE_USE',
  'RELATIONSHIPS_AND_FAMILY',
  'ENGAGEMENT',
]);

function ratingFor(rng: Prng, point: DecisionPoint, domain: string, easing: number) {
  const [serious, some] = CONCERN[point];
  const weight = ACUTE_DOMAINS.has(domain) && point !== 'DISCHARGE' ? 1.4 : 0.8;
  const x = rng.next() + easing;
  const rating: SocialRating =
    x < serious * weight
      ? 'SERIOUS_CONCERN'
      : x < (serious + some) * weight
        ? 'SOME_CONCERN'
        : x < 0.8
          ? 'NO_CONCERN'
          : 'STRENGTH';
  const significance: DecisionSignificance =
    rating === 'SERIOUS_CONCERN'
      ? rng.next() < 0.7
        ? 'MAJOR'
        : 'MODERATE'
      : rating === 'SOME_CONCERN'
        ? rng.pick(['MODERATE', 'MINOR', 'MINOR'] as const)
        : rating === 'STRENGTH'
          ? point === 'DISCHARGE'
            ? 'MAJOR'
            : 'MINOR'
          : 'NOT_RELEVANT';
  return { rating, significance };
}

/** The assessment with a decision, and a review about two months before it. */
async function assess(
  p: Person,
  order: OrderHandle,
  point: DecisionPoint,
  on: IsoDate,
  decisionEventId: string | null,
): Promise<void> {
  const reviewedOn = addCalendarDays(on, -p.rng.int(45, 75));
  // Before a recall or revocation things were better two months earlier; before a discharge,
  // a little worse: the review is rated with the opposite drift.
  const drift = point === 'RECALL' || point === 'REVOCATION' ? 0.2 : -0.15;
  const previousId = await createSocialFactorAssessment(p.db, {
    patientId: p.patientId,
    orderId: order.id,
    decisionPoint: 'REVIEW',
    assessedOn: reviewedOn,
    assessedById: p.cc.id,
    summary: 'Care programme approach review.',
    ratings: SOCIAL_DOMAINS.map((domain) => ({
      domain,
      ...ratingFor(p.rng, point === 'DISCHARGE' ? 'REVIEW' : point, domain, drift),
    })),
  });
  await createSocialFactorAssessment(p.db, {
    patientId: p.patientId,
    orderId: order.id,
    decisionPoint: point,
    decisionEventId,
    assessedOn: on,
    assessedById: point === 'RECALL' || point === 'REVOCATION' ? p.rc.id : p.cc.id,
    previousId,
    ratings: SOCIAL_DOMAINS.map((domain) => ({ domain, ...ratingFor(p.rng, point, domain, 0) })),
  });
}

/** A quality-of-life rating (ReQoL-10, 0 to 40) about `percent` %, if the day has come. */
function rate(p: Person, on: IsoDate, percent: number): void {
  if (on >= p.today) return;
  const score = Math.max(0, Math.min(40, Math.round((percent / 100) * 40) + p.rng.int(-2, 2)));
  p.ratings.push({
    patientId: p.patientId,
    ratedOn: on,
    score,
    maxScore: 40,
    selfRated: true,
    recordedById: p.cc.id,
  });
}

/** Before and after a decision: `dip` points lower before it, `lift` higher after it. */
function rateAround(p: Person, on: IsoDate, dip: number, lift: number): void {
  rate(p, addCalendarDays(on, -p.rng.int(10, 25)), p.wellbeing - dip);
  rate(p, addCalendarDays(on, p.rng.int(14, 30)), p.wellbeing + lift);
}

const past = (p: Person, day: IsoDate) => day < addCalendarDays(p.today, -2);

/** The notice handed over in the morning, detained at midday, assessed the same day. */
async function recall(p: Person, order: OrderHandle, day: IsoDate) {
  const served = londonTime(day, 9, 30);
  const handle = await recallOrder(p.db, order, {
    hospitalId: p.hospitalId,
    reasons: p.rng.pick(RECALL_REASONS),
    noticeSignedAt: addHoursTo(served, -0.5),
    servedOrPostedAt: served,
    detentionBeganAt: londonTime(day, 12, 15),
    mhaAdministratorId: p.mha.id,
  });
  await assess(p, order, 'RECALL', day, handle.detentionEventId);
  return handle;
}

async function recallAndRelease(p: Person, order: OrderHandle, day: IsoDate): Promise<void> {
  const recalled = await recall(p, order, day);
  rateAround(p, day, 12, 2);
  await releaseFromRecall(p.db, order, recalled, {
    at: londonTime(addCalendarDays(day, 2), 11, 0),
    reasons: 'Settled after restarting medication; agreed to continue in the community.',
  });
  p.wellbeing += 3;
}

/** Renews the current period if its examination has come; false when it has not. */
async function renew(p: Person, order: OrderHandle): Promise<boolean> {
  const examinedOn = addCalendarDays(currentExpiry(order), -p.rng.int(18, 30));
  if (!past(p, addCalendarDays(examinedOn, 4))) return false;
  const ext = await extendOrder(p.db, order, {
    examinedOn,
    amhpId: p.amhp.id,
    consulteeName: p.cc.name,
    consulteeRole: 'Care coordinator',
    reasons: p.rng.pick(EXTENSION_REASONS),
    mhaAdministratorId: p.mha.id,
    managersReviewedOn: addCalendarDays(examinedOn, 14),
  });
  await assess(p, order, 'EXTENSION', examinedOn, ext.furnishEventId);
  rateAround(p, examinedOn, 2, 3);
  p.wellbeing += 4;
  return true;
}

async function discharge(p: Person, order: OrderHandle, day: IsoDate): Promise<void> {
  if (!past(p, day)) return;
  const at = londonTime(day, 12, 0);
  const route = p.rng.next() < 0.8 ? 'RESPONSIBLE_CLINICIAN' : 'HOSPITAL_MANAGERS';
  await assess(p, order, 'DISCHARGE', day, null);
  rateAround(p, day, -2, 6);
  await dischargeOrder(p.db, order, {
    route,
    at,
    reasons: p.rng.pick(DISCHARGE_REASONS),
    panel: 'Helen Castellano (chair) and two associate hospital managers',
  });
  p.wellbeing += 6;
  afterTheOrder(p, day);
}

/** Quality of life in the year after the order ended. */
function afterTheOrder(p: Person, endedOn: IsoDate): void {
  rate(p, addCalendarDays(endedOn, p.rng.int(80, 110)), p.wellbeing);
  rate(p, addCalendarDays(endedOn, p.rng.int(200, 250)), p.wellbeing + 2);
}

async function live(p: Person, order: OrderHandle, outcome: Outcome, madeOn: IsoDate) {
  const firstExpiry = currentExpiry(order);
  switch (outcome) {
    case 'dischargedEarly':
      await discharge(p, order, addCalendarDays(madeOn, p.rng.int(95, 150)));
      return;
    case 'recalledRenewedDischarged': {
      const recallDay = addCalendarDays(madeOn, p.rng.int(50, 80));
      if (!past(p, recallDay)) return;
      await recallAndRelease(p, order, recallDay);
      if (!(await renew(p, order))) return;
      await discharge(p, order, addCalendarDays(firstExpiry, p.rng.int(60, 140)));
      return;
    }
    case 'revoked': {
      const recallDay = addCalendarDays(madeOn, p.rng.int(60, 120));
      if (!past(p, addCalendarDays(recallDay, 1))) return;
      const recalled = await recall(p, order, recallDay);
      const revokedOn = addCalendarDays(recallDay, 1);
      const revocation = await revokeOrder(p.db, order, recalled, {
        amhpId: p.amhp.id,
        amhpAgreedAt: londonTime(revokedOn, 12, 30),
        revokedAt: londonTime(revokedOn, 15, 45),
        rcReasons: p.rng.pick(REVOCATION_REASONS),
        detentionEndedAt: past(p, addCalendarDays(revokedOn, 75))
          ? londonTime(addCalendarDays(revokedOn, 75), 11, 0)
          : null,
        detentionEndReason: 'Discharged from section 3 by the responsible clinician',
        firstMedicationOn: p.firstMedicationOn,
        mhaAdministratorId: p.mha.id,
      });
      await assess(p, order, 'REVOCATION', revokedOn, revocation.revokeEventId);
      rateAround(p, revokedOn, 15, -4);
      afterTheOrder(p, addCalendarDays(revokedOn, 75));
      return;
    }
    case 'renewedExpired':
      if (!(await renew(p, order))) return;
      if (!past(p, addCalendarDays(currentExpiry(order), 1))) return;
      rateAround(p, currentExpiry(order), 0, 3);
      await expireOrder(p.db, order, { recordedById: p.mha.id });
      afterTheOrder(p, currentExpiry(order));
      return;
    case 'renewedTwice':
      for (let period = 0; period < 3; period += 1) {
        const day = addCalendarDays(currentExpiry(order), -p.rng.int(90, 110));
        if (past(p, day)) await recallAndRelease(p, order, day);
        if (period < 2 && !(await renew(p, order))) return;
      }
      return;
    case 'expiredFirst':
      if (!past(p, addCalendarDays(firstExpiry, 1))) return;
      rateAround(p, firstExpiry, -1, 2);
      await expireOrder(p.db, order, { recordedById: p.mha.id });
      afterTheOrder(p, firstExpiry);
      return;
  }
}

/** A change of care coordinator part way through, as issue 10 records one. */
async function handOver(
  db: FactoryDb,
  p: Person,
  to: Staff,
  on: IsoDate,
  recordedBy: Staff,
  now: Date,
): Promise<void> {
  if (on >= p.today) return;
  await db.staffAssignment.updateMany({
    where: { patientId: p.patientId, kind: 'CARE_COORDINATOR', endedOn: null },
    data: { endedOn: toDbDate(on) },
  });
  await db.staffAssignment.create({
    data: {
      patientId: p.patientId,
      userId: to.id,
      kind: 'CARE_COORDINATOR',
      startedOn: toDbDate(on),
      recordedById: recordedBy.id,
      recordedAt: now,
    },
  });
  const patient = await db.patient.update({
    where: { id: p.patientId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  await db.patientChange.create({
    data: {
      patientId: p.patientId,
      patientVersion: patient.version,
      kind: 'CHANGE',
      field: 'careCoordinatorId',
      oldValue: p.cc.id,
      newValue: to.id,
      oldText: p.cc.name,
      newText: to.name,
      reason: 'Caseload rebalanced across the team',
      effectiveOn: toDbDate(on),
      changedById: recordedBy.id,
      changedAt: now,
    },
  });
  p.cc = to;
}

function nhsNumber(index: number): string {
  for (let stem = 610_000 + index * 4_111; ; stem += 1) {
    const n = nhsNumberForStem(stem);
    if (n) return n;
  }
}

async function seedCohort(
  db: FactoryDb,
  options: { today: IsoDate; now: Date; trustId: string },
): Promise<void> {
  const { today, now } = options;
  const rng = prng(2021);
  const byEmail = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true } });
  const byName = (name: string) =>
    db.user.findFirstOrThrow({ where: { name }, select: { id: true, name: true } });
  const [rcNorth, rcSouth, ccNorth, ccSouth, amhp, mha, reliefNorth, reliefSouth] =
    await Promise.all([
      byEmail('rc.north@cto-tracker.example'),
      byEmail('rc.south@cto-tracker.example'),
      byEmail('coordinator.north@cto-tracker.example'),
      byEmail('coordinator.south@cto-tracker.example'),
      byEmail('amhp@cto-tracker.example'),
      byEmail('mha.office@cto-tracker.example'),
      byName('Tom Fairweather'),
      byName('Grace Adeyemi'),
    ]);
  // The North and South teams (the demo clinicians' teams).
  const teamOf = async (userId: string) =>
    (
      await db.teamMembership.findFirstOrThrow({
        where: { userId, team: { kind: 'COMMUNITY' } },
        select: { teamId: true },
      })
    ).teamId;
  const north = { teamId: await teamOf(rcNorth.id), rc: rcNorth, cc: ccNorth, relief: reliefNorth };
  const south = { teamId: await teamOf(rcSouth.id), rc: rcSouth, cc: ccSouth, relief: reliefSouth };
  const hospital = await db.hospital.findFirstOrThrow({
    orderBy: { name: 'asc' },
    select: { id: true },
  });
  const codes = [...ETHNIC_CATEGORY_CODES];
  const ratings: QualityOfLifeInput[] = [];

  for (let i = 0; i < STATISTICS_COHORT; i += 1) {
    const team = i % 2 === 0 ? north : south;
    const ethnic = codes[i % codes.length] ?? 'A';
    const sex: Sex = i % 3 === 1 ? 'FEMALE' : 'MALE';
    const pool = rng.pick(NAMES[ethnic] ?? NAMES.A ?? []);
    const givenName = rng.pick(sex === 'MALE' ? pool.male : pool.female);
    // Made between about 2 months and 5½ years ago: six financial years.
    const madeOn = addCalendarDays(today, -(60 + i * 83 + rng.int(0, 20)));
    const age = AGES[i % AGES.length] ?? 40;
    const dateOfBirth = addCalendarDays(addCalendarMonths(madeOn, -12 * age), -rng.int(30, 300));
    const admittedOn = addCalendarDays(madeOn, -rng.int(50, 120));
    const patient = await createPatient(db, {
      trustId: options.trustId,
      teamId: team.teamId,
      allocatedOn: admittedOn,
      nhsNumber: nhsNumber(i),
      localId: `RXX${String(900000 + i * 37).padStart(7, '0')}`,
      givenName,
      familyName: rng.pick(pool.family),
      dateOfBirth,
      sex,
      genderIdentity: i === 7 ? 'Non-binary' : null,
      ethnicCategory: ethnic,
    });
    await assignCareTeam(db, {
      patientId: patient.id,
      careCoordinatorId: team.cc.id,
      responsibleClinicianId: team.rc.id,
      startedOn: admittedOn,
    });
    const legalStatusCode = SECTIONS[i % SECTIONS.length] ?? '03';
    const firstMedicationOn = addCalendarDays(admittedOn, 1);
    const lsp = await createLegalStatusPeriod(db, {
      patientId: patient.id,
      legalStatusCode,
      hospitalId: hospital.id,
      startAt: londonTime(admittedOn, 15, 0),
      applicableDay: legalStatusCode === '03' ? admittedOn : null,
      firstMedicationOn,
      expiryDate: ctoPeriods(admittedOn, 1)[0]?.end ?? null,
    });
    const p: Person = {
      db,
      rng,
      today,
      patientId: patient.id,
      teamId: team.teamId,
      hospitalId: hospital.id,
      rc: team.rc,
      cc: team.cc,
      amhp,
      mha,
      legalStatusPeriodId: lsp.id,
      legalStatusCode,
      firstMedicationOn,
      wellbeing: 35 + rng.int(0, 20),
      ratings,
    };
    const order = await createOrder(db, {
      patientId: p.patientId,
      legalStatusPeriodId: lsp.id,
      legalStatusCode,
      responsibleHospitalId: hospital.id,
      responsibleClinicianId: p.rc.id,
      teamId: p.teamId,
      amhpId: amhp.id,
      proposedAt: londonTime(addCalendarDays(madeOn, -2), 10, 30),
      amhpRespondedAt: londonTime(addCalendarDays(madeOn, -1), 15, 0),
      signedAt: londonTime(madeOn, 14, 0),
      now,
      grounds: rng.pick(CTO_GROUNDS),
      scrutiny: 'VALID',
      mhaAdministratorId: mha.id,
    });
    await assess(p, order, 'MAKING', addCalendarDays(madeOn, -1), order.eventIds.MAKE ?? null);
    rateAround(p, madeOn, 4, 5);
    p.wellbeing += 5;
    // Ratings over the order, every three months or so (the care programme approach review).
    for (let day = addCalendarDays(madeOn, 90); day < today; day = addCalendarDays(day, 95)) {
      rate(p, day, p.wellbeing + rng.int(-4, 4));
      if (day > addCalendarDays(madeOn, 900)) break;
    }
    if (i % 3 === 1) {
      await handOver(db, p, team.relief, addCalendarDays(madeOn, rng.int(110, 200)), mha, now);
    }
    await live(p, order, OUTCOMES[i % OUTCOMES.length] ?? 'dischargedEarly', madeOn);
    // A renewal the rules refused, or a last period already run out: the order lapsed at its
    // expiry (s20A), as the time-passing job would have recorded it. No order stays in force
    // past its expiry.
    if (order.state === 'ACTIVE' && currentExpiry(order) < today) {
      await expireOrder(db, order, { recordedById: mha.id });
    }
  }
  // Ratings of a period that ended on a later decision may repeat a day: keep one a day.
  const seen = new Set<string>();
  await createQualityOfLifeRatings(
    db,
    ratings.filter((r) => {
      const key = `${r.patientId}|${r.ratedOn}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

export async function seedStatistics(
  db: FactoryDb,
  options: { uploadedById: string; now: Date; today: IsoDate },
): Promise<void> {
  const cells = examplePopulation();
  await db.statisticsPopulation.create({
    data: {
      uploadedAt: options.now,
      uploadedById: options.uploadedById,
      source: 'Example district (made-up figures shaped like Census 2021)',
      cells: cells.map((c) => ({ ...c })),
      total: cells.reduce((sum, c) => sum + c.population, 0),
    },
  });
  await seedCohort(db, { ...options, trustId: (await theTrust(db)).id });
}
