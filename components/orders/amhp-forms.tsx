'use client';
// Asking an AMHP to agree (the RC), and the AMHP's answer in their own account (CTO5 Part 2 for
// revocation, CTO7 Part 2 for a renewal (extension)).
import Link from 'next/link';
import { RadiosField, SelectField, TextAreaField, TextField } from '@/components/forms/fields';
import { FlowForm, type FlowAction } from './flow-form';
import { enteredText } from './flow-state';

interface Common {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
}

export function AmhpRequestForm(
  props: Common & {
    purpose: 'EXTENSION' | 'REVOCATION';
    amhps: { value: string; label: string }[];
  },
) {
  return (
    <FlowForm
      {...props}
      hidden={{ purpose: props.purpose }}
      fields={[['amhpId', 'amhpId']]}
      submitLabel="Ask the AMHP"
      confirmationTitle="AMHP asked"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <SelectField
          id="amhpId"
          name="amhpId"
          label="Approved mental health professional (AMHP)"
          hint="They will see this patient’s record until they answer, and for 28 days after."
          error={state.fieldErrors?.amhpId}
          options={[{ value: '', label: 'Select an AMHP' }, ...props.amhps]}
          defaultValue={enteredText(state, 'amhpId') ?? ''}
        />
      )}
    </FlowForm>
  );
}

export function AmhpDecisionForm(
  props: Common & { agreeLabel: string; declineLabel: string; legend: string },
) {
  return (
    <FlowForm
      {...props}
      fields={[
        ['decision', 'decision-option'],
        ['localAuthority', 'localAuthority'],
        ['reasons', 'reasons'],
      ]}
      submitLabel="Record my decision"
      confirmationTitle="Your decision is recorded"
      next={<Link href={props.patientHref}>Back to the patient</Link>}
    >
      {(state) => (
        <>
          <RadiosField
            id="decision"
            name="decision"
            legend={props.legend}
            error={state.fieldErrors?.decision}
            defaultValue={enteredText(state, 'decision')}
            options={[
              { value: 'AGREED', label: props.agreeLabel },
              { value: 'DECLINED', label: props.declineLabel },
            ]}
          />
          <TextField
            id="localAuthority"
            name="localAuthority"
            label="Local social services authority you are acting on behalf of"
            error={state.fieldErrors?.localAuthority}
            defaultValue={enteredText(state, 'localAuthority')}
          />
          <TextAreaField
            id="reasons"
            name="reasons"
            label="Your reasons"
            hint="Required if you do not agree."
            error={state.fieldErrors?.reasons}
            defaultValue={enteredText(state, 'reasons')}
          />
        </>
      )}
    </FlowForm>
  );
}
