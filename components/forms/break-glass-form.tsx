'use client';
import { TextInput, Textarea } from 'nhsuk-react-components';
import type { FormState } from '@/lib/schemas/form-state';
import { BREAK_GLASS_REASON_MIN, type requestBreakGlassSchema } from '@/lib/schemas/break-glass';
import { ActionForm } from './action-form';
import type { InputOf } from './bind';

export function BreakGlassForm({
  action,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  return (
    <ActionForm<InputOf<typeof requestBreakGlassSchema>>
      action={action}
      rekey
      submitLabel="Open the record"
    >
      {(f) => (
        <>
          <TextInput
            {...f.text('nhsNumber')}
            label="NHS number"
            hint="This is a 10 digit number, like 943 476 5919"
            inputMode="numeric"
            spellCheck={false}
            autoComplete="off"
            width={10}
          />
          <Textarea
            {...f.text('reason')}
            label="Why do you need this record now?"
            hint={`At least ${BREAK_GLASS_REASON_MIN} characters. Do not include clinical details: say what you need to do, for example “covering North duty desk, patient phoned in crisis”.`}
            rows={4}
          />
        </>
      )}
    </ActionForm>
  );
}
