'use client';
// s132A: rights information given to the patient (orally and in writing) and to the nearest
// relative unless the patient objects, after the event that required it.
import { useActionState } from 'react';
import {
  CheckboxesField,
  DateTimeField,
  RadiosField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { UNDERSTANDING_LEVELS } from '@/lib/schemas/orders/rights';
import { dateTimeErrors, dateTimeSummary, formReader, type FormAction } from './form-support';

export function RightsInformationForm({
  action,
  orderId,
  version,
  idempotencyKey,
  occasions,
  today,
  time,
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  occasions: { value: string; label: string; hint?: string }[];
  today: string;
  time: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['occasion', 'occasion-option'],
          ['givenOrally', 'givenOrally-option'],
          ...dateTimeSummary('givenOrallyAt', 'givenOrallyAt'),
          ['givenInWriting', 'givenInWriting-option'],
          ...dateTimeSummary('givenInWritingAt', 'givenInWritingAt'),
          ['understanding', 'understanding-option'],
          ['patientObjectsToNearestRelative', 'patientObjectsToNearestRelative-option'],
          ...dateTimeSummary('nearestRelativeInformedAt', 'nearestRelativeInformedAt'),
          ['notes', 'notes'],
        ]}
      />
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      <input type="hidden" name="orderId" value={orderId} />
      <RadiosField
        id="occasion"
        name="occasion"
        legend="What was the information given after?"
        options={occasions}
        defaultValue={f.value('occasion', occasions[0]?.value)}
        error={f.error('occasion')}
      />
      <CheckboxesField
        id="givenOrally"
        name="givenOrally"
        legend="Given orally"
        options={[{ value: 'yes', label: 'The information was given orally' }]}
        defaultValues={f.values('givenOrally')}
        error={f.error('givenOrally')}
      />
      <DateTimeField
        id="givenOrallyAt"
        name="givenOrallyAt"
        legend="When was it given orally?"
        defaultDate={f.date('givenOrallyAt.date', today)}
        defaultTime={f.value('givenOrallyAt.time', time)}
        {...dateTimeErrors(f.errors, 'givenOrallyAt')}
      />
      <CheckboxesField
        id="givenInWriting"
        name="givenInWriting"
        legend="Given in writing"
        options={[{ value: 'yes', label: 'The information was given in writing' }]}
        defaultValues={f.values('givenInWriting')}
        error={f.error('givenInWriting')}
      />
      <DateTimeField
        id="givenInWritingAt"
        name="givenInWritingAt"
        legend="When was it given in writing?"
        defaultDate={f.date('givenInWritingAt.date', today)}
        defaultTime={f.value('givenInWritingAt.time', time)}
        {...dateTimeErrors(f.errors, 'givenInWritingAt')}
      />
      <RadiosField
        id="understanding"
        name="understanding"
        legend="How well did the patient understand?"
        options={UNDERSTANDING_LEVELS.map((u) => ({ value: u.value, label: u.label }))}
        defaultValue={f.value('understanding')}
        error={f.error('understanding')}
      />
      <RadiosField
        id="patientObjectsToNearestRelative"
        name="patientObjectsToNearestRelative"
        legend="Does the patient object to the nearest relative being given the information?"
        inline
        options={[
          { value: 'no', label: 'No' },
          { value: 'yes', label: 'Yes' },
        ]}
        defaultValue={f.value('patientObjectsToNearestRelative')}
        error={f.error('patientObjectsToNearestRelative')}
      />
      <DateTimeField
        id="nearestRelativeInformedAt"
        name="nearestRelativeInformedAt"
        legend="When was the nearest relative told? (leave blank if not told)"
        defaultDate={f.date('nearestRelativeInformedAt.date')}
        defaultTime={f.value('nearestRelativeInformedAt.time')}
        {...dateTimeErrors(f.errors, 'nearestRelativeInformedAt')}
      />
      <TextAreaField
        id="notes"
        name="notes"
        label="Notes (optional)"
        rows={3}
        defaultValue={f.value('notes')}
        error={f.error('notes')}
      />
      <SubmitButton pending={pending}>Record the rights information</SubmitButton>
    </form>
  );
}
