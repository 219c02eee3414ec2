'use client';
// Recording a quality-of-life rating: the scale, the score within its range, who rated it.
import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import {
  DateField,
  RadiosField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { QOL_INSTRUMENT_KEYS, QOL_INSTRUMENTS } from '@/lib/schemas/quality-of-life';

const FIELDS = [
  ['ratedOn', 'ratedOn-day'],
  ['instrument', 'instrument-option'],
  ['instrumentName', 'instrumentName'],
  ['maxScore', 'maxScore'],
  ['score', 'score'],
  ['selfRated', 'selfRated-option'],
  ['notes', 'notes'],
] as const;

export function QualityOfLifeForm({
  action,
  today,
  idempotencyKey,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  today: string;
  idempotencyKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const v = (name: string) => {
    const value = state.values?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const date = state.values
    ? `${v('ratedOn.year') ?? ''}-${(v('ratedOn.month') ?? '').padStart(2, '0')}-${(v('ratedOn.day') ?? '').padStart(2, '0')}`
    : today;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={FIELDS} />
      <DateField
        id="ratedOn"
        name="ratedOn"
        legend="Date of the rating"
        hint="For example, 27 3 2026"
        defaultValue={date}
        error={errors.ratedOn}
      />
      <RadiosField
        id="instrument"
        name="instrument"
        legend="Which scale was used?"
        options={QOL_INSTRUMENT_KEYS.map((key) => ({
          value: key,
          label: QOL_INSTRUMENTS[key].label,
          hint:
            QOL_INSTRUMENTS[key].maxScore === null
              ? 'Give its name and highest possible score below'
              : `Scores from 0 to ${QOL_INSTRUMENTS[key].maxScore}; higher is better`,
        }))}
        defaultValue={v('instrument') ?? 'ReQoL-10'}
        error={errors.instrument}
      />
      <TextField
        id="instrumentName"
        name="instrumentName"
        label="Name of the scale (if another scale)"
        width={20}
        defaultValue={v('instrumentName')}
        error={errors.instrumentName}
      />
      <TextField
        id="maxScore"
        name="maxScore"
        label="Highest possible score (if another scale)"
        width={4}
        defaultValue={v('maxScore')}
        error={errors.maxScore}
      />
      <TextField
        id="score"
        name="score"
        label="Score"
        hint="The total, as a whole number. For ReQoL-10, from 0 to 40."
        width={4}
        defaultValue={v('score')}
        error={errors.score}
      />
      <RadiosField
        id="selfRated"
        name="selfRated"
        legend="Who gave the rating?"
        options={[
          { value: 'yes', label: 'The patient, filling in the questionnaire' },
          { value: 'no', label: 'A member of staff, on the patient’s behalf' },
        ]}
        defaultValue={v('selfRated') ?? 'yes'}
        error={errors.selfRated}
      />
      <TextAreaField
        id="notes"
        name="notes"
        label="Notes (optional)"
        defaultValue={v('notes')}
        error={errors.notes}
        rows={3}
      />
      <SubmissionFields idempotencyKey={idempotencyKey} />
      <SubmitButton pending={pending}>Save the rating</SubmitButton>
    </form>
  );
}
