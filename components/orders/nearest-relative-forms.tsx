'use client';
// The nearest relative's order for discharge (recorded by the MHA office at the moment it was
// received) and the responsible clinician's barring report (M2) within the 72 hours.
import { useActionState } from 'react';
import {
  DateField,
  DateTimeField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { dateTimeErrors, dateTimeSummary, formReader, type FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  today: string;
  time: string;
}

export function NearestRelativeOrderForm({
  relatives,
  ...props
}: Common & { relatives: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ...dateTimeSummary('receivedAt', 'receivedAt'),
          ['receivedBy', 'receivedBy'],
          ['nearestRelativeId', 'nearestRelativeId'],
          ['notes', 'notes'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <DateTimeField
        id="receivedAt"
        name="receivedAt"
        legend="When did an officer authorised by the managers receive the order?"
        hint="The 72 hours run from this moment, not from when it was posted or recorded."
        defaultDate={f.date('receivedAt.date', props.today)}
        defaultTime={f.value('receivedAt.time', props.time)}
        {...dateTimeErrors(f.errors, 'receivedAt')}
      />
      <TextField
        id="receivedBy"
        name="receivedBy"
        label="Name of the officer who received it"
        defaultValue={f.value('receivedBy')}
        error={f.error('receivedBy')}
      />
      <SelectField
        id="nearestRelativeId"
        name="nearestRelativeId"
        label="Nearest relative who gave the order"
        options={[...relatives, { value: 'none', label: 'Not recorded' }]}
        defaultValue={f.value('nearestRelativeId', relatives[0]?.value ?? 'none')}
        error={f.error('nearestRelativeId')}
      />
      <TextAreaField
        id="notes"
        name="notes"
        label="Notes (optional)"
        rows={3}
        defaultValue={f.value('notes')}
        error={f.error('notes')}
      />
      <SubmitButton pending={pending}>Record the order for discharge</SubmitButton>
    </form>
  );
}

export function BarringReportForm(props: Common) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ...dateTimeSummary('furnishedAt', 'furnishedAt'),
          ['reasons', 'reasons'],
          ['nearestRelativeInformedOn', 'nearestRelativeInformedOn-day'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <TextAreaField
        id="reasons"
        name="reasons"
        label="In my opinion, if discharged the patient would be likely to act in a manner dangerous to other persons or to themselves, because"
        hint="The reasons on form M2."
        rows={6}
        defaultValue={f.value('reasons')}
        error={f.error('reasons')}
      />
      <DateTimeField
        id="furnishedAt"
        name="furnishedAt"
        legend="When did you furnish the report to the managers?"
        hint="It bars the discharge only if furnished before the 72 hours end."
        defaultDate={f.date('furnishedAt.date', props.today)}
        defaultTime={f.value('furnishedAt.time', props.time)}
        {...dateTimeErrors(f.errors, 'furnishedAt')}
      />
      <DateField
        id="nearestRelativeInformedOn"
        name="nearestRelativeInformedOn"
        legend="When was the nearest relative told? (optional)"
        hint="Their 28 days to apply to the tribunal begin on the day they are told; if blank, the day of the report is used."
        defaultValue={f.date('nearestRelativeInformedOn')}
        error={f.error('nearestRelativeInformedOn')}
      />
      <SubmitButton pending={pending}>Furnish the barring report</SubmitButton>
    </form>
  );
}
