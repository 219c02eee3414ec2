'use client';
// The shell of every order-flow form (issue 5 part B): useActionState, the NHS error summary
// with links to the fields, and after success a confirmation that stays on screen while the
// page behind it refreshes (so the law's new view of the order shows at once).
import { useActionState, type ReactNode } from 'react';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { SubmissionFields } from '@/components/forms/fields';
import { WarningCallout } from '@/components/ui/warning-callout';
import { Countdown } from './countdown';
import { EMPTY_FLOW_STATE, type FlowState } from './flow-state';

export type FlowAction = (state: FlowState, form: FormData) => Promise<FlowState>;

export function FlowForm({
  action,
  orderId,
  version,
  idempotencyKey,
  fields,
  submitLabel,
  confirmationTitle,
  next,
  children,
  hidden,
  warning,
  unavailable,
}: {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  /** [field name, id of the input to focus] in page order, for the error summary. */
  fields: readonly (readonly [string, string])[];
  submitLabel: string;
  confirmationTitle: string;
  /** Links shown after success (what to do next). */
  next?: ReactNode;
  /** The fields: a function of the state, to show errors and entered values. */
  children: (state: FlowState) => ReactNode;
  hidden?: Record<string, string>;
  /** Shown above the button (e.g. what the submission will do). */
  warning?: ReactNode;
  /** The law's reason this step cannot be recorded now: shown instead of the form. */
  unavailable?: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FLOW_STATE);
  if (state.ok) {
    return (
      <div role="status">
        <div className="nhsuk-panel nhsuk-panel--confirmation app-flow-confirmation">
          <h2 className="nhsuk-panel__title">{confirmationTitle}</h2>
          {state.message ? <div className="nhsuk-panel__body">{state.message}</div> : null}
        </div>
        {state.details?.map((line) => (
          <p className="nhsuk-body" key={line}>
            {line}
          </p>
        ))}
        {state.deadline ? <Countdown deadline={state.deadline} /> : null}
        {state.warnings?.map((line) => (
          <WarningCallout key={line} label="Check this" headingLevel={3}>
            <p>{line}</p>
          </WarningCallout>
        ))}
        {next}
      </div>
    );
  }
  if (unavailable) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{unavailable}</p>
      </div>
    );
  }
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={fields} />
      <input type="hidden" name="orderId" value={orderId} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <SubmissionFields version={version} idempotencyKey={idempotencyKey} />
      {children(state)}
      {warning}
      <button
        className="nhsuk-button"
        type="submit"
        disabled={pending}
        data-prevent-double-click="true"
      >
        {submitLabel}
      </button>
    </form>
  );
}
