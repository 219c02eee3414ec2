'use client';
import { useActionState } from 'react';
import { Button, Textarea } from 'nhsuk-react-components';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { FormErrorSummary, FormSuccess } from './form-error-summary';

const FIELDS = [['notes', 'notes']] as const;

export function ReviewBreakGlassForm({
  breakGlassId,
  action,
}: {
  breakGlassId: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const notes = typeof state.values?.notes === 'string' ? state.values.notes : '';
  return (
    // A new key after each answer resets the uncontrolled fields to the values sent back.
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? {})}>
      <FormErrorSummary state={state} fields={FIELDS} />
      <FormSuccess state={state} />
      <input type="hidden" name="breakGlassId" value={breakGlassId} />
      <Textarea
        id="notes"
        name="notes"
        label="Review notes"
        hint="What you checked and what you found, for example “confirmed with the duty rota: legitimate”."
        rows={4}
        defaultValue={notes}
        error={state.fieldErrors?.notes}
      />
      <Button type="submit" disabled={pending} preventDoubleClick>
        Mark as reviewed
      </Button>
    </form>
  );
}
