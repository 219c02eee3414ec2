'use client';
// CTO5 Parts 1 and 3: the RC's opinion that the s3(2) criteria are met, with reasons, and the
// order revoking the CTO. Offered only after the AMHP agreed and before the 72 hours end.
import type { InputOf } from '@/components/forms/bind';
import type { SocialPrefill } from '@/components/forms/social-factors-fieldset';
import type { revokeOrderSchema } from '@/lib/schemas/orders/revocation';
import { necessaryFor } from './common-fields';
import { flowForm } from './flow-form';

export const RevocationForm = flowForm<
  InputOf<typeof revokeOrderSchema>,
  { hospitalName: string; social: SocialPrefill }
>({
  submitLabel: 'Revoke the order',
  confirmationTitle: 'Order revoked',
  back: true,
  fields: (props) => [
    <p className="nhsuk-body" key="opinion">
      In my opinion (a) this patient is suffering from mental disorder of a nature or degree which
      makes it appropriate for them to receive medical treatment in a hospital, and (c) such
      treatment cannot be provided unless they are detained for medical treatment under the Act.
    </p>,
    {
      checkboxes: 'necessaryFor',
      legend: '(b) It is necessary that the patient should receive treatment in hospital for',
      options: necessaryFor(true),
    },
    {
      textarea: 'reasons',
      label: 'Your reasons, covering (a), (b) and (c)',
      hint: 'Describe the symptoms and behaviour, why other methods of care are not appropriate, and why informal admission is not appropriate.',
      rows: 6,
    },
    {
      tick: 'treatmentAvailable',
      legend: 'Appropriate medical treatment',
      label: `Appropriate medical treatment is available to the patient at ${props.hospitalName}`,
    },
    { social: { prefill: props.social, decisionLabel: 'this revocation' } },
  ],
});
