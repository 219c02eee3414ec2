'use client';
// Correcting or changing a patient's details (issue 10). The person says whether the record was
// wrong (a correction, with a reason) or something changed (a change, from a date); only the
// fields that differ are saved, each with its history.
import { ActionForm } from '@/components/forms/action-form';
import type { FormBinding, InputOf } from '@/components/forms/bind';
import { DateField, RadiosField, TextAreaField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import type { updatePatientSchema } from '@/lib/schemas/patients';
import {
  patientDetailsFields,
  type PatientFormInput,
  type PatientFormOptions,
  type PatientInitial,
} from './patient-details-fields';

export const EDIT_KIND_OPTIONS = [
  {
    value: 'CORRECTION',
    label: 'A correction: the record was wrong',
    hint: 'For example, a date of birth typed wrongly. Say why below.',
  },
  {
    value: 'CHANGE',
    label: 'A change: something is different from a date',
    hint: 'For example, the patient moved or changed team. Give the date below.',
  },
] as const;

/** Called inside ActionForm's children (not a component): the fields bind before the summary. */
export function editKindFields({
  f,
  today,
}: {
  f: FormBinding<InputOf<typeof updatePatientSchema>>;
  today: string;
}) {
  return (
    <>
      <RadiosField
        {...f.radios('kind')}
        legend="Is this a correction or a change?"
        options={EDIT_KIND_OPTIONS}
      />
      <TextAreaField
        {...f.text('reason')}
        label="Why was the record wrong? (needed for a correction)"
        hint="This is kept with the record’s history"
        rows={3}
      />
      <DateField
        {...f.date('effectiveOn', { initial: today })}
        legend="For a change: the date it took effect"
        hint="For example, the day the patient moved. Leave as today if it changed today."
      />
    </>
  );
}

export function EditPatientForm({
  action,
  options,
  initial,
  version,
  idempotencyKey,
  today,
  legalStatusLocked,
  initialState,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  options: PatientFormOptions;
  initial: PatientInitial;
  version: number;
  idempotencyKey: string;
  today: string;
  legalStatusLocked: boolean;
  initialState?: FormState;
}) {
  return (
    <ActionForm<InputOf<typeof updatePatientSchema>>
      action={action}
      version={version}
      idempotencyKey={idempotencyKey}
      initialState={initialState}
      submitLabel="Save the changes"
      rekey
    >
      {(f) => (
        <>
          {editKindFields({ f, today })}
          {patientDetailsFields({
            f: f as unknown as FormBinding<PatientFormInput>,
            options,
            initial,
            include: { careTeam: false, legalStatus: true },
            legalStatusLocked,
          })}
        </>
      )}
    </ActionForm>
  );
}
