'use client';
// Recording a quality-of-life rating: the scale, the score within its range, who rated it.
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import type { FormState } from '@/lib/schemas/form-state';
import { QOL_INSTRUMENT_KEYS, QOL_INSTRUMENTS } from '@/lib/schemas/quality-of-life';
import type { recordQualityOfLifeSchema } from '@/lib/schemas/quality-of-life';

export function QualityOfLifeForm({
  action,
  today,
  idempotencyKey,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  today: string;
  idempotencyKey: string;
}) {
  return (
    <ActionForm<InputOf<typeof recordQualityOfLifeSchema>>
      action={action}
      idempotencyKey={idempotencyKey}
      submitLabel="Save the rating"
      fields={[
        {
          date: 'ratedOn',
          legend: 'Date of the rating',
          hint: 'For example, 27 3 2026',
          initial: today,
        },
        {
          radios: 'instrument',
          legend: 'Which scale was used?',
          initial: 'ReQoL-10',
          options: QOL_INSTRUMENT_KEYS.map((key) => ({
            value: key,
            label: QOL_INSTRUMENTS[key].label,
            hint:
              QOL_INSTRUMENTS[key].maxScore === null
                ? 'Give its name and highest possible score below'
                : `Scores from 0 to ${QOL_INSTRUMENTS[key].maxScore}; higher is better`,
          })),
        },
        { text: 'instrumentName', label: 'Name of the scale (if another scale)', width: 20 },
        { text: 'maxScore', label: 'Highest possible score (if another scale)', width: 4 },
        {
          text: 'score',
          label: 'Score',
          hint: 'The total, as a whole number. For ReQoL-10, from 0 to 40.',
          width: 4,
        },
        {
          radios: 'selfRated',
          legend: 'Who gave the rating?',
          initial: 'yes',
          options: [
            { value: 'yes', label: 'The patient, filling in the questionnaire' },
            { value: 'no', label: 'A member of staff, on the patient’s behalf' },
          ],
        },
        { textarea: 'notes', label: 'Notes (optional)', rows: 3 },
      ]}
    />
  );
}
