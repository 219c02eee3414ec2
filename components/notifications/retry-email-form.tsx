'use client';
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import type { FormState } from '@/lib/schemas/form-state';
import type { retryEmailSchema } from '@/lib/schemas/notifications';

/** The administrator's "Try again" for one failed email. */
export function RetryEmailForm({
  action,
  deliveryId,
}: {
  action: ActionFor<FormState>;
  deliveryId: string;
}) {
  return (
    <ActionForm<InputOf<typeof retryEmailSchema>>
      action={action}
      hidden={{ deliveryId }}
      idPrefix={`retry-${deliveryId}`}
      showSuccess
      submitLabel={
        <>
          Try again<span className="nhsuk-u-visually-hidden"> to send email {deliveryId}</span>
        </>
      }
      submitVariant="secondary"
    >
      {() => null}
    </ActionForm>
  );
}
