// Issue 10: registering and editing a patient. One schema for the form (FormData through
// formToObject), the JSON API (POST/PATCH /api/v1/patients) and the spreadsheet import, so
// every way in checks the same things. Dates are day/month/year from the form or 'YYYY-MM-DD'
// from JSON; an NHS number may have spaces or hyphens (lib/patients/nhs-number.ts).
import { z } from 'zod';
import { ETHNIC_CATEGORY_CODES } from '@/lib/codes/ethnic-category';
import { CTO_ELIGIBLE_LEGAL_STATUS_CODES } from '@/lib/codes/legal-status';
import { checkNhsNumber } from '@/lib/patients/nhs-number';
import {
  capitalise,
  choice,
  dateInput,
  expectedVersion,
  idempotencyKey,
  NUL_TEXT_MESSAGE,
} from './common';

export const SEXES = ['MALE', 'FEMALE', 'INDETERMINATE', 'NOT_KNOWN'] as const;
export const MAPPA_CATEGORIES = ['NONE', 'CATEGORY_1', 'CATEGORY_2', 'CATEGORY_3'] as const;
export const MAPPA_LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3'] as const;
export const ATTORNEY_KINDS = [
  'LASTING_POWER_OF_ATTORNEY_HEALTH',
  'COURT_APPOINTED_DEPUTY',
  'COURT_OF_PROTECTION_ORDER',
] as const;
export const ADVANCE_DECISION_KINDS = [
  'ADVANCE_DECISION_TO_REFUSE_TREATMENT',
  'ADVANCE_STATEMENT',
] as const;
export const PATIENT_EDIT_KINDS = ['CHANGE', 'CORRECTION'] as const;
export type PatientEditKind = (typeof PATIENT_EDIT_KINDS)[number];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function emptyish(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object' && !Array.isArray(v)) {
    return Object.values(v as Record<string, unknown>).every(emptyish);
  }
  return false;
}

/** 'YYYY-MM-DD' (JSON, the import) becomes the form's day, month and year. */
function datePartsOf(v: unknown): unknown {
  if (typeof v === 'string') {
    const m = ISO.exec(v.trim());
    return m ? { year: m[1], month: m[2], day: m[3] } : { day: v, month: '', year: '' };
  }
  return v;
}

/** A required calendar date, from the form's three fields or an ISO string. */
export function patientDate(what: string) {
  return z.preprocess(datePartsOf, dateInput(what));
}

/** A date that may be left empty (null). */
export function optionalPatientDate(what: string) {
  return z.preprocess((v) => (emptyish(v) ? null : datePartsOf(v)), dateInput(what).nullable());
}

/** Text that may be left empty: '' and null become null ("clear it"). */
export function clearableText(what: string, max = 200) {
  return z.preprocess(
    (v) => (v === null || v === undefined ? '' : v),
    z
      .string({ error: `${capitalise(what)} must be text` })
      .refine((v) => !v.includes('\u0000'), NUL_TEXT_MESSAGE)
      .trim()
      .max(max, `${capitalise(what)} must be ${max} characters or fewer`)
      .transform((v) => (v === '' ? null : v)),
  );
}

function requiredName(what: string, max = 100) {
  return z
    .string({ error: `Enter ${what}` })
    .refine((v) => !v.includes('\u0000'), NUL_TEXT_MESSAGE)
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${capitalise(what)} must be ${max} characters or fewer`);
}

/** A choice that may be left empty (null). */
function clearableChoice<const T extends readonly string[]>(values: T, message: string) {
  return z.preprocess((v) => (emptyish(v) ? null : v), choice(values, message).nullable());
}

/** An id of a person, team or hospital chosen from a list; empty is null. */
function clearableId(message: string) {
  return z.preprocess(
    (v) => (emptyish(v) ? null : v),
    z.string({ error: message }).regex(UUID, message).nullable(),
  );
}

/** Yes or no, from radios ('yes'/'no') or JSON (true/false). */
function yesNo(message: string) {
  return z
    .preprocess(
      (v) => (v === true ? 'yes' : v === false ? 'no' : v),
      choice(['yes', 'no'] as const, message),
    )
    .transform((v) => v === 'yes');
}

export const nhsNumberInput = z
  .string({ error: 'Enter the patient’s NHS number' })
  .transform((value, ctx) => {
    const check = checkNhsNumber(value);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.nhsNumber;
  });

const postcode = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase().replace(/\s+/g, ' ') : v),
  clearableText('postcode', 10).refine(
    (v) => v === null || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(v),
    'Enter a real postcode, like LS1 4AP',
  ),
);

/** The nearest relative (s26) and whether the patient objects to their being consulted. */
export const nearestRelativeInput = z.preprocess(
  (v) => (emptyish(v) ? null : v),
  z
    .object({
      name: requiredName('the nearest relative’s name', 200),
      relationship: requiredName('how they are related to the patient', 100),
      address: clearableText('the nearest relative’s address', 500),
      phone: clearableText('the nearest relative’s phone number', 40),
      patientObjectsToConsultation: yesNo(
        'Say whether the patient objects to their nearest relative being consulted',
      ),
    })
    .nullable(),
);

/** A person who cares for the patient and is not professionally involved. */
export const carerInput = z.preprocess(
  (v) => (emptyish(v) ? null : v),
  z
    .object({
      name: requiredName('the carer’s name', 200),
      relationship: clearableText('how the carer knows the patient', 100),
      contact: clearableText('the carer’s address or phone number', 500),
    })
    .nullable(),
);

/** A lasting power of attorney for health, a deputy or a Court of Protection order. */
export const attorneyInput = z.preprocess(
  (v) => (emptyish(v) ? null : v),
  z
    .object({
      kind: choice(ATTORNEY_KINDS, 'Choose whether it is an attorney, a deputy or a court order'),
      name: requiredName('the attorney’s or deputy’s name', 200),
      madeOn: optionalPatientDate('the date it was made or registered'),
    })
    .nullable(),
);

/** An advance decision to refuse treatment or an advance statement. */
export const advanceDecisionInput = z.preprocess(
  (v) => (emptyish(v) ? null : v),
  z
    .object({
      kind: choice(ADVANCE_DECISION_KINDS, 'Choose the kind of advance decision'),
      summary: requiredName('what the advance decision says', 2000),
      madeOn: optionalPatientDate('the date it was made'),
    })
    .nullable(),
);

/** The detention the community treatment order follows (s17A: s3, s37, s47, s48, s45A). */
export const legalStatusInput = z.preprocess(
  (v) => (emptyish(v) ? null : v),
  z
    .object({
      code: choice(
        CTO_ELIGIBLE_LEGAL_STATUS_CODES,
        'Choose the section the patient was detained under',
      ),
      startDate: patientDate('the date detention under this section began'),
      hospitalId: clearableId('Choose the hospital from the list'),
    })
    .nullable(),
);

/** Every field of a patient's record that a person types in. */
const patientFields = {
  nhsNumber: nhsNumberInput,
  localId: requiredName('the local patient identifier', 50),
  givenName: requiredName('the patient’s first name'),
  familyName: requiredName('the patient’s last name'),
  otherNames: clearableText('other names used', 300),
  dateOfBirth: patientDate('the patient’s date of birth'),
  sex: choice(SEXES, 'Choose the patient’s sex'),
  genderIdentity: clearableText('gender identity', 100),
  ethnicCategory: choice(
    ETHNIC_CATEGORY_CODES as unknown as readonly [string, ...string[]],
    'Choose the patient’s ethnic category',
  ),
  addressLine1: clearableText('the first line of the address'),
  addressLine2: clearableText('the second line of the address'),
  town: clearableText('the town or city', 100),
  postcode,
  phone: clearableText('the phone number', 40),
  firstLanguage: requiredName('the patient’s first language', 100),
  interpreterNeeded: yesNo('Say whether the patient needs an interpreter'),
  interpreterLanguage: clearableText('the interpreter’s language', 100),
  teamId: z.string({ error: 'Choose the patient’s team' }).regex(UUID, 'Choose the patient’s team'),
  careCoordinatorId: clearableId('Choose the care coordinator from the list'),
  responsibleClinicianId: clearableId('Choose the responsible clinician from the list'),
  nearestRelative: nearestRelativeInput,
  carer: carerInput,
  attorney: attorneyInput,
  advanceDecision: advanceDecisionInput,
  mappaCategory: clearableChoice(MAPPA_CATEGORIES, 'Choose the MAPPA category'),
  mappaLevel: clearableChoice(MAPPA_LEVELS, 'Choose the MAPPA level'),
  s117LocalAuthority: clearableText('the local authority with the section 117 duty'),
  s117Icb: clearableText('the integrated care board with the section 117 duty'),
  legalStatus: legalStatusInput,
};

export type PatientFieldName = keyof typeof patientFields;
export const PATIENT_FIELD_NAMES = Object.keys(patientFields) as PatientFieldName[];

interface Coherent {
  interpreterNeeded?: boolean;
  interpreterLanguage?: string | null;
  mappaCategory?: string | null;
  mappaLevel?: string | null;
}

function checkCoherence(value: Coherent, ctx: z.RefinementCtx) {
  if (value.interpreterNeeded === true && !value.interpreterLanguage) {
    ctx.addIssue({
      code: 'custom',
      path: ['interpreterLanguage'],
      message: 'Enter the language the interpreter needs to speak',
    });
  }
  if (value.mappaLevel && (!value.mappaCategory || value.mappaCategory === 'NONE')) {
    ctx.addIssue({
      code: 'custom',
      path: ['mappaCategory'],
      message: 'Choose the MAPPA category: a level is set only for patients managed under MAPPA',
    });
  }
}

/** Registering a patient (POST /api/v1/patients, /patients/new, the import). */
export const registerPatientSchema = z
  .object({
    ...patientFields,
    // The day the team, care coordinator and RC were first allocated (today when left empty).
    allocatedOn: optionalPatientDate('the date the team took the patient on'),
    idempotencyKey,
  })
  .superRefine(checkCoherence);
export type RegisterPatientInput = z.infer<typeof registerPatientSchema>;

/**
 * Correcting or changing a patient (PATCH /api/v1/patients/{id}, /patients/{id}/edit and
 * /patients/{id}/assignments): only the fields sent are looked at; a field sent as null (or
 * left empty in the form) is cleared. A correction says why; a change says from when.
 */
export const updatePatientSchema = z
  .object({
    ...(Object.fromEntries(
      Object.entries(patientFields).map(([name, schema]) => [name, schema.optional()]),
    ) as { [K in PatientFieldName]: z.ZodOptional<(typeof patientFields)[K]> }),
    kind: choice(PATIENT_EDIT_KINDS, 'Say whether this is a correction or a change'),
    reason: clearableText('the reason', 1000),
    effectiveOn: optionalPatientDate('the date the change took effect'),
    expectedVersion,
    idempotencyKey,
  })
  .superRefine((value, ctx) => {
    checkCoherence(value, ctx);
    if (value.kind === 'CORRECTION' && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Enter why the record was wrong: a correction needs a reason',
      });
    }
  });
export type UpdatePatientInput = z.infer<typeof updatePatientSchema>;
