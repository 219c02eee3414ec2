'use client';
// The inbox's forms (issue 8 §3), each through the binding inside ActionForm: mark one
// notification read, mark all those shown read, and the choice of emails.
import { ActionForm, type ActionFor } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { RadiosField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import {
  EMAIL_PREFERENCE_LABELS,
  EMAIL_PREFERENCES,
  type markAllReadSchema,
  type markNotificationReadSchema,
  type notificationPreferencesSchema,
  type EmailPreferenceValue,
} from '@/lib/schemas/notifications';

type Action = ActionFor<FormState>;

export function MarkReadForm({
  action,
  notificationId,
  title,
}: {
  action: Action;
  notificationId: string;
  title: string;
}) {
  return (
    <ActionForm<InputOf<typeof markNotificationReadSchema>>
      action={action}
      hidden={{ notificationId }}
      idPrefix={`read-${notificationId}`}
      submitLabel={
        <>
          Mark as read<span className="nhsuk-u-visually-hidden">: {title}</span>
        </>
      }
      submitVariant="secondary"
    >
      {() => null}
    </ActionForm>
  );
}

export function MarkAllReadForm({ action, upTo }: { action: Action; upTo: string }) {
  return (
    <ActionForm<InputOf<typeof markAllReadSchema>>
      action={action}
      hidden={{ upTo }}
      idPrefix="read-all"
      showSuccess
      submitLabel="Mark all as read"
      submitVariant="secondary"
    >
      {() => null}
    </ActionForm>
  );
}

export function EmailPreferenceForm({
  action,
  current,
}: {
  action: Action;
  current: EmailPreferenceValue;
}) {
  return (
    <ActionForm<InputOf<typeof notificationPreferencesSchema>>
      action={action}
      showSuccess
      rekey
      submitLabel="Save your choice"
    >
      {(f) => (
        <RadiosField
          {...f.radios('email', { initial: current })}
          legend="When should CTO Tracker email you?"
          hint="Emails never name a patient: they say that something is waiting and link to your inbox."
          options={EMAIL_PREFERENCES.map((value) => ({
            value,
            label: EMAIL_PREFERENCE_LABELS[value].label,
            hint: EMAIL_PREFERENCE_LABELS[value].hint,
          }))}
        />
      )}
    </ActionForm>
  );
}
