'use client';
// CTO4 (detention began), CTO6 (transfer) and release from recall: the small forms of the
// recall's later steps.
import type { InputOf } from '@/components/forms/bind';
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
      links={[
        [props.revocationHref, 'Revocation (CTO5)'],
        [props.releaseHref, 'Release from recall'],
      ]}
      back
      fields={[
        {
          dateTime: 'detentionBeganAt',
          legend: 'When detention in hospital began',
          hint: 'The date and time the patient was detained in the hospital by virtue of the recall notice, as on the CTO4.',
        },
      ]}
    />
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
      back
      fields={[
        {
          select: 'toHospitalId',
          label: 'Hospital the patient is transferred to',
          choose: 'Select a hospital',
          options: props.hospitals,
        },
        { dateTime: 'transferredAt', legend: 'When the patient was transferred' },
      ]}
    />
  );
}

export function RecallReleaseForm(props: FlowFormCommon) {
  return (
    <FlowForm<InputOf<typeof releaseFromRecallSchema>>
      {...props}
      submitLabel="Release the patient"
      confirmationTitle="Released from recall"
      back
      fields={[{ textarea: 'reasons', label: 'Reasons (optional)' }]}
    />
  );
}
