'use client';
// Marking a record "entered in error": a reason, never a deletion.
import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { SubmitButton, TextAreaField } from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';

const FIELDS = [['reason', 'reason']] as const;

export function EnteredInErrorForm({
  action,
  what,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** 'contact', 'assessment' */
  what: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const reason = state.values?.reason;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={FIELDS} />
      <TextAreaField
        id="reason"
        name="reason"
        label={`Why was this ${what} entered in error?`}
        hint="For example, “recorded against the wrong patient” or “duplicate of the entry for the same visit”. The record stays, struck through, with your reason."
        defaultValue={typeof reason === 'string' ? reason : undefined}
        error={state.fieldErrors?.reason}
        rows={3}
      />
      <SubmitButton pending={pending}>Mark as entered in error</SubmitButton>
    </form>
  );
}
