'use client';
// A new care coordinator or responsible clinician from a date (a change), or the wrong person
// put right (a correction, with a reason): issue 10. The same service as the edit form.
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { SelectField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import type { updatePatientSchema } from '@/lib/schemas/patients';
import { editKindFields } from './edit-patient-form';
import type { Option } from './patient-details-fields';

export function AssignmentForm({
  field,
  action,
  people,
  current,
  version,
  idempotencyKey,
  today,
}: {
  field: 'careCoordinatorId' | 'responsibleClinicianId';
  action: (state: FormState, form: FormData) => Promise<FormState>;
  people: Option[];
  current: string | null;
  version: number;
  idempotencyKey: string;
  today: string;
}) {
  const what = field === 'careCoordinatorId' ? 'care coordinator' : 'responsible clinician';
  return (
    <ActionForm<InputOf<typeof updatePatientSchema>>
      action={action}
      version={version}
      idempotencyKey={idempotencyKey}
      idPrefix={field === 'careCoordinatorId' ? 'cc' : 'rc'}
      submitLabel={`Save the ${what}`}
      rekey
    >
      {(f) => (
        <>
          <SelectField
            {...f.select(field, { initial: current ?? '' })}
            label={`New ${what}`}
            options={[{ value: '', label: 'No one (end the assignment)' }, ...people]}
          />
          {editKindFields({ f, today })}
        </>
      )}
    </ActionForm>
  );
}
