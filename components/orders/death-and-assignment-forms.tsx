'use client';
// The patient's death; and the assignment of responsibility to another hospital (CTO10, s19A).
import { useActionState } from 'react';
import {
  DateField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { formReader, type FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  today: string;
}

export function RecordDeathForm(props: Common) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['diedOn', 'diedOn-day'],
          ['notes', 'notes'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <DateField
        id="diedOn"
        name="diedOn"
        legend="Date of death"
        defaultValue={f.date('diedOn')}
        error={f.error('diedOn')}
      />
      <TextAreaField
        id="notes"
        name="notes"
        label="Notes (optional)"
        hint="For example, how the team was told. The CQC must be notified."
        rows={3}
        defaultValue={f.value('notes')}
        error={f.error('notes')}
      />
      <SubmitButton pending={pending}>Record the death</SubmitButton>
    </form>
  );
}

export function AssignResponsibilityForm({
  hospitals,
  ...props
}: Common & { hospitals: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['toHospitalId', 'toHospitalId'],
          ['receivingAgreedOn', 'receivingAgreedOn-day'],
          ['assignedOn', 'assignedOn-day'],
          ['notes', 'notes'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <SelectField
        id="toHospitalId"
        name="toHospitalId"
        label="The hospital that will be responsible"
        options={[{ value: '', label: 'Choose a hospital' }, ...hospitals]}
        defaultValue={f.value('toHospitalId')}
        error={f.error('toHospitalId')}
      />
      <DateField
        id="receivingAgreedOn"
        name="receivingAgreedOn"
        legend="Date the managers of that hospital agreed"
        defaultValue={f.date('receivingAgreedOn', props.today)}
        error={f.error('receivingAgreedOn')}
      />
      <DateField
        id="assignedOn"
        name="assignedOn"
        legend="Date of the assignment"
        hint="The date the receiving managers specified (regulation 17(3)(c))."
        defaultValue={f.date('assignedOn', props.today)}
        error={f.error('assignedOn')}
      />
      <TextAreaField
        id="notes"
        name="notes"
        label="Notes (optional)"
        rows={3}
        defaultValue={f.value('notes')}
        error={f.error('notes')}
      />
      <SubmitButton pending={pending}>Assign responsibility</SubmitButton>
    </form>
  );
}
