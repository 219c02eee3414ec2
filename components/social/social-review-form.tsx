'use client';
// The standalone social factors review: the date and the structured assessment, pre-filled
// from the last one.
import { useActionState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import { DateField, SubmissionFields, SubmitButton } from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';

const FIELDS: readonly (readonly [string, string])[] = [
  ['assessedOn', 'assessedOn-day'],
  ...socialFactorErrorFields(),
];

function dateValue(values: FormState['values'], fallback: string): string {
  const get = (k: string) => {
    const v = values?.[`assessedOn.${k}`];
    return typeof v === 'string' ? v : '';
  };
  if (!values) return fallback;
  const [d, m, y] = [get('day'), get('month'), get('year')];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function SocialReviewForm({
  action,
  today,
  idempotencyKey,
  previous,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  today: string;
  idempotencyKey: string;
  previous: {
    assessedOn: string;
    assessedByName: string | null;
    decisionPoint: DecisionPoint;
    ratings: PreviousSocialRating[];
  } | null;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={FIELDS} />
      <DateField
        id="assessedOn"
        name="assessedOn"
        legend="Date of the review"
        hint="For example, 27 3 2026"
        defaultValue={dateValue(state.values, today)}
        error={errors.assessedOn}
      />
      <SocialFactorsFieldset
        previous={previous?.ratings}
        previousAssessedOn={previous?.assessedOn}
        previousAssessedBy={previous?.assessedByName}
        previousDecisionPoint={previous?.decisionPoint}
        errors={errors}
        values={state.values}
        decisionLabel="this review"
      />
      <SubmissionFields idempotencyKey={idempotencyKey} />
      <SubmitButton pending={pending}>Save the review</SubmitButton>
    </form>
  );
}
