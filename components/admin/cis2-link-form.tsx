'use client';
// The system administrator's link between a user and their NHS CIS2 user id.
import { useActionState } from 'react';
import { Button, TextInput } from 'nhsuk-react-components';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { FormErrorSummary, FormSuccess } from '@/components/forms/form-error-summary';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export function Cis2LinkForm({
  action,
  userId,
  cis2UserId,
}: {
  action: Action;
  userId: string;
  cis2UserId: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const value = typeof state.values?.cis2UserId === 'string' ? state.values.cis2UserId : null;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={[['cis2UserId', 'cis2UserId']]} />
      <FormSuccess state={state} />
      <input type="hidden" name="userId" value={userId} />
      <TextInput
        id="cis2UserId"
        name="cis2UserId"
        label="NHS CIS2 user id"
        hint="The 12-digit user id on their smartcard or in the Care Identity Service. Leave it empty to remove the link."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        width={20}
        defaultValue={value ?? cis2UserId ?? ''}
        error={state.fieldErrors?.cis2UserId}
      />
      <Button type="submit" secondary disabled={pending} preventDoubleClick>
        Save NHS CIS2 user id
      </Button>
    </form>
  );
}
