/**
 * NHS Data Dictionary ETHNIC CATEGORY (England), as used by MHSDS `MHS001MPI.EthnicCategory`.
 * Source: shared/domain/codes.md section 1 (UK Core CodeSystem UKCore-EthnicCategoryEngland,
 * NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN@129b268e). The letters I, O and Q are not used.
 * The statistics group is NHS England's grouping in the MHA annual statistics.
 */

export const ETHNIC_GROUPS = [
  'White',
  'Mixed',
  'Asian or Asian British',
  'Black or Black British',
  'Other Ethnic Groups',
  'Unknown',
] as const;

export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

export interface EthnicCategory {
  readonly code: string;
  /** UK Core / MHSDS v5 display, 'Group - Subgroup'. */
  readonly label: string;
  /** The short label (MHSDS v4 style), for tight spaces. */
  readonly shortLabel: string;
  readonly group: EthnicGroup;
}

export const ETHNIC_CATEGORIES = [
  { code: 'A', label: 'White - British', shortLabel: 'British', group: 'White' },
  { code: 'B', label: 'White - Irish', shortLabel: 'Irish', group: 'White' },
  {
    code: 'C',
    label: 'White - Any other White background',
    shortLabel: 'Any other White background',
    group: 'White',
  },
  {
    code: 'D',
    label: 'Mixed - White and Black Caribbean',
    shortLabel: 'White and Black Caribbean',
    group: 'Mixed',
  },
  {
    code: 'E',
    label: 'Mixed - White and Black African',
    shortLabel: 'White and Black African',
    group: 'Mixed',
  },
  { code: 'F', label: 'Mixed - White and Asian', shortLabel: 'White and Asian', group: 'Mixed' },
  {
    code: 'G',
    label: 'Mixed - Any other mixed background',
    shortLabel: 'Any other mixed background',
    group: 'Mixed',
  },
  {
    code: 'H',
    label: 'Asian or Asian British - Indian',
    shortLabel: 'Indian',
    group: 'Asian or Asian British',
  },
  {
    code: 'J',
    label: 'Asian or Asian British - Pakistani',
    shortLabel: 'Pakistani',
    group: 'Asian or Asian British',
  },
  {
    code: 'K',
    label: 'Asian or Asian British - Bangladeshi',
    shortLabel: 'Bangladeshi',
    group: 'Asian or Asian British',
  },
  {
    code: 'L',
    label: 'Asian or Asian British - Any other Asian background',
    shortLabel: 'Any other Asian background',
    group: 'Asian or Asian British',
  },
  {
    code: 'M',
    label: 'Black or Black British - Caribbean',
    shortLabel: 'Caribbean',
    group: 'Black or Black British',
  },
  {
    code: 'N',
    label: 'Black or Black British - African',
    shortLabel: 'African',
    group: 'Black or Black British',
  },
  {
    code: 'P',
    label: 'Black or Black British - Any other Black background',
    shortLabel: 'Any other Black background',
    group: 'Black or Black British',
  },
  {
    code: 'R',
    label: 'Other Ethnic Groups - Chinese',
    shortLabel: 'Chinese',
    group: 'Other Ethnic Groups',
  },
  {
    code: 'S',
    label: 'Other Ethnic Groups - Any other ethnic group',
    shortLabel: 'Any other ethnic group',
    group: 'Other Ethnic Groups',
  },
  { code: 'Z', label: 'Not stated', shortLabel: 'Not stated', group: 'Unknown' },
  { code: '99', label: 'Not known', shortLabel: 'Not known', group: 'Unknown' },
] as const satisfies readonly EthnicCategory[];

export type EthnicCategoryCode = (typeof ETHNIC_CATEGORIES)[number]['code'];

export const ETHNIC_CATEGORY_CODES: readonly EthnicCategoryCode[] = ETHNIC_CATEGORIES.map(
  (c) => c.code,
);

const BY_CODE: ReadonlyMap<string, EthnicCategory> = new Map(
  ETHNIC_CATEGORIES.map((c) => [c.code, c]),
);

export function isEthnicCategoryCode(value: string): value is EthnicCategoryCode {
  return BY_CODE.has(value);
}

export function ethnicCategory(code: string): EthnicCategory | undefined {
  return BY_CODE.get(code);
}

export function ethnicCategoryLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? 'Not known';
}

/** NHS England's statistics group; Z, 99, empty or invalid values are 'Unknown'. */
export function ethnicGroupOf(code: string | null | undefined): EthnicGroup {
  return (code ? BY_CODE.get(code)?.group : undefined) ?? 'Unknown';
}
