/**
 * Demonstration data for CTO Tracker: one trust, its hospitals and teams, the sign-in accounts of
 * prisma/demo-accounts.ts, and about sixty fictional patients whose community treatment orders
 * are in every state of their life, with the forms, events, clocks and social context around them.
 *
 *   DATABASE_URL=... npx tsx prisma/seed.ts [--if-empty]
 *
 * Deterministic: dates are relative to "today" (SEED_TODAY=YYYY-MM-DD, or the date in London),
 * and every choice comes from a seeded PRNG, so the same day gives the same data. The live
 * 72-hour recall countdowns are relative to the real time of seeding ("now").
 *
 * Nothing here is real: NHS numbers are in the 999 test range, e-mail addresses use .example,
 * and places, postcodes and telephone numbers are invented (see prisma/seed-data.ts).
 */
import { seedTribunalPaperwork } from './seed/tribunal';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ctoPeriods, renewalWindow } from '@/lib/cto';
import { pgAdapter } from '@/lib/server/pg-adapter';
import {
  PrismaClient,
  type AccommodationStatus,
  type CtoState,
  type DecisionPoint,
  type DecisionSignificance,
  type EmploymentStatus,
  type MaritalStatus,
  type SocialRating,
} from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  isIsoDate,
  londonDateOf,
  londonTime,
  maxIsoDate,
  minIsoDate,
  type IsoDate,
} from '@/lib/server/dates';
import { recomputeAllDeadlines } from '@/lib/server/deadlines/recompute';
import { seedPatientHistory } from './seed/patients';
import {
  addHoursTo,
  assignCareTeam,
  assignResponsibility,
  createContacts,
  createHospital,
  createLegalStatusPeriod,
  createManagersHearing,
  createNearestRelative,
  createOrder,
  createPatient,
  createQualityOfLifeRatings,
  createSocialFactorAssessment,
  createTeam,
  createTribunalCase,
  createTribunalHearing,
  createTrust,
  createUsers,
  currentExpiry,
  currentPeriod,
  dischargeOrder,
  endCertificate,
  expireOrder,
  extendOrder,
  giveCertificate,
  nearestRelativeDischargeOrder,
  nhsNumberForStem,
  recallOrder,
  recordDeath,
  recordRightsInformation,
  releaseFromRecall,
  reviewExtension,
  revokeOrder,
  SOCIAL_DOMAINS,
  startAwol,
  suspendCondition,
  transferDuringRecall,
  varyCondition,
  type ConditionInput,
  type ContactInput,
  type CreatedUser,
  type FactoryDb,
  type OrderHandle,
  type QualityOfLifeInput,
  type SocialRatingInput,
} from '@/tests/factories';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, type DemoTeamCode } from './demo-accounts';
import { seedDashboards } from './seed/dashboards';
import { seedDash } from './seed/dash';
import { seedNotifications } from './seed/notifications';
import { seedStatistics } from './seed/statistics';
import {
  AREAS,
  ASSESSMENT_SUMMARIES,
  ATTEND_CONDITION,
  CARE_ACTIVITIES,
  CONTACT_SUMMARIES,
  CTO_GROUNDS,
  DISCHARGE_REASONS,
  ETHNICITY_MIX,
  EXTENSION_REASONS,
  NAMES,
  NR_GIVEN_NAMES,
  NR_RELATIONSHIPS_BY_AGE,
  OPTIONAL_CONDITIONS,
  RECALL_REASONS,
  RESIDENCE_CONDITION,
  REVOCATION_REASONS,
  SOAD_NAMES,
  SOCIAL_NOTES,
  SUPPORTED_ACCOMMODATION_NAMES,
} from './seed-data';

export const TRUST_NAME = 'Northshire and Southvale Mental Health NHS Foundation Trust';
export const TRUST_ODS_CODE = 'RXX';
const PRNG_SEED = 1983; // the year of the Act

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): the same seed gives the same data. No Math.random.
// ---------------------------------------------------------------------------------------------

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    const last = pairs.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Up to `n` distinct items, in the list's order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, items.length))
      chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface SeedOptions {
  /** The London calendar day the data is relative to. */
  today: IsoDate;
  /** The real time of seeding: live 72-hour recalls are relative to it (same day as `today`). */
  now: Date;
  /** The demo accounts' password. */
  password: string;
  /** Do nothing when the database already has a trust. */
  ifEmpty?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  skipped: boolean;
  patients: number;
  orders: number;
  ordersByState: Record<CtoState, number>;
  deadlines: number;
  users: number;
  milliseconds: number;
}

type TeamCode = 'NORTH' | 'SOUTH' | 'EAST';
type Profile = 'stable' | 'mixed' | 'struggling';
type Staffing = 'demo' | 'other';

type Extra =
  | 'varyCondition'
  | 'suspendCondition'
  | 'cto12Withdrawn'
  | 'noCertificate'
  | 'assignResponsibility'
  | 'managersHearingRequested'
  | { tribunalOpen: { receivedDaysAgo: number; statementSent: boolean; rcReportSent: boolean } };

type Scenario =
  | { kind: 'proposed'; daysAgo: number }
  | { kind: 'agreed' }
  | { kind: 'declined' }
  | { kind: 'awaitingEffect' }
  | { kind: 'newlyMade'; daysAgo: number; rights: 'given' | 'owed' }
  | {
      kind: 'active';
      extensions: number;
      expiryIn: number;
      recallsInPeriods?: number[];
      window?: 'none' | 'examined' | 'amhpAgreed' | 'extendedRecently';
      extras?: Extra[];
    }
  | { kind: 'recallPending' }
  | { kind: 'recalledLive'; hoursAgo: number; transfer: boolean }
  | { kind: 'revoked'; daysAgo: number; extensions: number; detention?: 'renewed' | 'ended' }
  | {
      kind: 'discharged';
      route: 'RESPONSIBLE_CLINICIAN' | 'HOSPITAL_MANAGERS' | 'TRIBUNAL' | 'NEAREST_RELATIVE';
      daysAgo: number;
      extensions: number;
    }
  | { kind: 'nrBarred' }
  | { kind: 'expired'; daysAgo: number; extensions: number; lapsedExtension: boolean }
  | { kind: 'awol' }
  | { kind: 'died'; daysAgo: number; extensions: number };

interface PatientSpec {
  team: TeamCode;
  staffing: Staffing;
  legalStatusCode: '03' | '10' | '16';
  scenario: Scenario;
}

interface World {
  db: FactoryDb;
  rng: Rng;
  today: IsoDate;
  now: Date;
  trustId: string;
  hospitals: { NORTH: string; SOUTH: string; external: string };
  teams: Record<DemoTeamCode, string>;
  users: Record<string, CreatedUser>;
}

interface PatientCtx {
  world: World;
  index: number;
  patientId: string;
  givenName: string;
  sex: 'MALE' | 'FEMALE';
  team: TeamCode;
  teamId: string;
  hospitalId: string;
  cc: CreatedUser;
  rc: CreatedUser;
  amhp: CreatedUser;
  mha: CreatedUser;
  nearestRelativeId: string | null;
  nrObjection: boolean;
  legalStatusPeriodId: string;
  legalStatusCode: string;
  admissionDay: IsoDate;
  firstMedicationOn: IsoDate;
  profile: Profile;
  localAuthority: string;
  /** When the order ended (for contacts); null while live. */
  endedOn: IsoDate | null;
  /** Days in hospital (contacts there are ward visits). */
  wardStays: { from: IsoDate; to: IsoDate | null }[];
  order: OrderHandle | null;
}

// ---------------------------------------------------------------------------------------------
// The cast: sixty patients, orders in every state
// ---------------------------------------------------------------------------------------------

const TRIBUNAL = (
  receivedDaysAgo: number,
  statementSent: boolean,
  rcReportSent: boolean,
): Extra => ({
  tribunalOpen: { receivedDaysAgo, statementSent, rcReportSent },
});

export const PATIENT_SPECS: readonly PatientSpec[] = [
  // Before the order is made.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'proposed', daysAgo: 2 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'proposed', daysAgo: 1 },
  },
  { team: 'SOUTH', staffing: 'demo', legalStatusCode: '10', scenario: { kind: 'agreed' } },
  { team: 'NORTH', staffing: 'other', legalStatusCode: '03', scenario: { kind: 'declined' } },
  { team: 'NORTH', staffing: 'demo', legalStatusCode: '03', scenario: { kind: 'awaitingEffect' } },
  // Newly made.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'newlyMade', daysAgo: 3, rights: 'given' },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'newlyMade', daysAgo: 9, rights: 'owed' },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'newlyMade', daysAgo: 11, rights: 'owed' },
  },
  // In force, mid-period.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 120, extras: ['varyCondition'] },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 100, extras: ['suspendCondition'] },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 140, extras: ['cto12Withdrawn'] },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 210, extras: [TRIBUNAL(12, true, false)] },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '10',
    scenario: { kind: 'active', extensions: 1, expiryIn: 90, extras: [TRIBUNAL(17, false, false)] },
  },
  {
    team: 'SOUTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 260, extras: ['assignResponsibility'] },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 140, extras: ['noCertificate'] },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 95 },
  },
  {
    team: 'NORTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 75, extras: ['managersHearingRequested'] },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '10',
    scenario: { kind: 'active', extensions: 3, expiryIn: 300 },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 110 },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 150 },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 180 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '16',
    scenario: { kind: 'active', extensions: 1, expiryIn: 130 },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 160 },
  },
  {
    team: 'SOUTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 85 },
  },
  // In the extension window: some work done...
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 24, window: 'examined' },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 16, window: 'amhpAgreed' },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 33, window: 'examined' },
  },
  // ... and nothing done yet: the urgent ones.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 5, window: 'none' },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 9, window: 'none' },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '10',
    scenario: { kind: 'active', extensions: 0, expiryIn: 14, window: 'none' },
  },
  // Extended several times (6 + 6 + 12 + 12 months and more).
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 4, expiryIn: 200, recallsInPeriods: [1, 3] },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 3, expiryIn: 120 },
  },
  {
    team: 'NORTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 5, expiryIn: 240 },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 3, expiryIn: 20, window: 'none' },
  },
  // Extended in the last few days: the managers' review is still to come.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 21, window: 'extendedRecently' },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 30, window: 'extendedRecently' },
  },
  // Recall.
  { team: 'SOUTH', staffing: 'demo', legalStatusCode: '03', scenario: { kind: 'recallPending' } },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'recalledLive', hoursAgo: 5, transfer: false },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'recalledLive', hoursAgo: 69, transfer: true },
  },
  // Recalled in the past and released: the order continues.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 110, recallsInPeriods: [1] },
  },
  {
    team: 'SOUTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 170, recallsInPeriods: [0, 2] },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 1, expiryIn: 125, recallsInPeriods: [1] },
  },
  // Revoked.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'revoked', daysAgo: 2, extensions: 1 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'revoked', daysAgo: 12, extensions: 0 },
  },
  {
    team: 'NORTH',
    staffing: 'other',
    legalStatusCode: '10',
    scenario: { kind: 'revoked', daysAgo: 50, extensions: 2 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'revoked', daysAgo: 150, extensions: 1, detention: 'ended' },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'revoked', daysAgo: 270, extensions: 0, detention: 'renewed' },
  },
  // Discharged, by every route.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'RESPONSIBLE_CLINICIAN', daysAgo: 30, extensions: 2 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'RESPONSIBLE_CLINICIAN', daysAgo: 120, extensions: 1 },
  },
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'RESPONSIBLE_CLINICIAN', daysAgo: 400, extensions: 3 },
  },
  {
    team: 'SOUTH',
    staffing: 'other',
    legalStatusCode: '10',
    scenario: { kind: 'discharged', route: 'RESPONSIBLE_CLINICIAN', daysAgo: 700, extensions: 2 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'HOSPITAL_MANAGERS', daysAgo: 45, extensions: 1 },
  },
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'NEAREST_RELATIVE', daysAgo: 60, extensions: 0 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'discharged', route: 'TRIBUNAL', daysAgo: 25, extensions: 0 },
  },
  // Nearest relative's order barred: the order continues.
  { team: 'NORTH', staffing: 'demo', legalStatusCode: '03', scenario: { kind: 'nrBarred' } },
  // Expired without extension.
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'expired', daysAgo: 10, extensions: 1, lapsedExtension: true },
  },
  {
    team: 'NORTH',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'expired', daysAgo: 160, extensions: 0, lapsedExtension: false },
  },
  // Absent without leave after a recall notice.
  { team: 'SOUTH', staffing: 'demo', legalStatusCode: '03', scenario: { kind: 'awol' } },
  // Died.
  {
    team: 'NORTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'died', daysAgo: 40, extensions: 2 },
  },
  // More orders in force (the third team).
  {
    team: 'EAST',
    staffing: 'other',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 0, expiryIn: 170 },
  },
  {
    team: 'SOUTH',
    staffing: 'demo',
    legalStatusCode: '03',
    scenario: { kind: 'active', extensions: 2, expiryIn: 330 },
  },
];

// ---------------------------------------------------------------------------------------------
// Organisation and staff
// ---------------------------------------------------------------------------------------------

const OTHER_STAFF = [
  {
    key: 'okafor',
    name: 'Dr Amara Okafor',
    jobTitle: 'Consultant Psychiatrist',
    roles: ['RESPONSIBLE_CLINICIAN'],
    team: 'NORTH',
  },
  {
    key: 'fairweather',
    name: 'Tom Fairweather',
    jobTitle: 'Community Mental Health Nurse',
    roles: ['CARE_COORDINATOR'],
    team: 'NORTH',
  },
  {
    key: 'menon',
    name: 'Dr Rajesh Menon',
    jobTitle: 'Specialty Doctor (approved clinician)',
    roles: ['RESPONSIBLE_CLINICIAN'],
    team: 'SOUTH',
  },
  {
    key: 'adeyemi',
    name: 'Grace Adeyemi',
    jobTitle: 'Occupational Therapist (care coordinator)',
    roles: ['CARE_COORDINATOR'],
    team: 'SOUTH',
  },
  {
    key: 'marchetti',
    name: 'Dr Helen Marchetti',
    jobTitle: 'Consultant Psychiatrist',
    roles: ['RESPONSIBLE_CLINICIAN'],
    team: 'EAST',
  },
  {
    key: 'boateng',
    name: 'Kwame Boateng',
    jobTitle: 'Community Mental Health Nurse',
    roles: ['CARE_COORDINATOR'],
    team: 'EAST',
  },
  {
    key: 'lindqvist',
    name: 'Sophie Lindqvist',
    jobTitle: 'Social Worker (care coordinator)',
    roles: ['CARE_COORDINATOR'],
    team: 'EAST',
  },
  {
    key: 'brandt',
    name: 'Lucy Brandt',
    jobTitle: 'Approved Mental Health Professional',
    roles: ['AMHP'],
    team: 'AMHP',
  },
] as const;

const DEMO_KEYS: Record<string, string> = {
  'coordinator.north@cto-tracker.example': 'ccNorth',
  'coordinator.south@cto-tracker.example': 'ccSouth',
  'rc.north@cto-tracker.example': 'rcNorth',
  'rc.south@cto-tracker.example': 'rcSouth',
  'amhp@cto-tracker.example': 'amhp',
  'mha.office@cto-tracker.example': 'mha',
  'manager@cto-tracker.example': 'manager',
  'auditor@cto-tracker.example': 'auditor',
  'admin@cto-tracker.example': 'admin',
  'admin2@cto-tracker.example': 'admin2',
};

async function createOrganisation(db: FactoryDb, today: IsoDate, password: string) {
  const trust = await createTrust(db, { odsCode: TRUST_ODS_CODE, name: TRUST_NAME });
  const north = await createHospital(db, {
    trustId: trust.id,
    siteCode: 'RXX01',
    name: 'Northshire Hospital',
    managersName: TRUST_NAME,
    address: 'Beacon Lane, Northbridge NX1 4HQ',
  });
  const south = await createHospital(db, {
    trustId: trust.id,
    siteCode: 'RXX02',
    name: 'Southvale Hospital',
    managersName: TRUST_NAME,
    address: 'Harbour Road, Southvale SX2 7PL',
  });
  const external = await createHospital(db, {
    trustId: trust.id,
    siteCode: 'NXW01',
    name: 'Westmoor Independent Hospital',
    managersName: 'Westmoor Healthcare Ltd',
    underOurManagers: false,
    address: 'Moor Road, Westmoor NX9 2TB',
  });
  const teamRows: {
    code: DemoTeamCode;
    name: string;
    kind: 'COMMUNITY' | 'AMHP_SERVICE' | 'MHA_OFFICE';
  }[] = [
    { code: 'NORTH', name: 'North Community Mental Health Team', kind: 'COMMUNITY' },
    { code: 'SOUTH', name: 'South Community Mental Health Team', kind: 'COMMUNITY' },
    { code: 'EAST', name: 'Early Intervention / Assertive Outreach', kind: 'COMMUNITY' },
    { code: 'AMHP', name: 'AMHP Service', kind: 'AMHP_SERVICE' },
    { code: 'MHAO', name: 'Mental Health Act Office', kind: 'MHA_OFFICE' },
  ];
  const teams = {} as Record<DemoTeamCode, string>;
  for (const t of teamRows) {
    const team = await createTeam(db, {
      trustId: trust.id,
      code: t.code,
      name: t.name,
      kind: t.kind,
    });
    teams[t.code] = team.id;
  }
  const since = addCalendarMonths(today, -60);
  const demo = await createUsers(
    db,
    DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      name: a.name,
      jobTitle: a.jobTitle,
      roles: a.roles,
      teams: a.team ? [teams[a.team]] : [],
      memberSince: since,
      password,
    })),
  );
  const others = await createUsers(
    db,
    OTHER_STAFF.map((s) => ({
      email: `${s.name
        .replace(/^Dr /, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '.')}@cto-tracker.example`,
      name: s.name,
      jobTitle: s.jobTitle,
      roles: s.roles,
      teams: [teams[s.team]],
      memberSince: since,
      // Staff who appear in records but do not sign in to the demonstration.
      password: null,
    })),
  );
  const users: Record<string, CreatedUser> = {};
  for (const u of demo) users[DEMO_KEYS[u.email] ?? u.email] = u;
  OTHER_STAFF.forEach((s, i) => {
    const u = others[i];
    if (u) users[s.key] = u;
  });
  return {
    trustId: trust.id,
    hospitals: { NORTH: north.id, SOUTH: south.id, external: external.id },
    teams,
    users,
  };
}

function user(world: World, key: string): CreatedUser {
  const u = world.users[key];
  if (!u) throw new Error(`No seeded user '${key}'.`);
  return u;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function postcode(rng: Rng, area: string): string {
  const l = () => POSTCODE_LETTERS[rng.int(0, POSTCODE_LETTERS.length - 1)] ?? 'A';
  return `${area}${rng.int(1, 9)} ${rng.int(1, 9)}${l()}${l()}`;
}

function phone(n: number): string {
  return `07700 900${String(n % 1000).padStart(3, '0')}`;
}

/** The order's made-on day such that period `index` ends `expiryIn` days after today. */
function madeOnFor(today: IsoDate, index: number, expiryIn: number): IsoDate {
  const target = addCalendarDays(today, expiryIn);
  const months = index === 0 ? 6 : 12 * index;
  const guess = addCalendarDays(addCalendarMonths(target, -months), 1);
  let best = guess;
  let bestGap = Number.POSITIVE_INFINITY;
  for (let shift = -5; shift <= 5; shift += 1) {
    const candidate = addCalendarDays(guess, shift);
    const end = ctoPeriods(candidate, index + 1)[index]?.end ?? candidate;
    const gap = Math.abs(calendarDaysBetween(end, target));
    if (gap < bestGap) {
      best = candidate;
      bestGap = gap;
    }
  }
  return best;
}

function isPast(world: World, instant: Date): boolean {
  return instant.getTime() <= world.now.getTime();
}

// ---------------------------------------------------------------------------------------------
// Social factors, contacts, quality of life
// ---------------------------------------------------------------------------------------------

const RATING_WEIGHTS: Record<Profile, readonly (readonly [SocialRating, number])[]> = {
  stable: [
    ['STRENGTH', 4],
    ['NO_CONCERN', 5],
    ['SOME_CONCERN', 2],
    ['SERIOUS_CONCERN', 0.3],
  ],
  mixed: [
    ['STRENGTH', 2],
    ['NO_CONCERN', 4],
    ['SOME_CONCERN', 4],
    ['SERIOUS_CONCERN', 1],
  ],
  struggling: [
    ['STRENGTH', 1],
    ['NO_CONCERN', 2],
    ['SOME_CONCERN', 4],
    ['SERIOUS_CONCERN', 3],
  ],
};

function significanceFor(
  rng: Rng,
  rating: SocialRating,
  point: DecisionPoint,
): DecisionSignificance {
  const acute = point === 'RECALL' || point === 'REVOCATION';
  switch (rating) {
    case 'SERIOUS_CONCERN':
      return rng.chance(acute ? 0.8 : 0.6) ? 'MAJOR' : 'MODERATE';
    case 'SOME_CONCERN':
      return rng.weighted([
        ['MODERATE', 3],
        ['MINOR', 3],
        ['NOT_RELEVANT', 1],
      ]);
    case 'STRENGTH':
      return rng.weighted([
        ['MAJOR', point === 'DISCHARGE' ? 3 : 1],
        ['MODERATE', 3],
        ['MINOR', 2],
      ]);
    case 'NO_CONCERN':
      return rng.chance(0.7) ? 'NOT_RELEVANT' : 'MINOR';
    case 'NOT_ASSESSED':
      return 'NOT_RELEVANT';
  }
}

async function socialAssessment(
  p: PatientCtx,
  point: DecisionPoint,
  assessedOn: IsoDate,
  decisionEventId: string | null,
): Promise<void> {
  const { rng } = p.world;
  const profile: Profile =
    point === 'RECALL' || point === 'REVOCATION'
      ? 'struggling'
      : point === 'DISCHARGE'
        ? 'stable'
        : p.profile;
  const ratings: SocialRatingInput[] = SOCIAL_DOMAINS.map((domain) => {
    let rating = rng.weighted(RATING_WEIGHTS[profile]);
    const notes = SOCIAL_NOTES[domain][rating];
    if (!notes || notes.length === 0) rating = 'NO_CONCERN';
    const pool = SOCIAL_NOTES[domain][rating] ?? [];
    return {
      domain,
      rating,
      significance: significanceFor(rng, rating, point),
      notes: pool.length > 0 ? rng.pick(pool) : null,
    };
  });
  await createSocialFactorAssessment(p.world.db, {
    patientId: p.patientId,
    orderId: p.order?.id ?? null,
    decisionPoint: point,
    decisionEventId,
    assessedOn,
    assessedById: point === 'RECALL' || point === 'REVOCATION' ? p.rc.id : p.cc.id,
    summary: rng.pick(ASSESSMENT_SUMMARIES[point] ?? ASSESSMENT_SUMMARIES.REVIEW ?? ['Review.']),
    ratings,
  });
}

function contactsFor(p: PatientCtx): ContactInput[] {
  const { rng, today, now } = p.world;
  const last = p.endedOn ? minIsoDate(today, addCalendarDays(p.endedOn, 30)) : today;
  const first = maxIsoDate(addCalendarDays(last, -110), p.admissionDay);
  const contacts: ContactInput[] = [];
  let day = addCalendarDays(first, rng.int(2, 9));
  let n = 0;
  while (day <= last) {
    const onWard =
      p.wardStays.some((w) => w.from <= day && (w.to === null || day <= w.to)) ||
      (p.order?.effectiveAt ? day < londonDateOf(p.order.effectiveAt) : p.order !== null);
    const byRc = !onWard && n % 4 === 3;
    const mode = onWard
      ? 'WARD_VISIT'
      : byRc
        ? rng.pick(['CLINIC', 'VIDEO'] as const)
        : rng.weighted([
            ['HOME_VISIT', 5],
            ['CLINIC', 2],
            ['COMMUNITY_SETTING', 2],
            ['TELEPHONE', 2],
            ['DID_NOT_ATTEND', p.profile === 'struggling' ? 1.5 : 0.4],
            ['NO_ACCESS', p.profile === 'struggling' ? 1 : 0.2],
          ] as const);
    const occurredAt = londonTime(day, rng.int(9, 16), rng.pick([0, 15, 30, 45]));
    if (occurredAt.getTime() > now.getTime()) break;
    const activity =
      mode !== 'DID_NOT_ATTEND' && mode !== 'NO_ACCESS' && mode !== 'TELEPHONE' && rng.chance(0.3)
        ? rng.pick(Object.keys(CARE_ACTIVITIES) as (keyof typeof CARE_ACTIVITIES)[])
        : null;
    contacts.push({
      patientId: p.patientId,
      staffId: byRc ? p.rc.id : p.cc.id,
      occurredAt,
      mode,
      durationMinutes:
        mode === 'TELEPHONE'
          ? rng.int(5, 20)
          : mode === 'DID_NOT_ATTEND' || mode === 'NO_ACCESS'
            ? null
            : rng.int(25, 70),
      withCarer: rng.chance(0.15),
      summary: rng.pick(CONTACT_SUMMARIES[mode]),
      activities: activity
        ? [
            {
              kind: activity,
              description: rng.pick(CARE_ACTIVITIES[activity]),
              startedOn: day,
              endedOn: rng.chance(0.3)
                ? minIsoDate(addCalendarDays(day, rng.int(14, 60)), today)
                : null,
            },
          ]
        : [],
    });
    n += 1;
    day = addCalendarDays(day, onWard ? rng.int(4, 8) : rng.int(8, 17));
  }
  return contacts;
}

function qualityOfLifeFor(p: PatientCtx): QualityOfLifeInput[] {
  const { rng, today } = p.world;
  const count = rng.int(3, 6);
  const base = p.profile === 'stable' ? 27 : p.profile === 'mixed' ? 21 : 14;
  const out: QualityOfLifeInput[] = [];
  let day = addCalendarDays(p.endedOn ? minIsoDate(p.endedOn, today) : today, -rng.int(3, 30));
  for (let i = 0; i < count; i += 1) {
    // Older ratings a little lower: most people feel better as an order goes on.
    const score = Math.max(0, Math.min(40, base - i * rng.int(0, 2) + rng.int(-3, 3)));
    const items: number[] = Array.from({ length: 10 }, () => 0);
    let left = score;
    for (let k = 0; left > 0 && k < 200; k += 1) {
      const j = rng.int(0, 9);
      if ((items[j] ?? 0) < 4) {
        items[j] = (items[j] ?? 0) + 1;
        left -= 1;
      }
    }
    out.push({
      patientId: p.patientId,
      ratedOn: day,
      instrument: 'ReQoL-10',
      score,
      maxScore: 40,
      selfRated: rng.chance(0.9),
      items,
      recordedById: p.cc.id,
    });
    day = addCalendarDays(day, -rng.int(60, 110));
  }
  return out.reverse();
}

// ---------------------------------------------------------------------------------------------
// The life of an order
// ---------------------------------------------------------------------------------------------

function conditionsFor(rng: Rng, team: TeamCode): ConditionInput[] {
  const optional = rng.sample(
    OPTIONAL_CONDITIONS.filter((c) => team === 'EAST' || c.category !== 'OTHER'),
    rng.int(0, 2),
  );
  return [ATTEND_CONDITION, RESIDENCE_CONDITION, ...optional];
}

async function makeOrder(
  p: PatientCtx,
  input: {
    madeOn: IsoDate;
    stage?: 'PROPOSED' | 'AGREED' | 'DECLINED' | 'MADE';
    effectiveAt?: Date;
    rights?: 'given' | 'owed' | 'none';
    certificate?: boolean;
  },
): Promise<OrderHandle> {
  const { world } = p;
  const { db, rng, today } = world;
  const stage = input.stage ?? 'MADE';
  const proposedAt = londonTime(addCalendarDays(input.madeOn, -2), 10, 30);
  const respondedAt = londonTime(addCalendarDays(input.madeOn, -1), 15, 0);
  const signedAt = londonTime(input.madeOn, 14, 0);
  const recent = calendarDaysBetween(input.madeOn, today) <= 3;
  const order = await createOrder(db, {
    patientId: p.patientId,
    legalStatusPeriodId: p.legalStatusPeriodId,
    legalStatusCode: p.legalStatusCode,
    responsibleHospitalId: p.hospitalId,
    responsibleClinicianId: p.rc.id,
    teamId: p.teamId,
    amhpId: p.amhp.id,
    requestedById: p.rc.id,
    proposedAt,
    stage,
    amhpRespondedAt: respondedAt,
    signedAt,
    ...(input.effectiveAt ? { effectiveAt: input.effectiveAt } : {}),
    now: world.now,
    discretionaryConditions: conditionsFor(rng, p.team),
    grounds: rng.pick(CTO_GROUNDS),
    necessaryFor: rng.chance(0.4)
      ? ['health', 'safety', 'protection of others']
      : ['health', 'safety'],
    localAuthority: p.localAuthority,
    declineReasons:
      'Discussed with the patient and family: I do not agree that recall is necessary. Engagement on long leave has been good and the patient agrees to stay in treatment informally.',
    scrutiny: recent ? 'PENDING' : 'VALID',
    mhaAdministratorId: p.mha.id,
  });
  p.order = order;
  await socialAssessment(p, 'MAKING', addCalendarDays(input.madeOn, -1), null);
  if (stage !== 'MADE') return order;

  const rightsAt = londonTime(addCalendarDays(input.madeOn, 2), 11, 0);
  const rights = input.rights ?? 'given';
  if (rights === 'given' && isPast(world, rightsAt)) {
    await recordRightsInformation(
      db,
      {
        patientId: p.patientId,
        orderId: order.id,
        trigger: 'MAKING',
        triggerEventId: order.eventIds.MAKE ?? null,
        dueOn: addCalendarDays(input.madeOn, 7),
        givenAt: rightsAt,
        understanding: rng.weighted([
          ['UNDERSTOOD', 6],
          ['PARTLY_UNDERSTOOD', 3],
          ['DECLINED', 0.5],
        ]),
        nearestRelativeInformedAt:
          p.nrObjection || !p.nearestRelativeId ? null : addHoursTo(rightsAt, 26),
        patientObjectsToNearestRelativeInformed: p.nrObjection,
        givenById: p.cc.id,
        notes: 'Leaflet given: "Community treatment orders: your rights".',
      },
      order,
    );
  } else if (rights === 'owed') {
    await recordRightsInformation(db, {
      patientId: p.patientId,
      orderId: order.id,
      trigger: 'MAKING',
      triggerEventId: order.eventIds.MAKE ?? null,
      dueOn: addCalendarDays(input.madeOn, 7),
      givenAt: null,
      notes: 'To be given at the next visit.',
    });
  }
  const certificateOn = addCalendarDays(input.madeOn, rng.int(18, 26));
  if ((input.certificate ?? true) && certificateOn < today) {
    const consenting = rng.chance(0.55);
    await giveCertificate(db, order, {
      type: consenting ? 'CTO12' : 'CTO11',
      givenOn: certificateOn,
      certifierName: consenting ? p.rc.name : rng.pick(SOAD_NAMES),
      certifierId: consenting ? p.rc.id : null,
      consultees: consenting ? null : `${p.cc.name} (care coordinator); community pharmacist`,
      recordedById: p.mha.id,
    });
  }
  return order;
}

/** A recall in the past that ended in release (the order continues). */
async function pastRecall(p: PatientCtx, order: OrderHandle, day: IsoDate): Promise<void> {
  const { db, rng } = p.world;
  const hospitalId = p.hospitalId;
  const served = londonTime(day, 9, 30);
  const began = londonTime(day, 12, rng.pick([5, 20, 40]));
  const recall = await recallOrder(db, order, {
    hospitalId,
    reasons: rng.pick(RECALL_REASONS),
    noticeSignedAt: addHoursTo(served, -0.5),
    servedOrPostedAt: served,
    detentionBeganAt: began,
    mhaAdministratorId: p.mha.id,
  });
  await socialAssessment(p, 'RECALL', day, recall.detentionEventId);
  await recordRightsInformation(
    db,
    {
      patientId: p.patientId,
      orderId: order.id,
      trigger: 'RECALL',
      triggerEventId: recall.detentionEventId,
      dueOn: addCalendarDays(day, 7),
      givenAt: addHoursTo(began, 4),
      givenById: p.rc.id,
    },
    order,
  );
  // Released on a later day, in working hours, well inside the 72 hours.
  await releaseFromRecall(db, order, recall, {
    at: londonTime(addCalendarDays(day, rng.int(1, 2)), rng.int(10, 15), rng.pick([0, 30])),
    reasons: 'Settled after restarting medication; agreed to continue treatment in the community.',
  });
}

/** Completes the extension of the current period: examined in the window, CTO7 furnished. */
async function completeExtension(
  p: PatientCtx,
  order: OrderHandle,
  options: { examinedOn?: IsoDate; review?: boolean } = {},
): Promise<void> {
  const { db, rng, today } = p.world;
  const expiry = currentExpiry(order);
  const window = renewalWindow(expiry);
  const earliest = maxIsoDate(window.opens, addCalendarDays(londonDateOf(order.lastEventAt), 1));
  const examinedOn =
    options.examinedOn ??
    minIsoDate(addCalendarDays(earliest, rng.int(5, 22)), addCalendarDays(expiry, -12));
  const ext = await extendOrder(db, order, {
    examinedOn,
    amhpId: rng.chance(0.8) ? p.amhp.id : user(p.world, 'brandt').id,
    consultedOn: addCalendarDays(examinedOn, 1),
    consulteeName: p.cc.name,
    consulteeRole: 'Care coordinator',
    amhpAgreedAt: londonTime(addCalendarDays(examinedOn, 3), 14, 0),
    furnishedAt: londonTime(addCalendarDays(examinedOn, 3), 16, 30),
    managersReceivedAt: londonTime(addCalendarDays(examinedOn, 4), 9, 15),
    reasons: rng.pick(EXTENSION_REASONS),
    localAuthority: p.localAuthority,
    mhaAdministratorId: p.mha.id,
    scrutiny: calendarDaysBetween(examinedOn, today) <= 6 ? 'PENDING' : 'VALID',
  });
  await socialAssessment(p, 'EXTENSION', examinedOn, ext.furnishEventId);
  const rightsOn = addCalendarDays(examinedOn, 6);
  if (rightsOn < today) {
    await recordRightsInformation(
      db,
      {
        patientId: p.patientId,
        orderId: order.id,
        trigger: 'EXTENSION',
        triggerEventId: ext.furnishEventId,
        dueOn: addCalendarDays(examinedOn, 10),
        givenAt: londonTime(rightsOn, 11, 30),
        givenById: p.cc.id,
      },
      order,
    );
  }
  if (options.review ?? true) {
    const reviewedOn = minIsoDate(addCalendarDays(examinedOn, rng.int(12, 24)), expiry);
    if (reviewedOn < today) await reviewExtension(db, order, ext, { reviewedOn });
  }
}

/**
 * Lives the order forward until `until`: historical recalls in the periods asked for, and a
 * completed extension for every period that ends before `until`.
 */
async function liveUntil(
  p: PatientCtx,
  order: OrderHandle,
  until: IsoDate,
  recallsInPeriods: readonly number[] = [],
  tribunalInPeriods: readonly number[] = [],
): Promise<void> {
  for (;;) {
    const period = currentPeriod(order);
    if (tribunalInPeriods.includes(period.index)) {
      await tribunalAfterExtension(p, order, until);
    }
    if (recallsInPeriods.includes(period.index)) {
      const day = addCalendarDays(period.start, 45 + p.world.rng.int(0, 20));
      if (day < until && day < p.world.today && day > londonDateOf(order.lastEventAt)) {
        await pastRecall(p, order, day);
      }
    }
    if (period.end >= until) return;
    await completeExtension(p, order);
  }
}

async function tribunalApplicationDuringDetention(p: PatientCtx): Promise<void> {
  const { db, rng, today } = p.world;
  // s66(1)(b): a s3 patient may apply within six months of admission. A tribunal considered
  // (and did not discharge) the case, so no first managers' reference is needed (s68(3)).
  // Heard before the order was made (admission is at least 45 days before it).
  const madeOn = addCalendarDays(p.admissionDay, rng.int(7, 12));
  const heldOn = addCalendarDays(madeOn, rng.int(21, 28));
  if (heldOn >= today) return;
  const caseId = await createTribunalCase(db, {
    patientId: p.patientId,
    kind: 'APPLICATION',
    applicant: 'PATIENT',
    basis: p.legalStatusCode === '03' ? 's66(1)(b)' : 's69(2)(a)',
    madeOn,
    receivedOn: addCalendarDays(madeOn, 1),
    nursingReportRequired: true,
    statementSentAt: londonTime(addCalendarDays(madeOn, 15), 12),
    rcReportSentAt: londonTime(addCalendarDays(madeOn, 18), 12),
    socialCircumstancesSentAt: londonTime(addCalendarDays(madeOn, 19), 12),
    nursingReportSentAt: londonTime(addCalendarDays(madeOn, 19), 15),
    status: 'DECIDED',
  });
  await createTribunalHearing(db, {
    caseId,
    scheduledAt: londonTime(heldOn, 10, 0),
    heldOn,
    outcome: 'NOT_DISCHARGED',
    notes: 'The tribunal was satisfied that the criteria for detention were met.',
  });
}

/**
 * A patient's application early in an extension period (s66(1)(fza)), heard and not discharged:
 * keeps the s68(6) clock in date. Heard within about five weeks of the period starting, before
 * any recall the scenario places later in the period.
 */
async function tribunalAfterExtension(
  p: PatientCtx,
  order: OrderHandle,
  until: IsoDate,
): Promise<void> {
  const { db, rng, today } = p.world;
  const period = currentPeriod(order);
  const madeOn = addCalendarDays(period.start, rng.int(5, 12));
  const heldOn = addCalendarDays(madeOn, rng.int(26, 30));
  if (heldOn >= today || heldOn >= until) return;
  if (londonDateOf(order.lastEventAt) >= addCalendarDays(madeOn, 2)) return;
  const caseId = await createTribunalCase(
    db,
    {
      patientId: p.patientId,
      kind: 'APPLICATION',
      applicant: 'PATIENT',
      basis: 's66(1)(fza)',
      madeOn,
      receivedOn: addCalendarDays(madeOn, 2),
      statementSentAt: londonTime(addCalendarDays(madeOn, 14), 12),
      rcReportSentAt: londonTime(addCalendarDays(madeOn, 18), 12),
      socialCircumstancesSentAt: londonTime(addCalendarDays(madeOn, 18), 15),
      status: 'DECIDED',
    },
    order,
  );
  await createTribunalHearing(
    db,
    {
      caseId,
      scheduledAt: londonTime(heldOn, 10, 0),
      heldOn,
      outcome: 'NOT_DISCHARGED',
      notes: 'The tribunal did not discharge the community treatment order.',
    },
    order,
  );
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

async function runScenario(p: PatientCtx, s: Scenario): Promise<void> {
  const { world } = p;
  const { db, rng, today, now } = world;
  const d = (n: number) => addCalendarDays(today, n);

  switch (s.kind) {
    case 'proposed':
    case 'agreed':
    case 'declined': {
      p.wardStays.push({ from: p.admissionDay, to: null });
      // The demonstration AMHP has the requests waiting for a decision.
      if (s.kind === 'proposed') p.amhp = user(world, 'amhp');
      const madeOn = s.kind === 'proposed' ? d(2 - s.daysAgo) : s.kind === 'agreed' ? d(0) : d(-12);
      const order = await makeOrder(p, {
        madeOn,
        stage: s.kind === 'proposed' ? 'PROPOSED' : s.kind === 'agreed' ? 'AGREED' : 'DECLINED',
      });
      if (s.kind === 'declined') p.endedOn = londonDateOf(order.lastEventAt);
      return;
    }
    case 'awaitingEffect': {
      // Signed yesterday afternoon, effective the day after tomorrow at 9am (leave ends then).
      await makeOrder(p, { madeOn: d(-1), effectiveAt: londonTime(d(2), 9, 0), rights: 'none' });
      return;
    }
    case 'newlyMade': {
      await makeOrder(p, { madeOn: d(-s.daysAgo), rights: s.rights });
      return;
    }
    case 'active': {
      const window = s.window ?? 'none';
      const extensionsBefore = window === 'extendedRecently' ? s.extensions : s.extensions;
      const madeOn = madeOnFor(today, extensionsBefore, s.expiryIn);
      const order = await makeOrder(p, {
        madeOn,
        certificate: !(s.extras ?? []).includes('noCertificate'),
      });
      await liveUntil(
        p,
        order,
        d(1),
        s.recallsInPeriods ?? [],
        s.extensions >= 2 ? [s.extensions - 1] : [],
      );
      const expiry = currentExpiry(order);
      const inWindow = d(0) >= renewalWindow(expiry).opens;
      if (inWindow && window === 'examined') {
        await extendOrder(db, order, {
          examinedOn: maxIsoDate(renewalWindow(expiry).opens, d(-rng.int(2, 6))),
          amhpId: p.amhp.id,
          stopAt: 'EXAMINED',
        });
      } else if (inWindow && window === 'amhpAgreed') {
        const examinedOn = maxIsoDate(renewalWindow(expiry).opens, d(-8));
        await extendOrder(db, order, {
          examinedOn,
          consultedOn: addCalendarDays(examinedOn, 1),
          consulteeName: p.cc.name,
          amhpAgreedAt: londonTime(d(-2), 15, 0),
          amhpId: p.amhp.id,
          stopAt: 'AMHP_AGREED',
        });
      } else if (inWindow && window === 'extendedRecently') {
        await completeExtension(p, order, {
          examinedOn: maxIsoDate(renewalWindow(expiry).opens, d(-9)),
          review: false,
        });
        await createManagersHearing(db, {
          patientId: p.patientId,
          orderId: order.id,
          reason: 'EXTENSION_REVIEW',
          scheduledAt: londonTime(d(rng.int(5, 12)), 14, 0),
          panel: 'Helen Castellano (chair) and two associate hospital managers',
          panelMembers: ['Helen Castellano (chair)', 'Robert Adeyemi', 'Susan Whitfield'],
          notes: 'Review of the extension (Code of Practice 38.14).',
        });
      }
      for (const extra of s.extras ?? []) await applyExtra(p, order, extra);
      return;
    }
    case 'recallPending': {
      const order = await makeOrder(p, { madeOn: madeOnFor(today, 1, 95) });
      await liveUntil(p, order, d(1));
      const served = addHoursTo(now, -3);
      await recallOrder(db, order, {
        hospitalId: p.hospitalId,
        reasons: rng.pick(RECALL_REASONS),
        noticeSignedAt: addHoursTo(served, -1),
        servedOrPostedAt: served,
        mhaAdministratorId: p.mha.id,
      });
      return;
    }
    case 'recalledLive': {
      const order = await makeOrder(p, {
        madeOn: madeOnFor(today, s.transfer ? 2 : 0, s.transfer ? 150 : 70),
      });
      await liveUntil(p, order, d(-4));
      const began = addHoursTo(now, -s.hoursAgo);
      const served = addHoursTo(began, -2.5);
      const recall = await recallOrder(db, order, {
        hospitalId: p.hospitalId,
        reasons: rng.pick(RECALL_REASONS),
        noticeSignedAt: addHoursTo(served, -1),
        servedOrPostedAt: served,
        detentionBeganAt: began,
        mhaAdministratorId: p.mha.id,
      });
      p.wardStays.push({ from: londonDateOf(began), to: null });
      await socialAssessment(p, 'RECALL', londonDateOf(began), recall.detentionEventId);
      if (s.transfer) {
        // No bed at Southvale's ward: transferred to a PICU under other managers (CTO6).
        await transferDuringRecall(db, order, recall, {
          toHospitalId: world.hospitals.external,
          at: addHoursTo(began, 27),
          recordedById: p.mha.id,
        });
        await recordRightsInformation(
          db,
          {
            patientId: p.patientId,
            orderId: order.id,
            trigger: 'RECALL',
            triggerEventId: recall.detentionEventId,
            dueOn: addCalendarDays(londonDateOf(began), 7),
            givenAt: addHoursTo(began, 30),
            givenById: p.rc.id,
          },
          order,
        );
        // The RC is considering revocation: the AMHP has been asked.
        await db.amhpAgreement.create({
          data: {
            orderId: order.id,
            purpose: 'REVOCATION',
            requestedAt: addHoursTo(now, -3),
            requestedById: p.rc.id,
            amhpId: user(world, 'amhp').id,
            decision: 'PENDING',
            recallId: recall.id,
          },
        });
      }
      return;
    }
    case 'revoked': {
      const revokedOn = d(-s.daysAgo);
      const order = await makeOrder(p, {
        madeOn: madeOnFor(addCalendarDays(revokedOn, 0), s.extensions, 60),
      });
      await liveUntil(p, order, addCalendarDays(revokedOn, -2));
      const recallDay = addCalendarDays(revokedOn, -1);
      const served = londonTime(recallDay, 10, 0);
      const began = londonTime(recallDay, 13, 30);
      const recall = await recallOrder(db, order, {
        hospitalId: p.hospitalId,
        reasons: rng.pick(RECALL_REASONS),
        noticeSignedAt: addHoursTo(served, -1),
        servedOrPostedAt: served,
        detentionBeganAt: began,
        mhaAdministratorId: p.mha.id,
      });
      await socialAssessment(p, 'RECALL', recallDay, recall.detentionEventId);
      const revokedAt = londonTime(revokedOn, 15, 45);
      const detentionEndedAt =
        s.detention === 'ended' ? londonTime(addCalendarDays(revokedOn, 70), 11, 0) : null;
      const revocation = await revokeOrder(db, order, recall, {
        amhpId: p.amhp.id,
        amhpAgreedAt: londonTime(revokedOn, 12, 30),
        revokedAt,
        rcReasons: rng.pick(REVOCATION_REASONS),
        detentionPeriods: s.detention === 'renewed' ? 2 : 1,
        detentionEndedAt,
        detentionEndReason: 'Discharged from section 3 by the responsible clinician',
        firstMedicationOn: p.firstMedicationOn,
        localAuthority: p.localAuthority,
        mhaAdministratorId: p.mha.id,
      });
      p.endedOn = revokedOn;
      p.wardStays.push({
        from: recallDay,
        to: detentionEndedAt ? londonDateOf(detentionEndedAt) : null,
      });
      await socialAssessment(p, 'REVOCATION', revokedOn, revocation.revokeEventId);
      if (s.daysAgo > 3) {
        // s68(7): the managers referred the case the next day.
        const referredOn = addCalendarDays(revokedOn, 1);
        const recent = s.daysAgo < 25;
        const caseId = await createTribunalCase(
          db,
          {
            patientId: p.patientId,
            kind: 'REFERENCE',
            applicant: 'HOSPITAL_MANAGERS',
            basis: 's68(7)',
            madeOn: referredOn,
            nursingReportRequired: true,
            statementSentAt: londonTime(addCalendarDays(referredOn, recent ? 2 : 15), 12),
            rcReportSentAt: recent ? null : londonTime(addCalendarDays(referredOn, 19), 12),
            socialCircumstancesSentAt: recent
              ? null
              : londonTime(addCalendarDays(referredOn, 20), 12),
            nursingReportSentAt: recent ? null : londonTime(addCalendarDays(referredOn, 20), 15),
            status: recent ? 'OPEN' : 'DECIDED',
          },
          order,
        );
        await recordRightsInformation(
          db,
          {
            patientId: p.patientId,
            orderId: order.id,
            trigger: 'REVOCATION',
            triggerEventId: revocation.revokeEventId,
            dueOn: addCalendarDays(revokedOn, 7),
            givenAt: londonTime(addCalendarDays(revokedOn, 1), 10, 0),
            givenById: p.rc.id,
          },
          order,
        );
        if (!recent) {
          const heldOn = addCalendarDays(referredOn, 35);
          await createTribunalHearing(
            db,
            {
              caseId,
              scheduledAt: londonTime(heldOn, 10, 0),
              heldOn,
              outcome: 'NOT_DISCHARGED',
            },
            order,
          );
        }
      }
      return;
    }
    case 'discharged': {
      const on = d(-s.daysAgo);
      const order = await makeOrder(p, { madeOn: madeOnFor(on, s.extensions, 75) });
      await liveUntil(
        p,
        order,
        addCalendarDays(on, 1),
        [],
        s.extensions >= 2 ? [s.extensions - 1] : [],
      );
      p.endedOn = on;
      if (s.route === 'NEAREST_RELATIVE') {
        if (!p.nearestRelativeId) throw new Error('This scenario needs a nearest relative.');
        await nearestRelativeDischargeOrder(db, order, {
          nearestRelativeId: p.nearestRelativeId,
          receivedAt: londonTime(addCalendarDays(on, -3), 10, 20),
          receivedById: p.mha.id,
          outcome: 'DISCHARGED',
        });
        await socialAssessment(p, 'DISCHARGE', on, null);
        return;
      }
      await socialAssessment(p, 'DISCHARGE', addCalendarDays(on, -1), null);
      await dischargeOrder(db, order, {
        route: s.route,
        at: londonTime(on, s.route === 'TRIBUNAL' ? 15 : 12, 0),
        reasons: rng.pick(DISCHARGE_REASONS),
        panel: 'Helen Castellano (chair) and two associate hospital managers',
        ...(s.route === 'TRIBUNAL'
          ? {
              tribunal: {
                applicant: 'PATIENT',
                basis: order.periods.length > 1 ? 's66(1)(fza)' : 's66(1)(ca)',
                receivedOn: addCalendarDays(on, -45),
                documentsDueOn: addCalendarDays(on, -24),
                reference: `MP/${today.slice(0, 4)}/0${rng.int(1000, 9999)}`,
              },
            }
          : {}),
      });
      return;
    }
    case 'nrBarred': {
      const order = await makeOrder(p, { madeOn: madeOnFor(today, 1, 115) });
      await liveUntil(p, order, d(1));
      if (!p.nearestRelativeId) throw new Error('This scenario needs a nearest relative.');
      const receivedAt = londonTime(d(-20), 11, 10);
      await nearestRelativeDischargeOrder(db, order, {
        nearestRelativeId: p.nearestRelativeId,
        receivedAt,
        receivedById: p.mha.id,
        outcome: 'BARRED',
        barringReportAt: londonTime(d(-18), 15, 30),
        barringReasons:
          'Without the order treatment would very likely stop; the last relapse involved serious threats to a neighbour. If discharged the patient would be likely to act in a manner dangerous to others.',
      });
      await createManagersHearing(db, {
        patientId: p.patientId,
        orderId: order.id,
        reason: 'BARRING_REPORT',
        scheduledAt: londonTime(d(6), 10, 30),
        panel: 'Helen Castellano (chair) and two associate hospital managers',
        panelMembers: ['Helen Castellano (chair)', 'Robert Adeyemi', 'Susan Whitfield'],
        notes: 'Review after the barring report (Code of Practice 38.20).',
      });
      return;
    }
    case 'expired': {
      const expiry = d(-s.daysAgo - 1);
      const order = await makeOrder(p, {
        madeOn: madeOnFor(addCalendarDays(today, -s.daysAgo - 1), s.extensions, 0),
      });
      // Every earlier period was extended; the one ending on `expiry` was not.
      await liveUntil(p, order, expiry);
      if (s.lapsedExtension) {
        // Examined late in the window; the AMHP could not be found in time.
        await extendOrder(db, order, {
          examinedOn: addCalendarDays(currentExpiry(order), -3),
          amhpId: p.amhp.id,
          stopAt: 'EXAMINED',
        });
      }
      await expireOrder(db, order, { recordedById: p.mha.id });
      p.endedOn = currentExpiry(order);
      return;
    }
    case 'awol': {
      const order = await makeOrder(p, { madeOn: madeOnFor(today, 0, 100) });
      await liveUntil(p, order, d(1));
      const served = londonTime(d(-2), 10, 15);
      const recall = await recallOrder(db, order, {
        hospitalId: p.hospitalId,
        reasons: rng.pick(RECALL_REASONS),
        noticeSignedAt: addHoursTo(served, -1),
        servedOrPostedAt: served,
        mhaAdministratorId: p.mha.id,
      });
      await startAwol(db, order, {
        recallId: recall.id,
        startedAt: londonTime(d(-2), 17, 0),
        notes:
          'Did not arrive at Southvale Hospital by 5pm as the notice required. Police informed (s18).',
        recordedById: p.mha.id,
      });
      return;
    }
    case 'died': {
      const on = d(-s.daysAgo);
      const order = await makeOrder(p, { madeOn: madeOnFor(on, s.extensions, 90) });
      await liveUntil(p, order, addCalendarDays(on, 1));
      await recordDeath(db, order, {
        diedOn: on,
        recordedById: p.mha.id,
        notes: 'Died in hospital after a cardiac arrest. Reported to the CQC.',
      });
      p.endedOn = on;
      return;
    }
  }
}

async function applyExtra(p: PatientCtx, order: OrderHandle, extra: Extra): Promise<void> {
  const { db, rng, today } = p.world;
  const d = (n: number) => addCalendarDays(today, n);
  if (typeof extra === 'object') {
    const received = d(-extra.tribunalOpen.receivedDaysAgo);
    await createTribunalCase(
      db,
      {
        patientId: p.patientId,
        kind: 'APPLICATION',
        applicant: 'PATIENT',
        basis: order.periods.length > 1 ? 's66(1)(fza)' : 's66(1)(ca)',
        madeOn: addCalendarDays(received, -1),
        receivedOn: received,
        statementSentAt: extra.tribunalOpen.statementSent ? londonTime(d(-2), 12, 0) : null,
        rcReportSentAt: extra.tribunalOpen.rcReportSent ? londonTime(d(-1), 12, 0) : null,
        tribunalReference: `MP/${today.slice(0, 4)}/0${rng.int(1000, 9999)}`,
      },
      order,
    );
    return;
  }
  switch (extra) {
    case 'varyCondition': {
      const target = order.conditions.find(
        (c) => c.category === 'ATTEND_APPOINTMENTS' && c.status === 'ACTIVE',
      );
      if (target) {
        await varyCondition(db, order, {
          conditionId: target.id,
          wording:
            'To attend appointments with the care coordinator at least monthly, and with the responsible clinician when asked.',
          at: londonTime(d(-21), 12, 0),
          reason: 'Engagement is good: appointments reduced from fortnightly to monthly.',
        });
      }
      return;
    }
    case 'suspendCondition': {
      const target = order.conditions.find(
        (c) => c.category === 'RESIDENCE' && c.status === 'ACTIVE',
      );
      if (target) {
        await suspendCondition(db, order, {
          conditionId: target.id,
          at: londonTime(d(-9), 16, 0),
          reason: 'Staying with a sister for two weeks while the flat is repaired after a leak.',
        });
      }
      return;
    }
    case 'cto12Withdrawn': {
      const cert = await db.treatmentCertificate.findFirst({
        where: { orderId: order.id, status: 'ACTIVE' },
        select: { id: true, type: true },
      });
      let id = cert?.id;
      if (!cert || cert.type !== 'CTO12') {
        if (cert)
          await endCertificate(db, order, cert.id, { endedOn: d(-40), reason: 'SUPERSEDED' });
        id = await giveCertificate(db, order, {
          type: 'CTO12',
          givenOn: d(-39),
          certifierName: p.rc.name,
          certifierId: p.rc.id,
          recordedById: p.mha.id,
        });
      }
      if (id) {
        await endCertificate(db, order, id, {
          endedOn: d(-5),
          reason: 'CONSENT_WITHDRAWN',
          notes:
            'Told the care coordinator that they no longer agree to the depot. A second opinion (CTO11) has been requested.',
          recordedById: p.mha.id,
        });
      }
      return;
    }
    case 'assignResponsibility': {
      await assignResponsibility(db, order, {
        toHospitalId: p.world.hospitals.external,
        at: londonTime(d(-30), 11, 0),
        recordedById: p.mha.id,
      });
      return;
    }
    case 'managersHearingRequested': {
      await createManagersHearing(db, {
        patientId: p.patientId,
        orderId: order.id,
        reason: 'PATIENT_REQUEST',
        scheduledAt: londonTime(d(15), 14, 0),
        panel: 'Three associate hospital managers',
        panelMembers: ['Helen Castellano (chair)', 'Robert Adeyemi', 'Susan Whitfield'],
        notes: 'The patient asked the hospital managers to discharge the order.',
      });
      return;
    }
    case 'noCertificate':
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Patients
// ---------------------------------------------------------------------------------------------

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[19, 24], 4],
  [[25, 34], 13],
  [[35, 49], 25],
  [[50, 64], 13],
  [[65, 76], 5],
];

async function createSeedPatient(
  world: World,
  index: number,
  spec: PatientSpec,
): Promise<PatientCtx> {
  const { db, rng, today } = world;
  const ethnic = ETHNICITY_MIX[index % ETHNICITY_MIX.length] ?? 'A';
  const pool = rng.pick(NAMES[ethnic] ?? NAMES.A ?? []);
  const sex = rng.chance(0.63) ? 'MALE' : 'FEMALE';
  const givenName = rng.pick(sex === 'MALE' ? pool.male : pool.female);
  const familyName = rng.pick(pool.family);
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const age = rng.int(minAge, maxAge);
  const dateOfBirth = addCalendarDays(addCalendarMonths(today, -12 * age), -rng.int(1, 360));
  const language =
    pool.languages && rng.chance(0.6)
      ? rng.pick(pool.languages)
      : { language: 'English', interpreter: false };
  const area = AREAS[spec.team];
  const accommodation: AccommodationStatus = rng.weighted([
    ['SETTLED_TENANT', 40],
    ['LIVING_WITH_FAMILY_OR_FRIENDS', 22],
    ['SUPPORTED_ACCOMMODATION', 20],
    ['TEMPORARY_OR_HOSTEL', 6],
    ['OWNER_OCCUPIER', 5],
    [age > 64 ? 'CARE_HOME' : 'SETTLED_TENANT', 3],
    ['ROUGH_SLEEPING', 1],
  ]);
  const employment: EmploymentStatus =
    age >= 66
      ? 'RETIRED'
      : rng.weighted([
          ['LONG_TERM_SICK_OR_DISABLED', 45],
          ['UNEMPLOYED_SEEKING_WORK', 20],
          ['NOT_SEEKING_WORK', 12],
          ['EMPLOYED', 10],
          ['STUDENT', age < 30 ? 6 : 1],
          ['UNPAID_VOLUNTARY_WORK', 4],
          ['HOMEMAKER_OR_CARER', 3],
        ]);
  const marital: MaritalStatus = rng.weighted([
    ['SINGLE', age < 30 ? 90 : 60],
    ['DIVORCED_OR_DISSOLVED', 12],
    ['MARRIED_OR_CIVIL_PARTNERSHIP', 10],
    ['SEPARATED', 8],
    ['WIDOWED', age > 60 ? 8 : 1],
    ['NOT_DISCLOSED', 2],
  ]);
  const street =
    accommodation === 'SUPPORTED_ACCOMMODATION' || accommodation === 'TEMPORARY_OR_HOSTEL'
      ? rng.pick(SUPPORTED_ACCOMMODATION_NAMES)
      : `${rng.int(2, 140)} ${rng.pick(area.streets)}`;
  const teamId = world.teams[spec.team];
  const hospitalId = spec.team === 'SOUTH' ? world.hospitals.SOUTH : world.hospitals.NORTH;
  const patient = await createPatient(db, {
    trustId: world.trustId,
    teamId,
    allocatedOn: addCalendarMonths(today, -rng.int(8, 60)),
    nhsNumber: nhsNumberFor(index),
    localId: `RXX${String(400000 + index * 173).padStart(7, '0')}`,
    givenName,
    familyName,
    preferredName: rng.chance(0.1) ? givenName.slice(0, 3) : null,
    dateOfBirth,
    sex,
    ethnicCategory: ethnic,
    maritalStatus: marital,
    employmentStatus: employment,
    accommodationStatus: accommodation,
    firstLanguage: language.language,
    interpreterNeeded: language.interpreter,
    interpreterLanguage: language.interpreter ? language.language : null,
    addressLine1: accommodation === 'ROUGH_SLEEPING' ? null : street,
    town: accommodation === 'ROUGH_SLEEPING' ? null : rng.pick(area.towns),
    postcode: accommodation === 'ROUGH_SLEEPING' ? null : postcode(rng, area.postcodeArea),
    phone: rng.chance(0.85) ? phone(index) : null,
  });

  const demo = spec.staffing === 'demo';
  const cc =
    spec.team === 'EAST'
      ? user(world, index % 2 === 0 ? 'boateng' : 'lindqvist')
      : user(
          world,
          demo
            ? spec.team === 'NORTH'
              ? 'ccNorth'
              : 'ccSouth'
            : spec.team === 'NORTH'
              ? 'fairweather'
              : 'adeyemi',
        );
  const rc =
    spec.team === 'EAST'
      ? user(world, 'marchetti')
      : user(
          world,
          demo
            ? spec.team === 'NORTH'
              ? 'rcNorth'
              : 'rcSouth'
            : spec.team === 'NORTH'
              ? 'okafor'
              : 'menon',
        );

  // The underlying detention (MHS401): the CTO is made from it.
  const admissionAt = londonTime(
    addCalendarDays(today, -rng.int(400, 2000)),
    rng.int(10, 20),
    rng.pick([0, 30]),
  );
  await assignCareTeam(db, {
    patientId: patient.id,
    careCoordinatorId: cc.id,
    responsibleClinicianId: rc.id,
    startedOn: addCalendarMonths(today, -rng.int(6, 30)),
  });

  // Nearest relative (s26): most patients have one; a few object to them being consulted.
  const ageGroup = age < 30 ? 'young' : age < 55 ? 'middle' : 'older';
  const relationship = rng.pick(NR_RELATIONSHIPS_BY_AGE[ageGroup]);
  const nrFemale = ['Mother', 'Sister', 'Wife', 'Aunt', 'Daughter'].includes(relationship)
    ? true
    : ['Father', 'Brother', 'Husband', 'Son'].includes(relationship)
      ? false
      : rng.chance(0.5);
  const needsNr = spec.scenario.kind === 'discharged' || spec.scenario.kind === 'nrBarred';
  let nearestRelativeId: string | null = null;
  const nrObjection = !needsNr && rng.chance(0.08);
  if (needsNr || rng.chance(0.92)) {
    const nr = await createNearestRelative(db, {
      patientId: patient.id,
      name: `${rng.pick(nrFemale ? NR_GIVEN_NAMES.female : NR_GIVEN_NAMES.male)} ${['Wife', 'Husband', 'Partner'].includes(relationship) && rng.chance(0.3) ? rng.pick(pool.family) : familyName}`,
      relationship,
      address: `${rng.int(2, 140)} ${rng.pick(area.streets)}, ${rng.pick(area.towns)} ${postcode(rng, area.postcodeArea)}`,
      phone: phone(500 + index),
      startedOn: londonDateOf(admissionAt),
      patientObjectsToBeingConsulted: nrObjection,
      identifiedAt: addHoursTo(admissionAt, 20),
      recordedById: user(world, 'amhp').id,
    });
    nearestRelativeId = nr.id;
  }
  const profile: Profile = rng.weighted([
    ['stable', 4],
    ['mixed', 4],
    ['struggling', 2],
  ]);
  return {
    world,
    index,
    patientId: patient.id,
    givenName,
    sex,
    team: spec.team,
    teamId,
    hospitalId,
    cc,
    rc,
    amhp: rng.chance(0.75) ? user(world, 'amhp') : user(world, 'brandt'),
    mha: user(world, 'mha'),
    nearestRelativeId,
    nrObjection,
    legalStatusPeriodId: '',
    legalStatusCode: spec.legalStatusCode,
    admissionDay: londonDateOf(admissionAt),
    firstMedicationOn: londonDateOf(admissionAt),
    profile,
    localAuthority: spec.team === 'SOUTH' ? 'Southvale City Council' : 'Northshire County Council',
    endedOn: null,
    wardStays: [],
    order: null,
  };
}

/** The index-th NHS number: 999 + a spread-out stem that passes Modulus 11. */
function nhsNumberFor(index: number): string {
  for (let stem = (index * 7919 + 104_729) % 1_000_000; ; stem = (stem + 1) % 1_000_000) {
    const n = nhsNumberForStem(stem);
    if (n) return n;
  }
}

/** The s3/s37/s47 period before the order: admitted a few weeks to months before it was made. */
async function createUnderlyingDetention(p: PatientCtx, madeOn: IsoDate): Promise<void> {
  const { db, rng } = p.world;
  const admittedOn = addCalendarDays(madeOn, -rng.int(45, 130));
  const startAt = londonTime(admittedOn, rng.int(11, 21), rng.pick([0, 15, 30, 45]));
  const firstMedicationOn = addCalendarDays(admittedOn, rng.int(0, 3));
  const lsp = await createLegalStatusPeriod(db, {
    patientId: p.patientId,
    legalStatusCode: p.legalStatusCode,
    hospitalId: p.hospitalId,
    startAt,
    // s68(5): only an application for admission (s3) has an applicable day.
    applicableDay: p.legalStatusCode === '03' ? admittedOn : null,
    firstMedicationOn,
    // The s20 expiry is suspended while on the order (s17D(4)); the first period's end for the record.
    expiryDate: ctoPeriods(admittedOn, 1)[0]?.end ?? null,
  });
  p.legalStatusPeriodId = lsp.id;
  p.admissionDay = admittedOn;
  p.firstMedicationOn = firstMedicationOn;
}

/** The day the scenario's order is made (to place the admission before it). */
function plannedMadeOn(today: IsoDate, s: Scenario): IsoDate {
  const d = (n: number) => addCalendarDays(today, n);
  switch (s.kind) {
    case 'proposed':
      return d(2 - s.daysAgo);
    case 'agreed':
      return d(0);
    case 'declined':
      return d(-12);
    case 'awaitingEffect':
      return d(-1);
    case 'newlyMade':
      return d(-s.daysAgo);
    case 'active':
      return madeOnFor(today, s.extensions, s.expiryIn);
    case 'recallPending':
      return madeOnFor(today, 1, 95);
    case 'recalledLive':
      return madeOnFor(today, s.transfer ? 2 : 0, s.transfer ? 150 : 70);
    case 'revoked':
      return madeOnFor(d(-s.daysAgo), s.extensions, 60);
    case 'discharged':
      return madeOnFor(d(-s.daysAgo), s.extensions, 75);
    case 'nrBarred':
      return madeOnFor(today, 1, 115);
    case 'expired':
      return madeOnFor(d(-s.daysAgo - 1), s.extensions, 0);
    case 'awol':
      return madeOnFor(today, 0, 100);
    case 'died':
      return madeOnFor(d(-s.daysAgo), s.extensions, 90);
  }
}

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

function emptyCounts(): Record<CtoState, number> {
  return {
    PROPOSED: 0,
    AGREED: 0,
    DECLINED: 0,
    AWAITING_EFFECT: 0,
    ACTIVE: 0,
    RECALL_PENDING: 0,
    RECALLED: 0,
    AWOL: 0,
    REVOKED: 0,
    DISCHARGED: 0,
    EXPIRED: 0,
    DIED: 0,
  };
}

async function seedInto(
  db: FactoryDb,
  options: SeedOptions,
): Promise<Omit<SeedResult, 'milliseconds'>> {
  const { today, now } = options;
  const log = options.log ?? (() => undefined);
  const rng = new Rng(PRNG_SEED);
  const org = await createOrganisation(db, today, options.password);
  const world: World = { db, rng, today, now, ...org };
  log(`Organisation: ${TRUST_NAME}, 3 hospitals, 5 teams, ${Object.keys(org.users).length} staff.`);

  const contacts: ContactInput[] = [];
  const ratings: QualityOfLifeInput[] = [];
  for (const [index, spec] of PATIENT_SPECS.entries()) {
    const p = await createSeedPatient(world, index, spec);
    await createUnderlyingDetention(p, plannedMadeOn(today, spec.scenario));
    if (
      p.legalStatusCode === '03' &&
      addCalendarMonths(p.admissionDay, 6) <= today &&
      spec.scenario.kind !== 'proposed' &&
      spec.scenario.kind !== 'agreed'
    ) {
      await tribunalApplicationDuringDetention(p);
    }
    await runScenario(p, spec.scenario);
    contacts.push(...contactsFor(p));
    ratings.push(...qualityOfLifeFor(p));
  }
  await createContacts(db, contacts);
  await createQualityOfLifeRatings(db, ratings);
  await seedTribunalPaperwork(db, { today, now }); // issue 9: tribunal paperwork demo
  await seedPatientHistory(db, today, now); // issue 10: care-team history (prisma/seed/patients.ts)
  await seedDashboards(db, {
    today,
    now,
    trustId: org.trustId,
    teams: org.teams,
    hospitals: org.hospitals,
    users: org.users,
  }); // issue 8
  await seedDash(db, { today, now, ...org }); // issue 8: bands left empty (prisma/seed/dash.ts)
  await seedStatistics(db, { uploadedById: user(world, 'mha').id, now, today }); // issue 11
  log(
    `Patients: ${PATIENT_SPECS.length}; contacts: ${contacts.length}; quality-of-life ratings: ${ratings.length}.`,
  );

  const deadlines = await recomputeAllDeadlines(db, today, now);
  await seedNotifications(db, { now });
  const grouped = await db.communityTreatmentOrder.groupBy({
    by: ['state'],
    _count: { _all: true },
  });
  const ordersByState = emptyCounts();
  for (const g of grouped) ordersByState[g.state] = g._count._all;
  const orders = grouped.reduce((sum, g) => sum + g._count._all, 0);
  return {
    skipped: false,
    patients: PATIENT_SPECS.length,
    orders,
    ordersByState,
    deadlines,
    users: Object.keys(org.users).length,
  };
}

function hasTransactions(db: Db | Tx): db is Db {
  return '$transaction' in db && typeof db.$transaction === 'function';
}

/**
 * Seeds the demonstration data in one transaction (all or nothing). With `ifEmpty`, does nothing
 * when a trust already exists; without it, refuses a database that already has data.
 */
export async function seed(db: Db | Tx, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  if (!isIsoDate(options.today))
    throw new Error(`today must be YYYY-MM-DD (got '${options.today}').`);
  const log = options.log ?? (() => undefined);
  const existing = await db.trust.count();
  if (existing > 0) {
    if (options.ifEmpty) {
      log('The database already has data (a trust exists): nothing seeded.');
      return {
        skipped: true,
        patients: 0,
        orders: 0,
        ordersByState: emptyCounts(),
        deadlines: 0,
        users: 0,
        milliseconds: Date.now() - started,
      };
    }
    throw new Error(
      'The database already has data (a trust exists). Seed an empty database, or pass --if-empty to skip.',
    );
  }
  const result = hasTransactions(db)
    ? await db.$transaction((tx) => seedInto(tx, options), { timeout: 600_000, maxWait: 60_000 })
    : await seedInto(db, options);
  return { ...result, milliseconds: Date.now() - started };
}

export { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD };

// ---------------------------------------------------------------------------------------------
// Command line: tsx prisma/seed.ts [--if-empty]
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error('Set DATABASE_URL (npm run db:seed does it for the embedded database).');
    process.exitCode = 1;
    return;
  }
  const realNow = new Date();
  const realToday = londonDateOf(realNow);
  const today = process.env.SEED_TODAY ?? realToday;
  if (!isIsoDate(today)) {
    console.error(`SEED_TODAY must be a date as YYYY-MM-DD (got '${today}').`);
    process.exitCode = 1;
    return;
  }
  // A SEED_TODAY other than the real date gets a fixed "now" (midday) so runs repeat exactly.
  const now = today === realToday ? realNow : londonTime(today, 12, 0);
  const password = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
  const db = new PrismaClient({ adapter: pgAdapter(connectionString) });
  try {
    const result = await seed(db, {
      today,
      now,
      password,
      ifEmpty: process.argv.includes('--if-empty'),
      log: (line) => console.log(line),
    });
    if (result.skipped) return;
    console.log(
      `Seeded ${result.orders} orders for ${result.patients} patients (today = ${today}) in ${(result.milliseconds / 1000).toFixed(1)} s.`,
    );
    console.log('Orders by state:');
    for (const [state, count] of Object.entries(result.ordersByState)) {
      console.log(`  ${state.padEnd(16)} ${count}`);
    }
    console.log(`Open deadlines: ${result.deadlines}.`);
    console.log(
      `Sign in with any of these (password: ${process.env.DEMO_PASSWORD ? 'DEMO_PASSWORD' : DEFAULT_DEMO_PASSWORD}):`,
    );
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(40)} ${a.name}, ${a.jobTitle}`);
  } catch (error) {
    console.error('Seeding failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) await main();
