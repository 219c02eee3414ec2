/**
 * MHSDS MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION CODE (England), `MHS401MHActPeriod.LegalStatusCode`.
 * Source: shared/domain/codes.md section 2 (UK Core CodeSystem UKCore-LegalStatusClassificationEngland
 * v1.0.1, copied from the NHS Data Dictionary on 18 Nov 2021). England has no code 11, 21-30, 33
 * or 34, and no code for a CTO: a CTO is an MHS404 row linked to one of these periods. The Welsh
 * list differs (35 is a CTO there, guardianship here): never mix them.
 */

export interface LegalStatus {
  readonly code: string;
  /** The Data Dictionary description. */
  readonly label: string;
  /** A short form for tables, e.g. 'Section 3'. */
  readonly shortLabel: string;
}

export const LEGAL_STATUSES = [
  { code: '01', label: 'Informal', shortLabel: 'Informal' },
  {
    code: '02',
    label: 'Formally detained under Mental Health Act Section 2',
    shortLabel: 'Section 2',
  },
  {
    code: '03',
    label: 'Formally detained under Mental Health Act Section 3',
    shortLabel: 'Section 3',
  },
  {
    code: '04',
    label: 'Formally detained under Mental Health Act Section 4',
    shortLabel: 'Section 4',
  },
  {
    code: '05',
    label: 'Formally detained under Mental Health Act Section 5(2)',
    shortLabel: 'Section 5(2)',
  },
  {
    code: '06',
    label: 'Formally detained under Mental Health Act Section 5(4)',
    shortLabel: 'Section 5(4)',
  },
  {
    code: '07',
    label: 'Formally detained under Mental Health Act Section 35',
    shortLabel: 'Section 35',
  },
  {
    code: '08',
    label: 'Formally detained under Mental Health Act Section 36',
    shortLabel: 'Section 36',
  },
  {
    code: '09',
    label: 'Formally detained under Mental Health Act Section 37 with section 41 restrictions',
    shortLabel: 'Section 37/41',
  },
  {
    code: '10',
    label: 'Formally detained under Mental Health Act Section 37',
    shortLabel: 'Section 37',
  },
  {
    code: '12',
    label: 'Formally detained under Mental Health Act Section 38',
    shortLabel: 'Section 38',
  },
  {
    code: '13',
    label: 'Formally detained under Mental Health Act Section 44',
    shortLabel: 'Section 44',
  },
  {
    code: '14',
    label: 'Formally detained under Mental Health Act Section 46',
    shortLabel: 'Section 46',
  },
  {
    code: '15',
    label: 'Formally detained under Mental Health Act Section 47 with section 49 restrictions',
    shortLabel: 'Section 47/49',
  },
  {
    code: '16',
    label: 'Formally detained under Mental Health Act Section 47',
    shortLabel: 'Section 47',
  },
  {
    code: '17',
    label: 'Formally detained under Mental Health Act Section 48 with section 49 restrictions',
    shortLabel: 'Section 48/49',
  },
  {
    code: '18',
    label: 'Formally detained under Mental Health Act Section 48',
    shortLabel: 'Section 48',
  },
  {
    code: '19',
    label: 'Formally detained under Mental Health Act Section 135',
    shortLabel: 'Section 135',
  },
  {
    code: '20',
    label: 'Formally detained under Mental Health Act Section 136',
    shortLabel: 'Section 136',
  },
  {
    code: '31',
    label:
      'Formally detained under Criminal Procedure (Insanity) Act 1964 as amended by the Criminal Procedures (Insanity and Unfitness to Plead) Act 1991',
    shortLabel: 'Criminal Procedure (Insanity) Act 1964',
  },
  { code: '32', label: 'Formally detained under other acts', shortLabel: 'Other Acts' },
  {
    code: '35',
    label: 'Subject to guardianship under Mental Health Act Section 7',
    shortLabel: 'Guardianship (section 7)',
  },
  {
    code: '36',
    label: 'Subject to guardianship under Mental Health Act Section 37',
    shortLabel: 'Guardianship (section 37)',
  },
  {
    code: '37',
    label: 'Formally detained under Mental Health Act Section 45A (Limited direction in force)',
    shortLabel: 'Section 45A (limitation direction in force)',
  },
  {
    code: '38',
    label: 'Formally detained under Mental Health Act Section 45A (Limitation direction ended)',
    shortLabel: 'Section 45A (limitation direction ended)',
  },
  { code: '98', label: 'Not Applicable', shortLabel: 'Not applicable' },
  { code: '99', label: 'Not Known', shortLabel: 'Not known' },
] as const satisfies readonly LegalStatus[];

export type LegalStatusCode = (typeof LEGAL_STATUSES)[number]['code'];

/**
 * Underlying authorities from which a CTO can be made (s17A(2); Sch 1 Part 1 for unrestricted
 * Part 3 patients): s3, s37, s47 and s48 without s49, and s45A once the limitation direction has
 * ended. Restricted patients (09, 15, 17, 37) get conditional discharge instead.
 */
export const CTO_ELIGIBLE_LEGAL_STATUS_CODES = ['03', '10', '16', '18', '38'] as const;

export type CtoEligibleLegalStatusCode = (typeof CTO_ELIGIBLE_LEGAL_STATUS_CODES)[number];

const BY_CODE: ReadonlyMap<string, LegalStatus> = new Map(LEGAL_STATUSES.map((s) => [s.code, s]));

export function isLegalStatusCode(value: string): value is LegalStatusCode {
  return BY_CODE.has(value);
}

export function legalStatus(code: string): LegalStatus | undefined {
  return BY_CODE.get(code);
}

export function legalStatusLabel(code: string): string {
  return BY_CODE.get(code)?.label ?? `Unknown legal status code '${code}'`;
}

export function legalStatusShortLabel(code: string): string {
  return BY_CODE.get(code)?.shortLabel ?? `Code ${code}`;
}

export function canLeadToCto(code: string): code is CtoEligibleLegalStatusCode {
  return (CTO_ELIGIBLE_LEGAL_STATUS_CODES as readonly string[]).includes(code);
}
