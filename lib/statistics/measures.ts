/**
 * The MHA Annual Statistics measures for CTOs, by breakdown (pure). The database query
 * (lib/server/queries/statistics.ts) applies the cohort rules in SQL and hands over counts by
 * ethnicity × gender × age × previous legal status; this file groups them the way NHS England's
 * T3 and rates notebooks do (shared/domain/mha-statistics.md sections 3, 5 and 6) and applies
 * disclosure control.
 *
 * The rules the query follows (and the page says):
 * - the year is 1 April to 31 March;
 * - USES_OF_CTOS counts orders that took effect in the year (the cohort); the count unit is the
 *   order (MHSDS's CTO MHA episode), not the person;
 * - REVOCATIONS, DISCHARGES and RECALLS count orders IN THAT COHORT that were revoked (end reason
 *   02), discharged (01) or recalled at least once, at any time up to now: not the revocations,
 *   discharges or recalls that happened in the year (a quirk of the national method);
 * - PEOPLE_ON_CTO_31_MARCH counts distinct people whose order was in force at the end of
 *   31 March (recalled people included), less those detained in hospital under another section.
 * - DETENTIONS_FOLLOWING_REVOCATION (NHS England's Table 1, category D) counts detentions that
 *   BEGAN in the year because an order was revoked (the legal status period the revocation
 *   restarted), whenever that order took effect: not the cohort. The unit is the detention.
 */
import {
  AGE_BANDS,
  FIVE_ETHNIC_GROUPS,
  GENDER_CODES,
  GENDER_LABELS,
  PREVIOUS_SECTIONS,
  ageBandOf,
  ethnicCodeOf,
  ethnicGroupOf,
  inEthnicityBreakdown,
  inStandardisedNumerator,
  previousSectionOf,
  type GenderCode,
} from './classify';
import { ETHNIC_CATEGORY_CODES } from '@/lib/codes/ethnic-category';
import { disclose, type Disclosure, type PublishedCount } from './disclosure';
import { denominators, standardKey, type PopulationCell, type Sex } from './population';
import { crudeRate, standardisedRate } from './rates';

export const MEASURES = [
  'USES_OF_CTOS',
  'REVOCATIONS',
  'DISCHARGES',
  'RECALLS',
  'PEOPLE_ON_CTO_31_MARCH',
  'DETENTIONS_FOLLOWING_REVOCATION',
] as const;
export type Measure = (typeof MEASURES)[number];

/** The measures of the API contract (issue 11 §3); the others are shown on the page and in CSV. */
export const CONTRACT_MEASURES: readonly Measure[] = MEASURES.filter(
  (m) => m !== 'DETENTIONS_FOLLOWING_REVOCATION',
);

export const MEASURE_LABELS: Record<Measure, string> = {
  USES_OF_CTOS: 'Uses of CTOs',
  REVOCATIONS: 'Revocations of CTO',
  DISCHARGES: 'Discharges from CTO',
  RECALLS: 'CTO recalls to hospital',
  PEOPLE_ON_CTO_31_MARCH: 'People subject to a CTO on 31 March',
  DETENTIONS_FOLLOWING_REVOCATION: 'Detentions following revocation of CTO',
};

export const BREAKDOWNS = [
  'ALL',
  'PREVIOUS_SECTION',
  'ETHNIC_GROUP',
  'ETHNIC_CODE',
  'AGE_BAND',
  'GENDER',
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  ALL: 'All',
  PREVIOUS_SECTION: 'Previous section',
  ETHNIC_GROUP: 'Ethnic group',
  ETHNIC_CODE: 'Ethnic category',
  AGE_BAND: 'Age band',
  GENDER: 'Gender',
};

/** Counts for one combination of characteristics, from the query. */
export interface FactCell {
  measure: Measure;
  ethnicCategory: string | null;
  gender: GenderCode;
  /** Age at the end of the year (AgeRepPeriodEnd), or null when not known. */
  age: number | null;
  /** The legal status the order was made from (its underlying authority). */
  legalStatusCode: string | null;
  count: number;
}

export interface MeasureRow {
  measure: Measure;
  breakdown: Breakdown;
  group: string;
  count: PublishedCount;
  crudeRate: number | null;
  standardisedRate: number | null;
  /** 95% confidence interval of the standardised rate (the page and CSV show it). */
  standardisedLower: number | null;
  standardisedUpper: number | null;
}

interface Tally {
  count: number;
  /** Standardisation numerator by `${sex}|${band}`. */
  cells: Map<string, number>;
}

function tally(map: Map<string, Tally>, group: string): Tally {
  let t = map.get(group);
  if (!t) map.set(group, (t = { count: 0, cells: new Map() }));
  return t;
}

/** Fixed groups of each breakdown, in order ('Unknown' extras appear only when counted). */
function groupsOf(breakdown: Breakdown): string[] {
  switch (breakdown) {
    case 'ALL':
      return ['All'];
    case 'PREVIOUS_SECTION':
      return [...PREVIOUS_SECTIONS];
    case 'ETHNIC_GROUP':
      return [...FIVE_ETHNIC_GROUPS, 'Unknown'];
    case 'ETHNIC_CODE':
      return [...ETHNIC_CATEGORY_CODES];
    case 'AGE_BAND':
      return [...AGE_BANDS];
    case 'GENDER':
      return GENDER_CODES.map((g) => GENDER_LABELS[g]);
  }
}

/** The group of a cell in a breakdown, or null when the breakdown leaves it out. */
function groupOf(breakdown: Breakdown, c: FactCell): string | null {
  switch (breakdown) {
    case 'ALL':
      return 'All';
    case 'PREVIOUS_SECTION':
      return previousSectionOf(c.legalStatusCode);
    case 'ETHNIC_GROUP':
      return inEthnicityBreakdown(c.ethnicCategory, c.age, c.gender)
        ? ethnicGroupOf(c.ethnicCategory)
        : null;
    case 'ETHNIC_CODE':
      return inEthnicityBreakdown(c.ethnicCategory, c.age, c.gender)
        ? ethnicCodeOf(c.ethnicCategory)
        : null;
    case 'AGE_BAND':
      return ageBandOf(c.age) ?? 'Unknown';
    case 'GENDER':
      return GENDER_LABELS[c.gender];
  }
}

export interface ComputeOptions {
  disclosure: Disclosure;
  /** The trust's catchment population; without it every rate is null. */
  population: readonly PopulationCell[] | null;
}

/** Every measure × breakdown × group, in a stable order. */
export function computeMeasures(cells: readonly FactCell[], options: ComputeOptions): MeasureRow[] {
  const d =
    options.population && options.population.length ? denominators(options.population) : null;
  const rows: MeasureRow[] = [];
  for (const measure of MEASURES) {
    const mine = cells.filter((c) => c.measure === measure);
    for (const breakdown of BREAKDOWNS) {
      const tallies = new Map<string, Tally>();
      for (const g of groupsOf(breakdown)) tally(tallies, g);
      for (const c of mine) {
        const group = groupOf(breakdown, c);
        if (group === null) continue;
        const t = tally(tallies, group);
        t.count += c.count;
        const band = ageBandOf(c.age);
        if (
          (breakdown === 'ETHNIC_GROUP' || breakdown === 'ETHNIC_CODE') &&
          band &&
          inStandardisedNumerator(c.ethnicCategory, c.age, c.gender)
        ) {
          const key = standardKey(Number(c.gender) as Sex, band);
          t.cells.set(key, (t.cells.get(key) ?? 0) + c.count);
        }
      }
      for (const [group, t] of tallies) {
        rows.push(row(measure, breakdown, group, t, d, options.disclosure));
      }
    }
  }
  return rows;
}

function populationFor(
  breakdown: Breakdown,
  group: string,
  d: ReturnType<typeof denominators>,
): number | null {
  switch (breakdown) {
    case 'ALL':
      return d.total;
    case 'GENDER':
      return group === 'Male' ? d.bySex[1] : group === 'Female' ? d.bySex[2] : null;
    case 'AGE_BAND':
      return (AGE_BANDS as readonly string[]).includes(group)
        ? d.byAgeBand[group as (typeof AGE_BANDS)[number]]
        : null;
    case 'ETHNIC_GROUP':
      return d.groupTotal.get(group) ?? null;
    case 'ETHNIC_CODE':
      return d.codeTotal.get(group) ?? null;
    case 'PREVIOUS_SECTION':
      return null;
  }
}

function row(
  measure: Measure,
  breakdown: Breakdown,
  group: string,
  t: Tally,
  d: ReturnType<typeof denominators> | null,
  disclosure: Disclosure,
): MeasureRow {
  const count = disclose(t.count, disclosure);
  const base: MeasureRow = {
    measure,
    breakdown,
    group,
    count,
    crudeRate: null,
    standardisedRate: null,
    standardisedLower: null,
    standardisedUpper: null,
  };
  if (!d || count === '*') return base;
  // Published rates are worked from the published count, so that a rate cannot give back the
  // unrounded number (docs/decisions/763-statistics-disclosure-and-rates.md).
  base.crudeRate = crudeRate(count, populationFor(breakdown, group, d));
  if (breakdown === 'ETHNIC_GROUP' || breakdown === 'ETHNIC_CODE') {
    const s = standardisedRate(group, t.cells, d, breakdown === 'ETHNIC_GROUP' ? 'group' : 'code');
    if (s) {
      base.standardisedRate = s.rate;
      base.standardisedLower = s.lower;
      base.standardisedUpper = s.upper;
    }
  }
  return base;
}

/** The API's rows: the contract's measures, exactly the contract's fields. */
export function contractRows(rows: readonly MeasureRow[]) {
  return rows.filter((r) => CONTRACT_MEASURES.includes(r.measure)).map(contractRow);
}

/** The API's row: exactly the contract's fields. */
export function contractRow(r: MeasureRow) {
  return {
    measure: r.measure,
    breakdown: r.breakdown,
    group: r.group,
    count: r.count,
    crudeRate: r.crudeRate,
    standardisedRate: r.standardisedRate,
  };
}
