'use client';
// Asking an AMHP to agree (the RC), and the AMHP's answer in their own account (CTO5 Part 2 for
// revocation, CTO7 Part 2 for a renewal (extension)).
import Link from 'next/link';
import type { InputOf } from '@/components/forms/bind';
import { RadiosField, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import type {
  amhpDecisionSchema,
  requestAmhpAgreementSchema,
} from '@/lib/schemas/orders/revocation';
import { FlowForm, type FlowFormCommon } from './flow-form';

export function AmhpRequestForm(
  props: FlowFormCommon & {
    purpose: 'EXTENSION' | 'REVOCATION';
    amhps: { value: string; label: string }[];
  },
) {
  return (
    <FlowForm<InputOf<typeof requestAmhpAgreementSchema>>
      {...props}
      hidden={{ purpose: props.purpose }}
      submitLabel="Ask the AMHP"
      confirmationTitle="AMHP asked"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <SelectField
          {...f.select('amhpId')}
          label="Approved mental health professional (AMHP)"
          hint="They will see this patient’s record until they answer, and for 28 days after."
          options={[{ value: '', label: 'Select an AMHP' }, ...props.amhps]}
        />
      )}
    </FlowForm>
  );
}

export function AmhpDecisionForm(
  props: FlowFormCommon & { agreeLabel: string; declineLabel: string; legend: string },
) {
  return (
    <FlowForm<InputOf<typeof amhpDecisionSchema>>
      {...props}
      submitLabel="Record my decision"
      confirmationTitle="Your decision is recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('decision')}
            legend={props.legend}
            options={[
              { value: 'AGREED', label: props.agreeLabel },
              { value: 'DECLINED', label: props.declineLabel },
            ]}
          />
          <TextField
            {...f.text('localAuthority')}
            label="Local social services authority you are acting on behalf of"
          />
          <TextAreaField
            {...f.text('reasons')}
            label="Your reasons"
            hint="Required if you do not agree."
          />
        </>
      )}
    </FlowForm>
  );
}
