// Plain-English names of a patient record's fields, for the history and the chronology (issue 10).
import type { PatientFieldName } from '@/lib/schemas/patients';

export const PATIENT_FIELD_LABELS: Record<PatientFieldName, string> = {
  nhsNumber: 'NHS number',
  localId: 'Local identifier',
  givenName: 'First name',
  familyName: 'Last name',
  otherNames: 'Other names used',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  ethnicCategory: 'Ethnic category',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town or city',
  postcode: 'Postcode',
  phone: 'Phone number',
  firstLanguage: 'First language',
  interpreterNeeded: 'Needs an interpreter',
  interpreterLanguage: 'Interpreter’s language',
  teamId: 'Team',
  careCoordinatorId: 'Care coordinator',
  responsibleClinicianId: 'Responsible clinician',
  nearestRelative: 'Nearest relative',
  carer: 'Carer',
  attorney: 'Attorney or deputy',
  advanceDecision: 'Advance decision',
  mappaCategory: 'MAPPA category',
  mappaLevel: 'MAPPA level',
  s117LocalAuthority: 'Section 117: local authority',
  s117Icb: 'Section 117: integrated care board',
  legalStatus: 'Legal status before the order',
};

export const MAPPA_CATEGORY_LABELS = {
  NONE: 'Not managed under MAPPA',
  CATEGORY_1: 'Category 1',
  CATEGORY_2: 'Category 2',
  CATEGORY_3: 'Category 3',
} as const;

export const MAPPA_LEVEL_LABELS = {
  LEVEL_1: 'Level 1',
  LEVEL_2: 'Level 2',
  LEVEL_3: 'Level 3',
} as const;

export const ATTORNEY_KIND_LABELS = {
  LASTING_POWER_OF_ATTORNEY_HEALTH: 'Lasting power of attorney for health and welfare',
  COURT_APPOINTED_DEPUTY: 'Deputy appointed by the Court of Protection',
  COURT_OF_PROTECTION_ORDER: 'Court of Protection order',
} as const;

export const ADVANCE_DECISION_KIND_LABELS = {
  ADVANCE_DECISION_TO_REFUSE_TREATMENT: 'Advance decision to refuse treatment',
  ADVANCE_STATEMENT: 'Advance statement of wishes',
} as const;

export const PATIENT_CHANGE_KIND_LABELS = {
  REGISTERED: 'Registered',
  CHANGE: 'Changed',
  CORRECTION: 'Corrected',
} as const;
