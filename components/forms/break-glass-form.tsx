'use client';
import { useActionState } from 'react';
import { Button, TextInput, Textarea } from 'nhsuk-react-components';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { BREAK_GLASS_REASON_MIN } from '@/lib/schemas/break-glass';
import { FormErrorSummary } from './form-error-summary';

const FIELDS = [
  ['nhsNumber', 'nhsNumber'],
  ['reason', 'reason'],
] as const;

export function BreakGlassForm({
  action,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const value = (name: string) => {
    const v = state.values?.[name];
    return typeof v === 'string' ? v : '';
  };
  return (
    // A new key after each answer resets the uncontrolled fields to the values sent back.
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? {})}>
      <FormErrorSummary state={state} fields={FIELDS} />
      <TextInput
        id="nhsNumber"
        name="nhsNumber"
        label="NHS number"
        hint="This is a 10 digit number, like 943 476 5919"
        inputMode="numeric"
        spellCheck={false}
        autoComplete="off"
        width={10}
        defaultValue={value('nhsNumber')}
        error={errors.nhsNumber}
      />
      <Textarea
        id="reason"
        name="reason"
        label="Why do you need this record now?"
        hint={`At least ${BREAK_GLASS_REASON_MIN} characters. Do not include clinical details: say what you need to do, for example “covering North duty desk, patient phoned in crisis”.`}
        rows={4}
        defaultValue={value('reason')}
        error={errors.reason}
      />
      <Button type="submit" disabled={pending} preventDoubleClick>
        Open the record
      </Button>
    </form>
  );
}
