'use client';
// The fields of a patient's record (issue 10), written once through the form binding and used
// by the register form and the edit form. Names are those of lib/schemas/patients.ts.
// A function called inside ActionForm's children (not a component), so that the fields are
// bound before the error summary is drawn and the summary links to each of them.
import type { FieldPath, FormBinding } from '@/components/forms/bind';
import { drawFields, type FieldSpec } from '@/components/forms/field-list';
import { ETHNIC_CATEGORIES } from '@/lib/codes/ethnic-category';
import { CTO_ELIGIBLE_LEGAL_STATUS_CODES, legalStatusLabel } from '@/lib/codes/legal-status';
import { SEX_LABELS } from '@/lib/codes/labels';
import {
  ADVANCE_DECISION_KIND_LABELS,
  ATTORNEY_KIND_LABELS,
  MAPPA_CATEGORY_LABELS,
  MAPPA_LEVEL_LABELS,
} from '@/lib/patients/labels';
import {
  ADVANCE_DECISION_KINDS,
  ATTORNEY_KINDS,
  MAPPA_CATEGORIES,
  MAPPA_LEVELS,
  SEXES,
  type RegisterPatientInput,
} from '@/lib/schemas/patients';
import type { InputOf } from '@/components/forms/bind';
import type { registerPatientSchema } from '@/lib/schemas/patients';

export type PatientFormInput = InputOf<typeof registerPatientSchema>;
type Spec = FieldSpec<PatientFormInput>;
type FieldSpecOf<K extends string> = Extract<Spec, Record<K, unknown>>;

export interface Option {
  value: string;
  label: string;
}

export interface PatientFormOptions {
  teams: Option[];
  careCoordinators: Option[];
  responsibleClinicians: Option[];
  hospitals: Option[];
}

/** A record's current values, as the form's initial strings. */
export type PatientInitial = Partial<{
  [K in keyof RegisterPatientInput]: RegisterPatientInput[K] | null;
}>;

const labelled = <K extends string>(
  values: readonly K[],
  labels: Readonly<Record<K, string>>,
): Option[] => values.map((value) => ({ value, label: labels[value] }));

const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : undefined);

export function patientDetailsFields({
  f,
  options,
  initial = {},
  include = { careTeam: true, legalStatus: true },
  legalStatusLocked = false,
}: {
  f: FormBinding<PatientFormInput>;
  options: PatientFormOptions;
  initial?: PatientInitial;
  /** Which groups to draw: the edit form leaves the care coordinator and RC to their own page. */
  include?: { careTeam: boolean; legalStatus: boolean };
  legalStatusLocked?: boolean;
}) {
  /** The record's current value at a field's name (`nearestRelative.name`). */
  const at = (name: string): unknown =>
    name
      .split('.')
      .reduce<unknown>(
        (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        initial,
      );
  const kept = (name: string) => {
    const v = at(name);
    return typeof v === 'string' ? v : undefined;
  };
  type Name = FieldPath<PatientFormInput>;
  const text = (name: Name, label: string, more: Partial<FieldSpecOf<'text'>> = {}) =>
    ({ text: name, label, initial: kept(name), ...more }) as Spec;
  const date = (name: Name, legend: string, hint?: string) =>
    ({ date: name, legend, hint, initial: kept(name) }) as Spec;
  const select = (name: Name, label: string, choose: string, list: Option[], hint?: string) =>
    ({ select: name, label, choose, options: list, hint, initial: kept(name) }) as Spec;
  const fields: Spec[] = [
    <h2 key="who">Who the patient is</h2>,
    text('nhsNumber', 'NHS number', { hint: '10 digits, for example 943 476 5919', width: 10 }),
    text('localId', 'Local patient identifier', {
      hint: 'The trust’s own number for the patient (for example, from the electronic record)',
      width: 20,
    }),
    text('givenName', 'First name', { autoComplete: 'off' }),
    text('familyName', 'Last name', { autoComplete: 'off' }),
    text('otherNames', 'Other names used in the records (optional)', {
      hint: 'For example, a previous surname. The tribunal asks for these.',
    }),
    date('dateOfBirth', 'Date of birth', 'For example, 27 3 1985'),
    { radios: 'sex', legend: 'Sex', options: labelled(SEXES, SEX_LABELS), initial: kept('sex') },
    text('genderIdentity', 'Gender identity (optional)', {
      hint: 'In the patient’s own words, if they have told you',
    }),
    select(
      'ethnicCategory',
      'Ethnic category',
      'Choose an ethnic category',
      ETHNIC_CATEGORIES.map((c) => ({ value: c.code, label: c.label })),
      'NHS ethnic category, as the patient described it',
    ),

    <h2 key="address">Address and language</h2>,
    text('addressLine1', 'Address line 1 (optional)'),
    text('addressLine2', 'Address line 2 (optional)'),
    text('town', 'Town or city (optional)', { width: 20 }),
    text('postcode', 'Postcode (optional)', { width: 10 }),
    text('phone', 'Phone number (optional)', { type: 'tel', width: 20 }),
    text('firstLanguage', 'First language', {
      width: 20,
      initial: kept('firstLanguage') ?? 'English',
    }),
    {
      yesNo: 'interpreterNeeded',
      legend: 'Does the patient need an interpreter?',
      initial: yesNo(at('interpreterNeeded')) ?? 'no',
    },
    text('interpreterLanguage', 'Interpreter’s language (if an interpreter is needed)', {
      hint: 'Including British Sign Language or a relay interpreter',
      width: 20,
    }),

    <h2 key="care-team">Care team</h2>,
    select('teamId', 'Team', 'Choose a team', options.teams),
    ...(include.careTeam
      ? [
          select(
            'careCoordinatorId',
            'Care coordinator (optional)',
            'Not assigned yet',
            options.careCoordinators,
          ),
          select(
            'responsibleClinicianId',
            'Responsible clinician (optional)',
            'Not assigned yet',
            options.responsibleClinicians,
          ),
          {
            date: 'allocatedOn',
            legend: 'When did the team take the patient on? (optional)',
            hint: 'Leave empty for today',
          } as Spec,
        ]
      : []),

    <h2 key="nearest-relative">Nearest relative</h2>,
    <p key="nearest-relative-note" className="nhsuk-body-s">
      Section 26 of the Mental Health Act. Leave these empty if not known yet.
    </p>,
    text('nearestRelative.name', 'Nearest relative’s name'),
    text('nearestRelative.relationship', 'Relationship to the patient', {
      hint: 'For example, mother, husband, civil partner',
      width: 20,
    }),
    {
      textarea: 'nearestRelative.address',
      label: 'Nearest relative’s address (optional)',
      rows: 3,
      initial: kept('nearestRelative.address'),
    },
    text('nearestRelative.phone', 'Nearest relative’s phone number (optional)', {
      type: 'tel',
      width: 20,
    }),
    {
      yesNo: 'nearestRelative.patientObjectsToConsultation',
      legend: 'Does the patient object to their nearest relative being consulted or informed?',
      initial: yesNo(at('nearestRelative.patientObjectsToConsultation')),
    },

    <h2 key="carer">Carer</h2>,
    text('carer.name', 'Carer’s name (optional)', {
      hint: 'Someone who cares for and supports the patient and is not paid to',
    }),
    text('carer.relationship', 'How the carer knows the patient (optional)', { width: 20 }),
    text('carer.contact', 'Carer’s address or phone number (optional)'),

    <h2 key="capacity">Capacity and advance decisions</h2>,
    select(
      'attorney.kind',
      'Attorney, deputy or court order (optional)',
      'None',
      labelled(ATTORNEY_KINDS, ATTORNEY_KIND_LABELS),
    ),
    text('attorney.name', 'Attorney’s or deputy’s name'),
    date('attorney.madeOn', 'Date it was made or registered (optional)'),
    select(
      'advanceDecision.kind',
      'Advance decision or statement (optional)',
      'None',
      labelled(ADVANCE_DECISION_KINDS, ADVANCE_DECISION_KIND_LABELS),
    ),
    {
      textarea: 'advanceDecision.summary',
      label: 'What it says',
      rows: 3,
      initial: kept('advanceDecision.summary'),
    },
    date('advanceDecision.madeOn', 'Date it was made (optional)'),

    <h2 key="risk">Risk management and after-care</h2>,
    select(
      'mappaCategory',
      'MAPPA category (optional)',
      'Not known',
      labelled(MAPPA_CATEGORIES, MAPPA_CATEGORY_LABELS),
      'Multi-agency public protection arrangements',
    ),
    select(
      'mappaLevel',
      'MAPPA level (optional)',
      'Not managed at a level',
      labelled(MAPPA_LEVELS, MAPPA_LEVEL_LABELS),
    ),
    text('s117LocalAuthority', 'Local authority with the section 117 after-care duty (optional)'),
    text('s117Icb', 'Integrated care board with the section 117 after-care duty (optional)'),

    ...(include.legalStatus ? [<h2 key="detention">Detention the order follows</h2>] : []),
    ...(!include.legalStatus
      ? []
      : legalStatusLocked
        ? [
            <p key="detention-locked">
              A community treatment order follows this detention. Correct it from the order’s page.
            </p>,
          ]
        : [
            select(
              'legalStatus.code',
              'Section the patient is or was detained under (optional)',
              'Not recorded yet',
              CTO_ELIGIBLE_LEGAL_STATUS_CODES.map((c) => ({
                value: c,
                label: legalStatusLabel(c),
              })),
              'A community treatment order can follow section 3, 37, 45A, 47 or 48',
            ),
            date('legalStatus.startDate', 'Date detention under this section began'),
            select('legalStatus.hospitalId', 'Hospital', 'Choose a hospital', options.hospitals),
          ]),
  ];
  return drawFields(f, fields);
}
