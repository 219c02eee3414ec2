'use client';
// The standalone social factors review: the date and the structured assessment, pre-filled
// from the last one.
import { ActionForm } from '@/components/forms/action-form';
import type { InputOf } from '@/components/forms/bind';
import { DateField } from '@/components/forms/fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import type { FormState } from '@/lib/schemas/form-state';
import type { socialReviewSchema } from '@/lib/schemas/social-factors';

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
  return (
    <ActionForm<InputOf<typeof socialReviewSchema>>
      action={action}
      idempotencyKey={idempotencyKey}
      submitLabel="Save the review"
    >
      {(f) => (
        <>
          <DateField
            {...f.date('assessedOn', { initial: today })}
            legend="Date of the review"
            hint="For example, 27 3 2026"
          />
          <SocialFactorsFieldset
            {...f.nested(socialFactorErrorFields())}
            prefill={
              previous && {
                previous: previous.ratings,
                assessedOn: previous.assessedOn,
                assessedBy: previous.assessedByName,
                decisionPoint: previous.decisionPoint,
              }
            }
            decisionLabel="this review"
          />
        </>
      )}
    </ActionForm>
  );
}
