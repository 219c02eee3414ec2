'use client';
// CTO4 (detention began), CTO6 (transfer) and release from recall: the small forms of the
// recall's later steps.
import Link from 'next/link';
import { DateTimeField, SelectField, TextAreaField } from '@/components/forms/fields';
import { FlowForm, type FlowAction } from './flow-form';
import { dateTimeErrorLinks, enteredDate, enteredText } from './flow-state';

interface Common {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
}

export function RecallDetentionForm(
  props: Common & { revocationHref: string; releaseHref: string },
) {
  return (
    <FlowForm
      {...props}
      fields={dateTimeErrorLinks('detentionBeganAt', 'detentionBeganAt')}
      submitLabel="Record the time detention began"
      confirmationTitle="Detention recorded: the 72 hours have started"
      next={
        <ul className="nhsuk-list">
          <li>
            <Link href={props.revocationHref}>Revocation (CTO5)</Link>
          </li>
          <li>
            <Link href={props.releaseHref}>Release from recall</Link>
          </li>
          <li>
            <Link href={props.patientHref}>Back to the patient</Link>
          </li>
        </ul>
      }
    >
      {(state) => (
        <DateTimeField
          id="detentionBeganAt"
          name="detentionBeganAt"
          legend="When detention in hospital began"
          hint="The date and time the patient was detained in the hospital by virtue of the recall notice, as on the CTO4."
          dateError={state.fieldErrors?.['detentionBeganAt.date']}
          timeError={state.fieldErrors?.['detentionBeganAt.time']}
          defaultDate={enteredDate(state, 'detentionBeganAt.date')}
          defaultTime={enteredText(state, 'detentionBeganAt.time')}
        />
      )}
    </FlowForm>
  );
}

export function RecallTransferForm(
  props: Common & { hospitals: { value: string; label: string }[] },
) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['toHospitalId', 'toHospitalId'],
        ...dateTimeErrorLinks('transferredAt', 'transferredAt'),
      ]}
      submitLabel="Record the transfer"
      confirmationTitle="Transfer recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <SelectField
            id="toHospitalId"
            name="toHospitalId"
            label="Hospital the patient is transferred to"
            error={state.fieldErrors?.toHospitalId}
            options={[{ value: '', label: 'Select a hospital' }, ...props.hospitals]}
            defaultValue={enteredText(state, 'toHospitalId') ?? ''}
          />
          <DateTimeField
            id="transferredAt"
            name="transferredAt"
            legend="When the patient was transferred"
            dateError={state.fieldErrors?.['transferredAt.date']}
            timeError={state.fieldErrors?.['transferredAt.time']}
            defaultDate={enteredDate(state, 'transferredAt.date')}
            defaultTime={enteredText(state, 'transferredAt.time')}
          />
        </>
      )}
    </FlowForm>
  );
}

export function RecallReleaseForm(props: Common) {
  return (
    <FlowForm
      {...props}
      fields={[['reasons', 'reasons']]}
      submitLabel="Release the patient"
      confirmationTitle="Released from recall"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <TextAreaField
          id="reasons"
          name="reasons"
          label="Reasons (optional)"
          error={state.fieldErrors?.reasons}
          defaultValue={enteredText(state, 'reasons')}
        />
      )}
    </FlowForm>
  );
}
