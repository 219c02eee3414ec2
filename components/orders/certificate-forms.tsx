'use client';
// Part 4A certificates: record a CTO11 (SOAD) or CTO12 (approved clinician, capacity and
// consent); record that a CTO12 ended (consent withdrawn, capacity lost); record the first
// medication date the certificate requirement date depends on.
import { useActionState } from 'react';
import {
  CheckboxesField,
  DateField,
  RadiosField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { formReader, type FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}

export function RecordCertificateForm({ today, ...props }: Common & { today: string }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['type', 'type-option'],
          ['givenOn', 'givenOn-day'],
          ['certifierName', 'certifierName'],
          ['treatments', 'treatments'],
          ['includesEct', 'includesEct-option'],
          ['appliesOnRecall', 'appliesOnRecall-option'],
          ['onRecallTreatments', 'onRecallTreatments'],
          ['consultees', 'consultees'],
          ['capacityAndConsent', 'capacityAndConsent-option'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <RadiosField
        id="type"
        name="type"
        legend="Which certificate?"
        options={[
          {
            value: 'CTO11',
            label: 'CTO11: certificate of appropriateness given by a SOAD (section 64C(4))',
          },
          {
            value: 'CTO12',
            label:
              'CTO12: the approved clinician certifies that the patient has capacity and consents (section 64C(4A))',
          },
        ]}
        defaultValue={f.value('type')}
        error={f.error('type')}
      />
      <DateField
        id="givenOn"
        name="givenOn"
        legend="Date of the certificate"
        defaultValue={f.date('givenOn', today)}
        error={f.error('givenOn')}
      />
      <TextField
        id="certifierName"
        name="certifierName"
        label="Name of the SOAD (CTO11) or approved clinician (CTO12)"
        defaultValue={f.value('certifierName')}
        error={f.error('certifierName')}
      />
      <TextAreaField
        id="treatments"
        name="treatments"
        label="Treatments covered"
        hint="As written on the certificate: BNF categories and maximum doses."
        rows={4}
        defaultValue={f.value('treatments')}
        error={f.error('treatments')}
      />
      <RadiosField
        id="includesEct"
        name="includesEct"
        legend="Does it cover ECT?"
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        defaultValue={f.value('includesEct')}
        error={f.error('includesEct')}
      />
      <h3>CTO11 only</h3>
      <RadiosField
        id="appliesOnRecall"
        name="appliesOnRecall"
        legend="Does the certificate say treatment may be given if the patient is recalled?"
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        defaultValue={f.value('appliesOnRecall')}
        error={f.error('appliesOnRecall')}
      />
      <TextAreaField
        id="onRecallTreatments"
        name="onRecallTreatments"
        label="Treatments that may be given on recall"
        rows={3}
        defaultValue={f.value('onRecallTreatments')}
        error={f.error('onRecallTreatments')}
      />
      <TextAreaField
        id="consultees"
        name="consultees"
        label="The two people the SOAD consulted"
        hint="One not a doctor; neither the responsible clinician nor the approved clinician in charge (section 64H(3))."
        rows={2}
        defaultValue={f.value('consultees')}
        error={f.error('consultees')}
      />
      <h3>CTO12 only</h3>
      <CheckboxesField
        id="capacityAndConsent"
        name="capacityAndConsent"
        legend="Capacity and consent"
        options={[
          {
            value: 'yes',
            label:
              'The patient has capacity (or, under 16, competence) to consent to the treatment and has consented',
          },
        ]}
        defaultValues={f.values('capacityAndConsent')}
        error={f.error('capacityAndConsent')}
      />
      <SubmitButton pending={pending}>Record the certificate</SubmitButton>
    </form>
  );
}

export function EndCertificateForm({
  certificates,
  ...props
}: Common & { certificates: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['certificateId', 'certificateId'],
          ['reason', 'reason-option'],
          ['notes', 'end-notes'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <SelectField
        id="certificateId"
        name="certificateId"
        label="The CTO12"
        options={certificates}
        defaultValue={f.value('certificateId', certificates[0]?.value)}
        error={f.error('certificateId')}
      />
      <RadiosField
        id="reason"
        name="reason"
        legend="What happened?"
        options={[
          { value: 'CONSENT_WITHDRAWN', label: 'The patient withdrew consent' },
          { value: 'CAPACITY_LOST', label: 'The patient lost capacity to consent' },
        ]}
        defaultValue={f.value('reason')}
        error={f.error('reason')}
      />
      <TextAreaField
        id="end-notes"
        name="notes"
        label="Notes (optional)"
        rows={3}
        defaultValue={f.value('notes')}
        error={f.error('notes')}
      />
      <button
        className="nhsuk-button nhsuk-button--warning"
        type="submit"
        disabled={pending}
        data-prevent-double-click="true"
      >
        Record that the CTO12 no longer applies
      </button>
    </form>
  );
}

export function FirstMedicationForm(props: Common) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={[['firstMedicationOn', 'firstMedicationOn-day']]} />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <DateField
        id="firstMedicationOn"
        name="firstMedicationOn"
        legend="First day medication for mental disorder was given while liable to be detained"
        hint="In the patient’s continuous period of liability to detention (section 58(1)(b))."
        defaultValue={f.date('firstMedicationOn')}
        error={f.error('firstMedicationOn')}
      />
      <SubmitButton pending={pending}>Record the date</SubmitButton>
    </form>
  );
}
