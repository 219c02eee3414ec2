'use client';
// CTO1 Part 3: the responsible clinician makes the order, with the date and time it is signed
// and the date and time it is effective from. lib/cto's warnings are shown for confirmation.
import { useActionState } from 'react';
import { DateTimeField, SubmissionFields, SubmitButton } from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import type { FormState } from '@/lib/schemas/form-state';
import { dateTimeErrors, dateTimeSummary, formReader, WarningList } from './form-support';

export type MakeFormState = FormState & { confirm?: boolean; warnings?: string[] };

const FIELDS: [string, string][] = [
  ...dateTimeSummary('signedAt', 'signedAt'),
  ...dateTimeSummary('effectiveAt', 'effectiveAt'),
];

export function MakeOrderForm({
  action,
  orderId,
  version,
  idempotencyKey,
  today,
  time,
}: {
  action: (state: MakeFormState, form: FormData) => Promise<MakeFormState>;
  orderId: string;
  version: number;
  idempotencyKey: string;
  /** Defaults: now, in the UK. */
  today: string;
  time: string;
}) {
  const [state, formAction, pending] = useActionState(action, {} as MakeFormState);
  const f = formReader(state);
  const confirming = state.confirm === true;
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={confirming ? {} : state} fields={FIELDS} />
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      <input type="hidden" name="orderId" value={orderId} />
      {confirming ? (
        <>
          <WarningList title="Check before you make the order" warnings={state.warnings ?? []} />
          <input type="hidden" name="confirmed" value="yes" />
        </>
      ) : null}
      <DateTimeField
        id="signedAt"
        name="signedAt"
        legend="When you sign Part 3"
        defaultDate={f.date('signedAt.date', today)}
        defaultTime={f.value('signedAt.time', time)}
        {...dateTimeErrors(f.errors, 'signedAt')}
      />
      <DateTimeField
        id="effectiveAt"
        name="effectiveAt"
        legend="The order is effective from"
        hint="The date and time stated in Part 3. It cannot be before you sign. If it is later, the order takes effect then."
        defaultDate={f.date('effectiveAt.date', today)}
        defaultTime={f.value('effectiveAt.time', time)}
        {...dateTimeErrors(f.errors, 'effectiveAt')}
      />
      <SubmitButton pending={pending}>
        {confirming ? 'Confirm and make the order' : 'Make the order'}
      </SubmitButton>
    </form>
  );
}
