'use client';
// CTO4 (detention began), CTO6 (transfer) and release from recall: the small forms of the
// recall's later steps.
import Link from 'next/link';
import type { InputOf } from '@/components/forms/bind';
import { DateTimeField, SelectField, TextAreaField } from '@/components/forms/fields';
import type {
  recordDetentionSchema,
  releaseFromRecallSchema,
  transferRecalledSchema,
} from '@/lib/schemas/orders/recall';
import { FlowForm, type FlowFormCommon } from './flow-form';

export function RecallDetentionForm(
  props: FlowFormCommon & { revocationHref: string; releaseHref: string },
) {
  return (
    <FlowForm<InputOf<typeof recordDetentionSchema>>
      {...props}
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
      {(f) => (
        <DateTimeField
          {...f.dateTime('detentionBeganAt')}
          legend="When detention in hospital began"
          hint="The date and time the patient was detained in the hospital by virtue of the recall notice, as on the CTO4."
        />
      )}
    </FlowForm>
  );
}

export function RecallTransferForm(
  props: FlowFormCommon & { hospitals: { value: string; label: string }[] },
) {
  return (
    <FlowForm<InputOf<typeof transferRecalledSchema>>
      {...props}
      submitLabel="Record the transfer"
      confirmationTitle="Transfer recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <SelectField
            {...f.select('toHospitalId')}
            label="Hospital the patient is transferred to"
            options={[{ value: '', label: 'Select a hospital' }, ...props.hospitals]}
          />
          <DateTimeField
            {...f.dateTime('transferredAt')}
            legend="When the patient was transferred"
          />
        </>
      )}
    </FlowForm>
  );
}

export function RecallReleaseForm(props: FlowFormCommon) {
  return (
    <FlowForm<InputOf<typeof releaseFromRecallSchema>>
      {...props}
      submitLabel="Release the patient"
      confirmationTitle="Released from recall"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => <TextAreaField {...f.text('reasons')} label="Reasons (optional)" />}
    </FlowForm>
  );
}
