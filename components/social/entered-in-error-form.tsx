'use client';
// Marking a record "entered in error": a reason, never a deletion.
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { TextAreaField } from '@/components/forms/fields';
import type { enteredInErrorSchema } from '@/lib/schemas/contact';
import type { FormState } from '@/lib/schemas/form-state';

export function EnteredInErrorForm({
  action,
  what,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** 'contact', 'assessment' */
  what: string;
}) {
  return (
    <ActionForm<InputOf<typeof enteredInErrorSchema>>
      action={action}
      submitLabel="Mark as entered in error"
    >
      {(f) => (
        <TextAreaField
          {...f.text('reason')}
          label={`Why was this ${what} entered in error?`}
          hint="For example, “recorded against the wrong patient” or “duplicate of the entry for the same visit”. The record stays, struck through, with your reason."
          rows={3}
        />
      )}
    </ActionForm>
  );
}
