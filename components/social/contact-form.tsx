'use client';
// Recording a contact with the patient, and the care activities done with it.
import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import {
  DateTimeField,
  RadiosField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { CARE_ACTIVITY_KIND_LABELS, CONTACT_MODE_LABELS } from '@/lib/codes/labels';
import { CARE_ACTIVITY_KINDS, CONTACT_ACTIVITY_ROWS, CONTACT_MODES } from '@/lib/schemas/contact';

const ROWS = Array.from({ length: CONTACT_ACTIVITY_ROWS }, (_, i) => i);

const FIELDS: readonly (readonly [string, string])[] = [
  ['occurredAt.date', 'occurredAt-date-day'],
  ['occurredAt', 'occurredAt-date-day'],
  ['occurredAt.time', 'occurredAt-time'],
  ['mode', 'mode-option'],
  ['durationMinutes', 'durationMinutes'],
  ['withCarer', 'withCarer-option'],
  ['summary', 'summary'],
  ...ROWS.flatMap((i) => [
    [`activities.${i}.kind`, `activities-${i}-kind`] as const,
    [`activities.${i}.description`, `activities-${i}-description`] as const,
  ]),
];

const MODE_HINTS: Partial<Record<(typeof CONTACT_MODES)[number], string>> = {
  DID_NOT_ATTEND: 'The patient did not come to an arranged appointment',
  NO_ACCESS: 'You visited their home and no one answered',
};

export function ContactForm({
  action,
  today,
  nowTime,
  idempotencyKey,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  today: string;
  nowTime: string;
  idempotencyKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const v = (name: string) => {
    const value = state.values?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const date = state.values
    ? `${v('occurredAt.date.year') ?? ''}-${(v('occurredAt.date.month') ?? '').padStart(2, '0')}-${(v('occurredAt.date.day') ?? '').padStart(2, '0')}`
    : today;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={FIELDS} />
      <DateTimeField
        id="occurredAt"
        name="occurredAt"
        legend="When was the contact?"
        dateError={errors['occurredAt.date'] ?? errors.occurredAt}
        timeError={errors['occurredAt.time']}
        defaultDate={date}
        defaultTime={state.values ? v('occurredAt.time') : nowTime}
      />
      <RadiosField
        id="mode"
        name="mode"
        legend="How did it happen?"
        options={CONTACT_MODES.map((m) => ({
          value: m,
          label: CONTACT_MODE_LABELS[m],
          hint: MODE_HINTS[m],
        }))}
        defaultValue={v('mode')}
        error={errors.mode}
      />
      <TextField
        id="durationMinutes"
        name="durationMinutes"
        label="How long was it, in minutes? (optional)"
        hint="For example, 45. Leave it empty if the contact did not happen."
        width={3}
        defaultValue={v('durationMinutes')}
        error={errors.durationMinutes}
      />
      <RadiosField
        id="withCarer"
        name="withCarer"
        legend="Was a carer or relative there?"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        defaultValue={v('withCarer') ?? 'no'}
        error={errors.withCarer}
        inline
      />
      <TextAreaField
        id="summary"
        name="summary"
        label="Summary of the contact"
        hint="What happened, how the patient was, and anything agreed. Do not copy in other people’s personal details."
        defaultValue={v('summary')}
        error={errors.summary}
        rows={5}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          Care activities at this contact (optional)
        </legend>
        <div className="nhsuk-hint">
          For example, help with a benefits claim, a referral to advocacy, going to a group
          together. Leave the rows you do not need empty.
        </div>
        {ROWS.map((i) => (
          <div key={i} className="nhsuk-u-margin-bottom-4">
            <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">Activity {i + 1}</h3>
            <SelectField
              id={`activities-${i}-kind`}
              name={`activities.${i}.kind`}
              label={
                <>
                  Kind of activity<span className="nhsuk-u-visually-hidden"> {i + 1}</span>
                </>
              }
              options={[
                { value: '', label: 'Choose a kind' },
                ...CARE_ACTIVITY_KINDS.map((k) => ({
                  value: k,
                  label: CARE_ACTIVITY_KIND_LABELS[k],
                })),
              ]}
              defaultValue={v(`activities.${i}.kind`) ?? ''}
              error={errors[`activities.${i}.kind`]}
            />
            <TextField
              id={`activities-${i}-description`}
              name={`activities.${i}.description`}
              label={
                <>
                  What was done<span className="nhsuk-u-visually-hidden"> in activity {i + 1}</span>
                </>
              }
              defaultValue={v(`activities.${i}.description`)}
              error={errors[`activities.${i}.description`]}
            />
          </div>
        ))}
      </fieldset>
      <SubmissionFields idempotencyKey={idempotencyKey} />
      <SubmitButton pending={pending}>Save the contact</SubmitButton>
    </form>
  );
}
