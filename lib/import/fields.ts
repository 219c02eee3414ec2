/**
 * The fields an imported register row can fill, and the headers an MHA office writes for them
 * (issue 10 §2). A header not known here is mapped by the person, and the mapping is kept for the
 * trust's next file (ImportMapping). Pure.
 */

export const IMPORT_FIELDS = [
  'nhsNumber',
  'localId',
  'familyName',
  'givenName',
  'dateOfBirth',
  'sex',
  'ethnicCategory',
  'team',
  'careCoordinator',
  'responsibleClinician',
  'hospital',
  'section',
  'ctoStart',
  'statedExpiry',
  'renewedOn',
  'recalledOn',
  'revokedOn',
  'dischargedOn',
  'ignore',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  nhsNumber: 'NHS number',
  localId: 'Local patient identifier',
  familyName: 'Surname',
  givenName: 'First name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex (gender)',
  ethnicCategory: 'Ethnic category',
  team: 'Team',
  careCoordinator: 'Care coordinator',
  responsibleClinician: 'Responsible clinician',
  hospital: 'Responsible hospital',
  section: 'Section the CTO follows',
  ctoStart: 'CTO start date (the day it was made)',
  statedExpiry: 'CTO expiry date stated in the register',
  renewedOn: 'Renewal (extension) dates',
  recalledOn: 'Recall dates',
  revokedOn: 'Date revoked',
  dischargedOn: 'Date discharged',
  ignore: 'Do not import this column',
};

/** Fields without which a row cannot become a patient and an order. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'nhsNumber',
  'familyName',
  'givenName',
  'dateOfBirth',
  'section',
  'ctoStart',
];

/** A header as compared: lower case, letters and digits only ("Care Co-ordinator" -> "carecoordinator"). */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .trim();
}

const KNOWN: Record<string, ImportField> = Object.fromEntries(
  (
    [
      ['NHS Number', 'nhsNumber'],
      ['NHS No', 'nhsNumber'],
      ['NHS No.', 'nhsNumber'],
      ['NHS', 'nhsNumber'],
      ['Local ID', 'localId'],
      ['Local identifier', 'localId'],
      ['Patient ID', 'localId'],
      ['Hospital number', 'localId'],
      ['Surname', 'familyName'],
      ['Family name', 'familyName'],
      ['Last name', 'familyName'],
      ['Forename', 'givenName'],
      ['Forenames', 'givenName'],
      ['First name', 'givenName'],
      ['Given name', 'givenName'],
      ['DOB', 'dateOfBirth'],
      ['D.O.B.', 'dateOfBirth'],
      ['Date of Birth', 'dateOfBirth'],
      ['Gender', 'sex'],
      ['Sex', 'sex'],
      ['Ethnicity', 'ethnicCategory'],
      ['Ethnic category', 'ethnicCategory'],
      ['Ethnic origin', 'ethnicCategory'],
      ['Team', 'team'],
      ['CMHT', 'team'],
      ['Care Co-ordinator', 'careCoordinator'],
      ['Care Coordinator', 'careCoordinator'],
      ['CCO', 'careCoordinator'],
      ['RC', 'responsibleClinician'],
      ['Responsible Clinician', 'responsibleClinician'],
      ['Hospital', 'hospital'],
      ['Responsible hospital', 'hospital'],
      ['Section', 'section'],
      ['Underlying section', 'section'],
      ['CTO Start Date', 'ctoStart'],
      ['CTO Start', 'ctoStart'],
      ['Date CTO made', 'ctoStart'],
      ['CTO made', 'ctoStart'],
      ['CTO Expiry', 'statedExpiry'],
      ['CTO Expiry Date', 'statedExpiry'],
      ['Expiry date', 'statedExpiry'],
      ['Expiry', 'statedExpiry'],
      ['Renewed on', 'renewedOn'],
      ['Renewed', 'renewedOn'],
      ['Renewal dates', 'renewedOn'],
      ['Recalled', 'recalledOn'],
      ['Recalled on', 'recalledOn'],
      ['Recall date', 'recalledOn'],
      ['Revoked', 'revokedOn'],
      ['Revoked on', 'revokedOn'],
      ['Date revoked', 'revokedOn'],
      ['Discharged', 'dischargedOn'],
      ['Date discharged', 'dischargedOn'],
      ['Discharged on', 'dischargedOn'],
    ] as const
  ).map(([header, field]) => [headerKey(header), field]),
);

/** The field a header names without help, if it is one we know. */
export function recogniseHeader(header: string): ImportField | undefined {
  return KNOWN[headerKey(header)];
}

export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELDS as readonly string[]).includes(value);
}

export interface ColumnMapping {
  /** Column index in the sheet (0-based). */
  readonly index: number;
  readonly header: string;
  readonly field: ImportField | null;
  readonly source: 'recognised' | 'remembered' | 'given' | 'unmapped';
}

/**
 * Maps each column: the mapping given with this upload first (by header text), then the trust's
 * remembered mapping, then the headers we recognise. A field claimed by two columns keeps the
 * first; the second is left unmapped and reported.
 */
export function mapColumns(
  headers: readonly string[],
  given: Readonly<Record<string, string>> = {},
  remembered: Readonly<Record<string, string>> = {},
): { columns: ColumnMapping[]; duplicates: string[] } {
  const givenByKey = new Map(Object.entries(given).map(([h, f]) => [headerKey(h), f]));
  const rememberedByKey = new Map(Object.entries(remembered).map(([h, f]) => [headerKey(h), f]));
  const taken = new Set<ImportField>();
  const duplicates: string[] = [];
  const columns = headers.map((header, index): ColumnMapping => {
    const key = headerKey(header);
    const candidates: [string | undefined, ColumnMapping['source']][] = [
      [givenByKey.get(key), 'given'],
      [rememberedByKey.get(key), 'remembered'],
      [recogniseHeader(header), 'recognised'],
    ];
    for (const [field, source] of candidates) {
      if (!isImportField(field)) continue;
      if (field !== 'ignore' && taken.has(field)) {
        duplicates.push(header);
        return { index, header, field: null, source: 'unmapped' };
      }
      if (field !== 'ignore') taken.add(field);
      return { index, header, field, source };
    }
    return { index, header, field: null, source: 'unmapped' };
  });
  return { columns, duplicates };
}
