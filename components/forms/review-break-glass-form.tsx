'use client';
import { Textarea } from 'nhsuk-react-components';
import type { FormState } from '@/lib/schemas/form-state';
import type { reviewBreakGlassSchema } from '@/lib/schemas/break-glass';
import { ActionForm } from './action-form';
import type { InputOf } from './bind';

export function ReviewBreakGlassForm({
  breakGlassId,
  action,
}: {
  breakGlassId: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  return (
    <ActionForm<InputOf<typeof reviewBreakGlassSchema>>
      action={action}
      hidden={{ breakGlassId }}
      rekey
      showSuccess
      submitLabel="Mark as reviewed"
    >
      {(f) => (
        <Textarea
          {...f.text('notes')}
          label="Review notes"
          hint="What you checked and what you found, for example “confirmed with the duty rota: legitimate”."
          rows={4}
        />
      )}
    </ActionForm>
  );
}
