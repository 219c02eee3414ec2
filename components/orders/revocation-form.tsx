'use client';
// CTO5 Parts 1 and 3: the RC's opinion that the s3(2) criteria are met, with reasons, and the
// order revoking the CTO. Offered only after the AMHP agreed and before the 72 hours end.
import Link from 'next/link';
import type { InputOf } from '@/components/forms/bind';
import { CheckboxesField, TextAreaField } from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type SocialPrefill,
} from '@/components/forms/social-factors-fieldset';
import type { revokeOrderSchema } from '@/lib/schemas/orders/revocation';
import { FlowForm, type FlowFormCommon } from './flow-form';

export function RevocationForm(
  props: FlowFormCommon & { hospitalName: string; social: SocialPrefill },
) {
  return (
    <FlowForm<InputOf<typeof revokeOrderSchema>>
      {...props}
      submitLabel="Revoke the order"
      confirmationTitle="Order revoked"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <p className="nhsuk-body">
            In my opinion (a) this patient is suffering from mental disorder of a nature or degree
            which makes it appropriate for them to receive medical treatment in a hospital, and (c)
            such treatment cannot be provided unless they are detained for medical treatment under
            the Act.
          </p>
          <CheckboxesField
            {...f.checkboxes('necessaryFor')}
            legend="(b) It is necessary that the patient should receive treatment in hospital for"
            options={[
              { value: 'HEALTH', label: 'the patient’s own health' },
              { value: 'SAFETY', label: 'the patient’s own safety' },
              { value: 'PROTECTION_OF_OTHERS', label: 'the protection of other persons' },
            ]}
          />
          <TextAreaField
            {...f.text('reasons')}
            label="Your reasons, covering (a), (b) and (c)"
            hint="Describe the symptoms and behaviour, why other methods of care are not appropriate, and why informal admission is not appropriate."
            rows={6}
          />
          <CheckboxesField
            {...f.checkboxes('treatmentAvailable')}
            legend="Appropriate medical treatment"
            options={[
              {
                value: 'yes',
                label: `Appropriate medical treatment is available to the patient at ${props.hospitalName}`,
              },
            ]}
          />
          <SocialFactorsFieldset
            {...f.nested(socialFactorErrorFields())}
            prefill={props.social}
            decisionLabel="this revocation"
          />
        </>
      )}
    </FlowForm>
  );
}
