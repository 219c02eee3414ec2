'use client';
// CTO5 Parts 1 and 3: the RC's opinion that the s3(2) criteria are met, with reasons, and the
// order revoking the CTO. Offered only after the AMHP agreed and before the 72 hours end.
import Link from 'next/link';
import { CheckboxesField, TextAreaField } from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
} from '@/components/forms/social-factors-fieldset';
import { FlowForm, type FlowAction } from './flow-form';
import type { SocialPrefill } from './social-prefill';
import { enteredList, enteredText } from './flow-state';

export function RevocationForm(props: {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
  hospitalName: string;
  social: SocialPrefill;
}) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['necessaryFor', 'necessaryFor-option'],
        ['reasons', 'reasons'],
        ['treatmentAvailable', 'treatmentAvailable-option'],
        ...socialFactorErrorFields(),
      ]}
      submitLabel="Revoke the order"
      confirmationTitle="Order revoked"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <p className="nhsuk-body">
            In my opinion (a) this patient is suffering from mental disorder of a nature or degree
            which makes it appropriate for them to receive medical treatment in a hospital, and (c)
            such treatment cannot be provided unless they are detained for medical treatment under
            the Act.
          </p>
          <CheckboxesField
            id="necessaryFor"
            name="necessaryFor"
            legend="(b) It is necessary that the patient should receive treatment in hospital for"
            error={state.fieldErrors?.necessaryFor}
            defaultValues={enteredList(state, 'necessaryFor')}
            options={[
              { value: 'HEALTH', label: 'the patient’s own health' },
              { value: 'SAFETY', label: 'the patient’s own safety' },
              { value: 'PROTECTION_OF_OTHERS', label: 'the protection of other persons' },
            ]}
          />
          <TextAreaField
            id="reasons"
            name="reasons"
            label="Your reasons, covering (a), (b) and (c)"
            hint="Describe the symptoms and behaviour, why other methods of care are not appropriate, and why informal admission is not appropriate."
            error={state.fieldErrors?.reasons}
            defaultValue={enteredText(state, 'reasons')}
            rows={6}
          />
          <CheckboxesField
            id="treatmentAvailable"
            name="treatmentAvailable"
            legend="Appropriate medical treatment"
            error={state.fieldErrors?.treatmentAvailable}
            defaultValues={enteredList(state, 'treatmentAvailable')}
            options={[
              {
                value: 'yes',
                label: `Appropriate medical treatment is available to the patient at ${props.hospitalName}`,
              },
            ]}
          />
          <SocialFactorsFieldset
            previous={props.social.previous}
            previousAssessedOn={props.social.assessedOn}
            previousAssessedBy={props.social.assessedBy}
            previousDecisionPoint={props.social.decisionPoint}
            errors={state.fieldErrors}
            values={state.values}
            decisionLabel="this revocation"
          />
        </>
      )}
    </FlowForm>
  );
}
