/**
 * How NHS England's Mental Health Act Annual Statistics classify a CTO (pure): the reporting
 * year, the age band, the derived gender, the previous section and the ethnic grouping.
 * Source: shared/domain/mha-statistics.md (NHSDigital/mental-health-act-annual-statistics
 * @44a5ccd4), sections 0, 1, 3 and 5. No database, no clock.
 */
import { ETHNIC_CATEGORIES, ethnicGroupOf, type EthnicGroup } from '@/lib/codes/ethnic-category';

// ---------------------------------------------------------------------------
// The reporting year: 1 April to 31 March (Master.py, rp_startdate_12m .. rp_enddate).
// ---------------------------------------------------------------------------

export interface StatisticsYear {
  /** As NHS England writes it: '2025/26'. */
  label: string;
  /** As the URL carries it: '2025-26'. */
  slug: string;
  /** 1 April, 'YYYY-MM-DD'. */
  start: string;
  /** 31 March, 'YYYY-MM-DD'. */
  end: string;
}

export const YEAR_FORMAT_MESSAGE =
  "Give the year as the financial year it starts and ends in, for example '2025-26' (1 April 2025 to 31 March 2026).";

/** '2025-26' (or '2025/26') → the year 1 April 2025 to 31 March 2026; anything else → null. */
export function parseStatisticsYear(value: string | null | undefined): StatisticsYear | null {
  const match = /^(\d{4})[-/](\d{2})$/.exec(value ?? '');
  if (!match) return null;
  const first = Number(match[1]);
  if (first < 1983 || first > 2999) return null;
  if (Number(match[2]) !== (first + 1) % 100) return null;
  return yearStarting(first);
}

export function yearStarting(first: number): StatisticsYear {
  const second = String((first + 1) % 100).padStart(2, '0');
  return {
    label: `${first}/${second}`,
    slug: `${first}-${second}`,
    start: `${first}-04-01`,
    end: `${first + 1}-03-31`,
  };
}

/** The statistics year a date falls in. */
export function yearOf(date: string): StatisticsYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return yearStarting(month >= 4 ? year : year - 1);
}

/** The current statistics year on `today` and the one before it, newest first. */
export function currentAndPreviousYear(today: string): [StatisticsYear, StatisticsYear] {
  const current = yearOf(today);
  return [current, yearStarting(Number(current.start.slice(0, 4)) - 1)];
}

// ---------------------------------------------------------------------------
// Age at the end of the reporting period (AgeRepPeriodEnd) and the six bands of T3.
// ---------------------------------------------------------------------------

export const AGE_BANDS = [
  '15 and under',
  '16 to 17',
  '18 to 34',
  '35 to 49',
  '50 to 64',
  '65 and over',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Completed years between a date of birth and a date (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOf(age: number | null): AgeBand | null {
  if (age === null || !Number.isFinite(age) || age < 0) return null;
  if (age <= 15) return '15 and under';
  if (age <= 17) return '16 to 17';
  if (age <= 34) return '18 to 34';
  if (age <= 49) return '35 to 49';
  if (age <= 64) return '50 to 64';
  return '65 and over';
}

// ---------------------------------------------------------------------------
// Der_Gender: GenderIDCode 1-4 first, then Gender 1, 2 or 9, otherwise Unknown.
// ---------------------------------------------------------------------------

export const GENDER_CODES = ['1', '2', '3', '4', '9', 'Unknown'] as const;
export type GenderCode = (typeof GENDER_CODES)[number];

export const GENDER_LABELS: Record<GenderCode, string> = {
  '1': 'Male',
  '2': 'Female',
  '3': 'Non-binary',
  '4': 'Other (not listed)',
  '9': 'Indeterminate',
  Unknown: 'Unknown',
};

const GENDER_IDENTITY_WORDS: Record<string, GenderCode> = {
  '1': '1',
  male: '1',
  man: '1',
  '2': '2',
  female: '2',
  woman: '2',
  '3': '3',
  'non-binary': '3',
  nonbinary: '3',
  '4': '4',
  other: '4',
  'other (not listed)': '4',
};

/**
 * The pipeline's Der_Gender from what the app holds: the gender identity if it names one of
 * the MHSDS GenderIDCode values 1-4 (as a code or its word), otherwise the sex (MALE 1,
 * FEMALE 2, INDETERMINATE 9), otherwise Unknown.
 */
export function derivedGender(sex: string | null, genderIdentity: string | null): GenderCode {
  const identity = genderIdentity?.trim().toLowerCase();
  if (identity && GENDER_IDENTITY_WORDS[identity]) return GENDER_IDENTITY_WORDS[identity];
  if (sex === 'MALE') return '1';
  if (sex === 'FEMALE') return '2';
  if (sex === 'INDETERMINATE') return '9';
  return 'Unknown';
}

// ---------------------------------------------------------------------------
// Previous section (T3 MeasureSubcategory), from the legal status the CTO is linked to.
// ---------------------------------------------------------------------------

export const PREVIOUS_SECTIONS = [
  'Section 3 to CTO',
  'Section 37 to CTO',
  'Section 47 to CTO',
  'Section 48 to CTO',
  'Informal to CTO',
  'Other sections to CTO',
] as const;
export type PreviousSection = (typeof PREVIOUS_SECTIONS)[number];

export function previousSectionOf(legalStatusCode: string | null): PreviousSection {
  switch (legalStatusCode) {
    case '03':
      return 'Section 3 to CTO';
    case '09':
    case '10':
      return 'Section 37 to CTO';
    case '15':
    case '16':
      return 'Section 47 to CTO';
    case '17':
    case '18':
      return 'Section 48 to CTO';
    case null:
    case '01':
    case '98':
      return 'Informal to CTO';
    default:
      return 'Other sections to CTO';
  }
}

// ---------------------------------------------------------------------------
// Ethnicity (section 5): the five groups plus Unknown, and the code level.
// ---------------------------------------------------------------------------

export const FIVE_ETHNIC_GROUPS = [
  'White',
  'Mixed',
  'Asian or Asian British',
  'Black or Black British',
  'Other Ethnic Groups',
] as const satisfies readonly EthnicGroup[];

/** The sixteen codes that have a population (A to S), in order. */
export const STANDARDISED_CODES = ETHNIC_CATEGORIES.filter((c) => c.group !== 'Unknown').map(
  (c) => c.code,
) as readonly string[];

/** Code-level group: the code itself when it is a valid code, otherwise 'Unknown'. */
export function ethnicCodeOf(code: string | null): string {
  return code && ETHNIC_CATEGORIES.some((c) => c.code === code) ? code : 'Unknown';
}

export { ethnicGroupOf };

/**
 * T3's filter for the ethnicity breakdowns: ethnicity present (not null, not '-1'), age
 * known, and Der_Gender male or female. People of another or unknown gender drop out.
 */
export function inEthnicityBreakdown(
  ethnicCategory: string | null,
  age: number | null,
  gender: GenderCode,
): boolean {
  return (
    ethnicCategory !== null &&
    ethnicCategory !== '' &&
    ethnicCategory !== '-1' &&
    age !== null &&
    (gender === '1' || gender === '2')
  );
}

/** The standardisation's numerator filter: as above, and Z and 99 excluded too. */
export function inStandardisedNumerator(
  ethnicCategory: string | null,
  age: number | null,
  gender: GenderCode,
): boolean {
  return (
    inEthnicityBreakdown(ethnicCategory, age, gender) &&
    ethnicCategory !== 'Z' &&
    ethnicCategory !== '99'
  );
}
