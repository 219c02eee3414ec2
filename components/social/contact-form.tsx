'use client';
// Recording a contact with the patient, and the care activities done with it.
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import type { FormState } from '@/lib/schemas/form-state';
import { SelectField, TextField } from '@/components/forms/fields';
import { CARE_ACTIVITY_KIND_LABELS, CONTACT_MODE_LABELS } from '@/lib/codes/labels';
import { CARE_ACTIVITY_KINDS, CONTACT_ACTIVITY_ROWS, CONTACT_MODES } from '@/lib/schemas/contact';
import type { recordContactSchema } from '@/lib/schemas/contact';

const ROWS = Array.from({ length: CONTACT_ACTIVITY_ROWS }, (_, i) => i);

const MODE_HINTS: Partial<Record<(typeof CONTACT_MODES)[number], string>> = {
  DID_NOT_ATTEND: 'The patient did not come to an arranged appointment',
  NO_ACCESS: 'You visited their home and no one answered',
};

export function ContactForm({
  action,
  today,
  nowTime,
  idempotencyKey,
  initialState,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  today: string;
  nowTime: string;
  idempotencyKey: string;
  /** The state to start from (the tests draw a refused form with it). */
  initialState?: FormState;
}) {
  return (
    <ActionForm<InputOf<typeof recordContactSchema>>
      action={action}
      idempotencyKey={idempotencyKey}
      initialState={initialState}
      submitLabel="Save the contact"
      fields={[
        {
          dateTime: 'occurredAt',
          legend: 'When was the contact?',
          initial: { date: today, time: nowTime },
        },
        {
          radios: 'mode',
          legend: 'How did it happen?',
          options: CONTACT_MODES.map((m) => ({
            value: m,
            label: CONTACT_MODE_LABELS[m],
            hint: MODE_HINTS[m],
          })),
        },
        {
          text: 'durationMinutes',
          label: 'How long was it, in minutes? (optional)',
          hint: 'For example, 45. Leave it empty if the contact did not happen.',
          width: 3,
        },
        { yesNo: 'withCarer', legend: 'Was a carer or relative there?', initial: 'no' },
        {
          textarea: 'summary',
          label: 'Summary of the contact',
          hint: 'What happened, how the patient was, and anything agreed. Do not copy in other people’s personal details.',
          rows: 5,
        },
      ]}
    >
      {(f) => (
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
                {...f.select(`activities.${i}.kind`)}
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
              />
              <TextField
                {...f.text(`activities.${i}.description`)}
                label={
                  <>
                    What was done
                    <span className="nhsuk-u-visually-hidden"> in activity {i + 1}</span>
                  </>
                }
              />
            </div>
          ))}
        </fieldset>
      )}
    </ActionForm>
  );
}
