'use client';
// The fields of a patient's record (issue 10), written once through the form binding and used
// by the register form and the edit form. Names are those of lib/schemas/patients.ts.
// A function called inside ActionForm's children (not a component), so that the fields are
// bound before the error summary is drawn and the summary links to each of them.
import type { FormBinding } from '@/components/forms/bind';
import {
  DateField,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
  YES_NO,
} from '@/components/forms/fields';
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

const choose = (what: string, options: readonly Option[]): Option[] => [
  { value: '', label: what },
  ...options,
];

const yesNo = (v: boolean | null | undefined) =>
  v === true ? 'yes' : v === false ? 'no' : undefined;
const str = (v: string | null | undefined) => v ?? undefined;

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
  const nr = initial.nearestRelative;
  const carer = initial.carer;
  const attorney = initial.attorney;
  const advance = initial.advanceDecision;
  const ls = initial.legalStatus;
  return (
    <>
      <h2>Who the patient is</h2>
      <TextField
        {...f.text('nhsNumber', { initial: str(initial.nhsNumber) })}
        label="NHS number"
        hint="10 digits, for example 943 476 5919"
        width={10}
      />
      <TextField
        {...f.text('localId', { initial: str(initial.localId) })}
        label="Local patient identifier"
        hint="The trust’s own number for the patient (for example, from the electronic record)"
        width={20}
      />
      <TextField
        {...f.text('givenName', { initial: str(initial.givenName) })}
        label="First name"
        autoComplete="off"
      />
      <TextField
        {...f.text('familyName', { initial: str(initial.familyName) })}
        label="Last name"
        autoComplete="off"
      />
      <TextField
        {...f.text('otherNames', { initial: str(initial.otherNames) })}
        label="Other names used in the records (optional)"
        hint="For example, a previous surname. The tribunal asks for these."
      />
      <DateField
        {...f.date('dateOfBirth', { initial: str(initial.dateOfBirth) })}
        legend="Date of birth"
        hint="For example, 27 3 1985"
      />
      <RadiosField
        {...f.radios('sex', { initial: str(initial.sex) })}
        legend="Sex"
        options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
      />
      <TextField
        {...f.text('genderIdentity', { initial: str(initial.genderIdentity) })}
        label="Gender identity (optional)"
        hint="In the patient’s own words, if they have told you"
      />
      <SelectField
        {...f.select('ethnicCategory', { initial: str(initial.ethnicCategory) })}
        label="Ethnic category"
        hint="NHS ethnic category, as the patient described it"
        options={choose(
          'Choose an ethnic category',
          ETHNIC_CATEGORIES.map((c) => ({ value: c.code, label: c.label })),
        )}
      />

      <h2>Address and language</h2>
      <TextField
        {...f.text('addressLine1', { initial: str(initial.addressLine1) })}
        label="Address line 1 (optional)"
      />
      <TextField
        {...f.text('addressLine2', { initial: str(initial.addressLine2) })}
        label="Address line 2 (optional)"
      />
      <TextField
        {...f.text('town', { initial: str(initial.town) })}
        label="Town or city (optional)"
        width={20}
      />
      <TextField
        {...f.text('postcode', { initial: str(initial.postcode) })}
        label="Postcode (optional)"
        width={10}
      />
      <TextField
        {...f.text('phone', { initial: str(initial.phone) })}
        label="Phone number (optional)"
        type="tel"
        width={20}
      />
      <TextField
        {...f.text('firstLanguage', { initial: str(initial.firstLanguage) ?? 'English' })}
        label="First language"
        width={20}
      />
      <RadiosField
        {...f.radios('interpreterNeeded', { initial: yesNo(initial.interpreterNeeded) ?? 'no' })}
        legend="Does the patient need an interpreter?"
        options={YES_NO}
        inline
      />
      <TextField
        {...f.text('interpreterLanguage', { initial: str(initial.interpreterLanguage) })}
        label="Interpreter’s language (if an interpreter is needed)"
        hint="Including British Sign Language or a relay interpreter"
        width={20}
      />

      <h2>Care team</h2>
      <SelectField
        {...f.select('teamId', { initial: str(initial.teamId) })}
        label="Team"
        options={choose('Choose a team', options.teams)}
      />
      {include.careTeam ? (
        <>
          <SelectField
            {...f.select('careCoordinatorId', { initial: str(initial.careCoordinatorId) })}
            label="Care coordinator (optional)"
            options={choose('Not assigned yet', options.careCoordinators)}
          />
          <SelectField
            {...f.select('responsibleClinicianId', {
              initial: str(initial.responsibleClinicianId),
            })}
            label="Responsible clinician (optional)"
            options={choose('Not assigned yet', options.responsibleClinicians)}
          />
          <DateField
            {...f.date('allocatedOn')}
            legend="When did the team take the patient on? (optional)"
            hint="Leave empty for today"
          />
        </>
      ) : null}

      <h2>Nearest relative</h2>
      <p className="nhsuk-body-s">
        Section 26 of the Mental Health Act. Leave these empty if not known yet.
      </p>
      <TextField
        {...f.text('nearestRelative.name', { initial: str(nr?.name) })}
        label="Nearest relative’s name"
      />
      <TextField
        {...f.text('nearestRelative.relationship', { initial: str(nr?.relationship) })}
        label="Relationship to the patient"
        hint="For example, mother, husband, civil partner"
        width={20}
      />
      <TextAreaField
        {...f.text('nearestRelative.address', { initial: str(nr?.address) })}
        label="Nearest relative’s address (optional)"
        rows={3}
      />
      <TextField
        {...f.text('nearestRelative.phone', { initial: str(nr?.phone) })}
        label="Nearest relative’s phone number (optional)"
        type="tel"
        width={20}
      />
      <RadiosField
        {...f.radios('nearestRelative.patientObjectsToConsultation', {
          initial: yesNo(nr?.patientObjectsToConsultation),
        })}
        legend="Does the patient object to their nearest relative being consulted or informed?"
        options={YES_NO}
        inline
      />

      <h2>Carer</h2>
      <TextField
        {...f.text('carer.name', { initial: str(carer?.name) })}
        label="Carer’s name (optional)"
        hint="Someone who cares for and supports the patient and is not paid to"
      />
      <TextField
        {...f.text('carer.relationship', { initial: str(carer?.relationship) })}
        label="How the carer knows the patient (optional)"
        width={20}
      />
      <TextField
        {...f.text('carer.contact', { initial: str(carer?.contact) })}
        label="Carer’s address or phone number (optional)"
      />

      <h2>Capacity and advance decisions</h2>
      <SelectField
        {...f.select('attorney.kind', { initial: str(attorney?.kind) })}
        label="Attorney, deputy or court order (optional)"
        options={choose(
          'None',
          ATTORNEY_KINDS.map((k) => ({ value: k, label: ATTORNEY_KIND_LABELS[k] })),
        )}
      />
      <TextField
        {...f.text('attorney.name', { initial: str(attorney?.name) })}
        label="Attorney’s or deputy’s name"
      />
      <DateField
        {...f.date('attorney.madeOn', { initial: str(attorney?.madeOn) })}
        legend="Date it was made or registered (optional)"
      />
      <SelectField
        {...f.select('advanceDecision.kind', { initial: str(advance?.kind) })}
        label="Advance decision or statement (optional)"
        options={choose(
          'None',
          ADVANCE_DECISION_KINDS.map((k) => ({ value: k, label: ADVANCE_DECISION_KIND_LABELS[k] })),
        )}
      />
      <TextAreaField
        {...f.text('advanceDecision.summary', { initial: str(advance?.summary) })}
        label="What it says"
        rows={3}
      />
      <DateField
        {...f.date('advanceDecision.madeOn', { initial: str(advance?.madeOn) })}
        legend="Date it was made (optional)"
      />

      <h2>Risk management and after-care</h2>
      <SelectField
        {...f.select('mappaCategory', { initial: str(initial.mappaCategory) })}
        label="MAPPA category (optional)"
        hint="Multi-agency public protection arrangements"
        options={choose(
          'Not known',
          MAPPA_CATEGORIES.map((c) => ({ value: c, label: MAPPA_CATEGORY_LABELS[c] })),
        )}
      />
      <SelectField
        {...f.select('mappaLevel', { initial: str(initial.mappaLevel) })}
        label="MAPPA level (optional)"
        options={choose(
          'Not managed at a level',
          MAPPA_LEVELS.map((l) => ({ value: l, label: MAPPA_LEVEL_LABELS[l] })),
        )}
      />
      <TextField
        {...f.text('s117LocalAuthority', { initial: str(initial.s117LocalAuthority) })}
        label="Local authority with the section 117 after-care duty (optional)"
      />
      <TextField
        {...f.text('s117Icb', { initial: str(initial.s117Icb) })}
        label="Integrated care board with the section 117 after-care duty (optional)"
      />

      {include.legalStatus ? (
        <>
          <h2>Detention the order follows</h2>
          {legalStatusLocked ? (
            <p>
              A community treatment order follows this detention. Correct it from the order’s page.
            </p>
          ) : (
            <>
              <SelectField
                {...f.select('legalStatus.code', { initial: str(ls?.code) })}
                label="Section the patient is or was detained under (optional)"
                hint="A community treatment order can follow section 3, 37, 45A, 47 or 48"
                options={choose(
                  'Not recorded yet',
                  CTO_ELIGIBLE_LEGAL_STATUS_CODES.map((c) => ({
                    value: c,
                    label: legalStatusLabel(c),
                  })),
                )}
              />
              <DateField
                {...f.date('legalStatus.startDate', { initial: str(ls?.startDate) })}
                legend="Date detention under this section began"
              />
              <SelectField
                {...f.select('legalStatus.hospitalId', { initial: str(ls?.hospitalId) })}
                label="Hospital"
                options={choose('Choose a hospital', options.hospitals)}
              />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
