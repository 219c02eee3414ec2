/**
 * Outcomes beyond readmission and the research question (pure): issue 11 part 1, after Stroud
 * and colleagues (shared/domain/cto-law.md section 7). The query adds up the facts in SQL; these
 * functions turn the sums into the figures the outcomes page shows, with disclosure control on
 * the counts that leave the MHA office.
 */
import { disclose, type Disclosure, type PublishedCount } from './disclosure';

export const DECISIONS = ['MAKING', 'EXTENSION', 'RECALL', 'REVOCATION', 'DISCHARGE'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
  MAKING: 'Making',
  EXTENSION: 'Extension',
  RECALL: 'Recall',
  REVOCATION: 'Revocation',
  DISCHARGE: 'Discharge',
};

/** A rating as a number for averaging movement: higher is worse. NOT_ASSESSED has none. */
export const RATING_SCORE: Record<string, number | null> = {
  STRENGTH: 0,
  NO_CONCERN: 1,
  SOME_CONCERN: 2,
  SERIOUS_CONCERN: 3,
  NOT_ASSESSED: null,
};

export interface SocialSum {
  decision: Decision;
  domain: string;
  /** Ratings given (NOT_ASSESSED left out). */
  rated: number;
  /** Rated SOME_CONCERN or SERIOUS_CONCERN. */
  concern: number;
  moderate: number;
  major: number;
  /** Pairs with an assessment in the 6 months before, and the sum of (now − before) scores. */
  movementPairs: number;
  movementSum: number;
}

export interface SocialRow {
  decision: Decision;
  domain: string;
  rated: PublishedCount;
  concernPercent: number | null;
  /** Share judged of moderate or major significance in the decision. */
  significantPercent: number | null;
  majorPercent: number | null;
  /** Mean movement in the months before (positive = worse), or null with no pairs. */
  meanMovement: number | null;
  movementPairs: PublishedCount;
}

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

export function socialRows(sums: readonly SocialSum[], disclosure: Disclosure): SocialRow[] {
  return sums.map((s) => {
    const hidden = disclosure === 'published' && s.rated < 5;
    return {
      decision: s.decision,
      domain: s.domain,
      rated: disclose(s.rated, disclosure),
      concernPercent: hidden ? null : percent(s.concern, s.rated),
      significantPercent: hidden ? null : percent(s.moderate + s.major, s.rated),
      majorPercent: hidden ? null : percent(s.major, s.rated),
      meanMovement:
        s.movementPairs > 0 && !(disclosure === 'published' && s.movementPairs < 5)
          ? round2(s.movementSum / s.movementPairs)
          : null,
      movementPairs: disclose(s.movementPairs, disclosure),
    };
  });
}

export interface QualitySum {
  decision: Decision;
  decisions: number;
  /** Decisions with a rating in the 90 days before / after, and the sums of those (as % of maximum). */
  before: number;
  beforeSum: number;
  after: number;
  afterSum: number;
  /** Decisions with both, and the sum of (after − before). */
  pairs: number;
  changeSum: number;
}

export interface QualityRow {
  decision: Decision;
  decisions: PublishedCount;
  meanBefore: number | null;
  meanAfter: number | null;
  pairs: PublishedCount;
  meanChange: number | null;
}

function mean(sum: number, n: number, disclosure: Disclosure): number | null {
  if (n <= 0 || (disclosure === 'published' && n < 5)) return null;
  return Math.round((sum / n) * 10) / 10;
}

export function qualityRows(sums: readonly QualitySum[], disclosure: Disclosure): QualityRow[] {
  return sums.map((s) => ({
    decision: s.decision,
    decisions: disclose(s.decisions, disclosure),
    meanBefore: mean(s.beforeSum, s.before, disclosure),
    meanAfter: mean(s.afterSum, s.after, disclosure),
    pairs: disclose(s.pairs, disclosure),
    meanChange: mean(s.changeSum, s.pairs, disclosure),
  }));
}

/** Mean quality of life (% of the scale's maximum) by phase of the order. */
export interface PhaseSum {
  phase: string;
  ratings: number;
  sum: number;
}

export function phaseRows(sums: readonly PhaseSum[], disclosure: Disclosure) {
  return sums.map((s) => ({
    phase: s.phase,
    ratings: disclose(s.ratings, disclosure),
    mean: mean(s.sum, s.ratings, disclosure),
  }));
}

/** The order-level sums behind the outcomes summary, for the year. */
export interface OutcomeSums {
  /** Orders in force at some time in the year, and the people they belong to. */
  orders: number;
  people: number;
  /** Days on a CTO within the year, and of those, days recalled to hospital. */
  daysOnCto: number;
  daysRecalled: number;
  /** Recalls that began in the year; orders revoked in the year; orders discharged in the year. */
  recalls: number;
  revocations: number;
  discharges: number;
  /** Orders that ended in the year: count and total days from taking effect to ending. */
  ended: number;
  endedDays: number;
  medianDaysOnCto: number | null;
  /** Orders whose first period ended in the year: renewed, or ended at or before it by ... */
  firstExpiry: {
    renewed: number;
    discharged: number;
    revoked: number;
    expired: number;
    other: number;
  };
  /** Care coordinator changes in the year (a new care coordinator after an earlier one). */
  careCoordinatorChanges: number;
}

export const DAYS_PER_YEAR = 365.25;

/** Per patient-year on a CTO, to 2 decimal places; null with no time on a CTO. */
export function perPatientYear(events: number, daysOnCto: number): number | null {
  if (daysOnCto <= 0) return null;
  return round2(events / (daysOnCto / DAYS_PER_YEAR));
}

/**
 * Care coordinator continuity: changes of care coordinator per patient-year on a CTO. A change
 * is an assignment that began while an earlier one of the same patient existed (the first care
 * coordinator is not a change). Counted from the dated StaffAssignment rows (kind
 * CARE_COORDINATOR) that exist today.
 */
export function careCoordinatorContinuity(changes: number, daysOnCto: number): number | null {
  return perPatientYear(changes, daysOnCto);
}

export interface OutcomeSummaryRow {
  key: string;
  label: string;
  value: PublishedCount | number | null;
  unit: string;
}

export function outcomeSummary(s: OutcomeSums, disclosure: Disclosure): OutcomeSummaryRow[] {
  const small = (n: number) => disclosure === 'published' && n < 5;
  const rate = (events: number) => (small(events) ? null : perPatientYear(events, s.daysOnCto));
  const firstTotal =
    s.firstExpiry.renewed +
    s.firstExpiry.discharged +
    s.firstExpiry.revoked +
    s.firstExpiry.expired +
    s.firstExpiry.other;
  return [
    {
      key: 'orders',
      label: 'Orders in force during the year',
      value: disclose(s.orders, disclosure),
      unit: 'orders',
    },
    {
      key: 'people',
      label: 'People on those orders',
      value: disclose(s.people, disclosure),
      unit: 'people',
    },
    {
      key: 'patient_years',
      label: 'Time on a CTO in the year',
      value: Math.round((s.daysOnCto / DAYS_PER_YEAR) * 10) / 10,
      unit: 'patient-years',
    },
    {
      key: 'days_in_community_percent',
      label: 'Days in the community (not recalled)',
      value: percent(s.daysOnCto - s.daysRecalled, s.daysOnCto),
      unit: '% of days on a CTO',
    },
    {
      key: 'days_recalled',
      label: 'Days recalled to hospital',
      value: s.daysRecalled,
      unit: 'days',
    },
    {
      key: 'recalls',
      label: 'Recalls that began in the year',
      value: disclose(s.recalls, disclosure),
      unit: 'recalls',
    },
    {
      key: 'recalls_per_patient_year',
      label: 'Recalls per patient-year',
      value: rate(s.recalls),
      unit: 'per patient-year',
    },
    {
      key: 'revocations',
      label: 'Orders revoked in the year',
      value: disclose(s.revocations, disclosure),
      unit: 'orders',
    },
    {
      key: 'revocations_per_patient_year',
      label: 'Revocations per patient-year',
      value: rate(s.revocations),
      unit: 'per patient-year',
    },
    {
      key: 'discharges',
      label: 'Orders discharged in the year',
      value: disclose(s.discharges, disclosure),
      unit: 'orders',
    },
    {
      key: 'mean_days_on_cto',
      label: 'Time on a CTO, orders that ended in the year (mean)',
      value: s.ended > 0 && !small(s.ended) ? Math.round(s.endedDays / s.ended) : null,
      unit: 'days',
    },
    {
      key: 'median_days_on_cto',
      label: 'Time on a CTO, orders that ended in the year (median)',
      value: small(s.ended) ? null : s.medianDaysOnCto,
      unit: 'days',
    },
    {
      key: 'first_expiry_renewed_percent',
      label: 'First period ended in the year: renewed',
      value: small(firstTotal) ? null : percent(s.firstExpiry.renewed, firstTotal),
      unit: '% of orders',
    },
    {
      key: 'first_expiry_discharged_percent',
      label: 'First period ended in the year: discharged at or before the first expiry',
      value: small(firstTotal) ? null : percent(s.firstExpiry.discharged, firstTotal),
      unit: '% of orders',
    },
    {
      key: 'first_expiry_revoked_percent',
      label: 'First period ended in the year: revoked at or before the first expiry',
      value: small(firstTotal) ? null : percent(s.firstExpiry.revoked, firstTotal),
      unit: '% of orders',
    },
    {
      key: 'first_expiry_expired_percent',
      label: 'First period ended in the year: expired or ended otherwise',
      value: small(firstTotal)
        ? null
        : percent(s.firstExpiry.expired + s.firstExpiry.other, firstTotal),
      unit: '% of orders',
    },
    {
      key: 'care_coordinator_changes_per_patient_year',
      label: 'Care coordinator changes per patient-year',
      value: small(s.careCoordinatorChanges)
        ? null
        : careCoordinatorContinuity(s.careCoordinatorChanges, s.daysOnCto),
      unit: 'per patient-year',
    },
  ];
}
