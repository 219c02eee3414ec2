'use client';
// CTO1 Part 2: the AMHP agrees (criteria, appropriateness, each discretionary condition) or
// declines with reasons. A decline ends this attempt to make the order.
import { useActionState } from 'react';
import {
  CheckboxesField,
  RadiosField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { formReader, type FormAction } from './form-support';

const FIELDS: [string, string][] = [
  ['decision', 'decision-option'],
  ['criteriaMet', 'criteriaMet-option'],
  ['appropriate', 'appropriate-option'],
  ['agreedConditionIds', 'agreedConditionIds-option'],
  ['localAuthority', 'localAuthority'],
  ['approvedBy', 'approvedBy'],
  ['reasons', 'reasons'],
];

export function MakingAgreementForm({
  action,
  orderId,
  version,
  idempotencyKey,
  discretionary,
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  discretionary: { id: string; wording: string; purpose: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={FIELDS} />
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      <input type="hidden" name="orderId" value={orderId} />
      <h2>Part 2: your decision as AMHP</h2>
      <RadiosField
        id="decision"
        name="decision"
        legend="Do you agree that the order should be made?"
        options={[
          { value: 'AGREE', label: 'I agree' },
          {
            value: 'DECLINE',
            label: 'I do not agree',
            hint: 'The order is not made. Your reasons are kept with the record.',
          },
        ]}
        defaultValue={f.value('decision')}
        error={f.error('decision')}
      />
      <CheckboxesField
        id="criteriaMet"
        name="criteriaMet"
        legend="(a) The criteria"
        options={[
          {
            value: 'yes',
            label:
              'I agree that the patient meets the criteria for a community treatment order to be made',
          },
        ]}
        defaultValues={f.values('criteriaMet')}
        error={f.error('criteriaMet')}
      />
      <CheckboxesField
        id="appropriate"
        name="appropriate"
        legend="(b) Appropriateness"
        options={[
          {
            value: 'yes',
            label: 'I agree that it is appropriate to make a community treatment order',
          },
        ]}
        defaultValues={f.values('appropriate')}
        error={f.error('appropriate')}
      />
      {discretionary.length > 0 ? (
        <CheckboxesField
          id="agreedConditionIds"
          name="agreedConditionIds"
          legend="(c) The conditions under section 17B(2) you agree are necessary or appropriate"
          hint="Tick each condition you agree. The order cannot be made with a condition you do not agree."
          options={discretionary.map((c) => ({ value: c.id, label: c.wording, hint: c.purpose }))}
          defaultValues={f.values('agreedConditionIds')}
          error={f.error('agreedConditionIds')}
        />
      ) : (
        <p>There are no discretionary conditions to agree.</p>
      )}
      <TextField
        id="localAuthority"
        name="localAuthority"
        label="The local social services authority you act on behalf of"
        defaultValue={f.value('localAuthority')}
        error={f.error('localAuthority')}
      />
      <TextField
        id="approvedBy"
        name="approvedBy"
        label="The authority that approved you as an AMHP, if different (optional)"
        defaultValue={f.value('approvedBy')}
        error={f.error('approvedBy')}
      />
      <TextAreaField
        id="reasons"
        name="reasons"
        label="Your reasons"
        hint="Required if you do not agree."
        rows={5}
        defaultValue={f.value('reasons')}
        error={f.error('reasons')}
      />
      <SubmitButton pending={pending}>Sign Part 2</SubmitButton>
    </form>
  );
}
