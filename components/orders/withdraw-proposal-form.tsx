'use client';
// The responsible clinician withdraws a proposal that has not been made.
import { useActionState } from 'react';
import { SubmissionFields, TextAreaField } from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { formReader, type FormAction } from './form-support';

export function WithdrawProposalForm({
  action,
  orderId,
  version,
  idempotencyKey,
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={[['reason', 'reason']]} />
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      <input type="hidden" name="orderId" value={orderId} />
      <TextAreaField
        id="reason"
        name="reason"
        label="Why are you withdrawing the proposal?"
        hint="The reason is kept with the record. The AMHP’s request is withdrawn too."
        defaultValue={f.value('reason')}
        error={f.error('reason')}
      />
      <button
        className="nhsuk-button nhsuk-button--warning"
        type="submit"
        disabled={pending}
        data-prevent-double-click="true"
      >
        Withdraw the proposal
      </button>
    </form>
  );
}
