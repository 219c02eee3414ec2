'use client';
// Registering a patient (issue 10): the MHA office's form. A duplicate NHS number links to the
// record that has it.
import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import type { FormState } from '@/lib/schemas/form-state';
import {
  patientDetailsFields,
  type PatientFormInput,
  type PatientFormOptions,
} from './patient-details-fields';

export interface RegisterFormState extends FormState {
  existingPatientId?: string;
}

export function RegisterPatientForm({
  action,
  options,
  idempotencyKey,
  initialState,
}: {
  action: (state: RegisterFormState, form: FormData) => Promise<RegisterFormState>;
  options: PatientFormOptions;
  idempotencyKey: string;
  initialState?: RegisterFormState;
}) {
  return (
    <ActionForm<PatientFormInput, RegisterFormState>
      action={action}
      idempotencyKey={idempotencyKey}
      initialState={initialState}
      submitLabel="Register the patient"
    >
      {(f) => (
        <>
          {f.state.existingPatientId ? (
            <div className="nhsuk-inset-text">
              <p>
                This NHS number is already on the register.{' '}
                <Link href={`/patients/${f.state.existingPatientId}`}>
                  Open the existing record
                </Link>
                .
              </p>
            </div>
          ) : null}
          {patientDetailsFields({ f, options })}
        </>
      )}
    </ActionForm>
  );
}
