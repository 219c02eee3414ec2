'use client';
// CTO3: recall to hospital (s17E). The ground, the reasons, the hospital of recall, and how and
// when the notice was served; the confirmation says when it counts as served (C15).
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type { SocialPrefill } from '@/components/forms/social-factors-fieldset';
import type { serveRecallSchema } from '@/lib/schemas/orders/recall';
import { flowForm } from './flow-form';

const METHODS = [
  { value: 'HANDED_TO_PATIENT', label: 'Handed to the patient', hint: 'Served at that moment.' },
  {
    value: 'DELIVERED_TO_ADDRESS',
    label: 'Delivered by hand to their usual or last known address',
    hint: 'Served the next day.',
  },
  {
    value: 'FIRST_CLASS_POST',
    label: 'Sent by first-class post to that address',
    hint: 'Served on the second business day after posting.',
  },
  {
    value: 'EMAIL',
    label: 'Sent by email',
    hint: 'Email alone is not valid service of a recall notice.',
  },
];

export const RecallForm = flowForm<
  InputOf<typeof serveRecallSchema>,
  {
    hospitals: Choices;
    defaultHospitalId: string;
    detentionHref: string;
    social: SocialPrefill;
  }
>({
  submitLabel: 'Record the recall',
  confirmationTitle: 'Recall recorded',
  links: (props) => [[props.detentionHref, 'Record when detention in hospital began (CTO4)']],
  back: true,
  fields: (props) => [
    {
      radios: 'ground',
      legend: 'Ground for recall',
      options: {
        RISK_OF_HARM:
          'The patient requires treatment in hospital, and there would be a risk of harm without recall (section 17E(1))',
        MANDATORY_CONDITION_BREACH:
          'The patient has not made themselves available for examination as a mandatory condition requires (section 17E(2))',
      },
    },
    {
      textarea: 'reasons',
      label: 'The grounds for your opinion',
      hint: 'As on the CTO3. For a missed examination, say which examination and when.',
      rows: 5,
    },
    {
      select: 'hospitalId',
      initial: props.defaultHospitalId,
      label: 'Hospital the patient is recalled to',
      hint: 'Any hospital, not only the responsible hospital (section 17E(3)).',
      options: props.hospitals,
    },
    { radios: 'method', legend: 'How the notice was served', options: METHODS },
    { dateTime: 'servedAt', legend: 'When it was handed over, delivered or posted' },
    { social: { prefill: props.social, decisionLabel: 'this recall' } },
  ],
});
