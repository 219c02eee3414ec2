'use client';
// CTO4 (detention began), CTO6 (transfer) and release from recall: the small forms of the
// recall's later steps.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type {
  recordDetentionSchema,
  releaseFromRecallSchema,
  transferRecalledSchema,
} from '@/lib/schemas/orders/recall';
import { flowForm } from './flow-form';

export const RecallDetentionForm = flowForm<
  InputOf<typeof recordDetentionSchema>,
  { revocationHref: string; releaseHref: string }
>({
  submitLabel: 'Record the time detention began',
  confirmationTitle: 'Detention recorded: the 72 hours have started',
  links: (props) => [
    [props.revocationHref, 'Revocation (CTO5)'],
    [props.releaseHref, 'Release from recall'],
  ],
  back: true,
  fields: [
    {
      dateTime: 'detentionBeganAt',
      legend: 'When detention in hospital began',
      hint: 'The date and time the patient was detained in the hospital by virtue of the recall notice, as on the CTO4.',
    },
  ],
});

export const RecallTransferForm = flowForm<
  InputOf<typeof transferRecalledSchema>,
  { hospitals: Choices }
>({
  submitLabel: 'Record the transfer',
  confirmationTitle: 'Transfer recorded',
  back: true,
  fields: (props) => [
    {
      select: 'toHospitalId',
      label: 'Hospital the patient is transferred to',
      choose: 'Select a hospital',
      options: props.hospitals,
    },
    { dateTime: 'transferredAt', legend: 'When the patient was transferred' },
  ],
});

export const RecallReleaseForm = flowForm<InputOf<typeof releaseFromRecallSchema>>({
  submitLabel: 'Release the patient',
  confirmationTitle: 'Released from recall',
  back: true,
  fields: [{ textarea: 'reasons', label: 'Reasons (optional)' }],
});
