'use client';
// The shell of every order-flow form (issue 5 part B): the form (../forms/action-form.tsx: the
// NHS error summary with links to the fields, in page order) and after success a confirmation
// that stays on screen while the page behind it refreshes (so the law's new view of the order
// shows at once).
import type { ReactNode } from 'react';
import { ActionForm, type ActionFormProps } from '@/components/forms/action-form';
import type { FormState } from '@/lib/schemas/form-state';
import type { FormBinding } from '@/components/forms/bind';
import { WarningCallout } from '@/components/ui/warning-callout';
import { Countdown } from './countdown';
import type { FlowState } from './flow-state';

export type FlowAction = (state: FlowState, form: FormData) => Promise<FlowState>;

/** The props every order-flow form takes from its page. */
export interface FlowFormCommon {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  unavailable?: string | null;
  patientHref: string;
  /** The state to start from (the tests draw a refused form with it). */
  initialState?: FlowState;
}

function Confirmation({
  state,
  title,
  next,
}: {
  state: FlowState;
  title: string;
  next?: ReactNode;
}) {
  return (
    <div role="status">
      <div className="nhsuk-panel nhsuk-panel--confirmation app-flow-confirmation">
        <h2 className="nhsuk-panel__title">{title}</h2>
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

export function FlowForm<T = unknown>({
  action,
  orderId,
  version,
  idempotencyKey,
  submitLabel,
  confirmationTitle,
  next,
  children,
  hidden,
  idPrefix,
  warning,
  unavailable,
  initialState,
}: {
  action: FlowAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  submitLabel: string;
  confirmationTitle: string;
  /** Links shown after success (what to do next). */
  next?: ReactNode;
  /** The fields, bound to the state (../forms/bind.ts). */
  children: (f: FormBinding<T, FlowState>) => ReactNode;
  hidden?: Record<string, string>;
  /** Keeps ids apart when the page holds another form with a field of the same name. */
  idPrefix?: string;
  /** Shown above the button (e.g. what the submission will do). */
  warning?: ReactNode;
  /** The law's reason this step cannot be recorded now: shown instead of the form. */
  unavailable?: string | null;
  initialState?: FlowState;
}) {
  return (
    <ActionForm<T, FlowState>
      action={action}
      hidden={{ orderId, ...hidden }}
      version={version}
      idempotencyKey={idempotencyKey}
      idPrefix={idPrefix}
      submitLabel={submitLabel}
      warning={warning}
      initialState={initialState}
      replace={(state) =>
        state.ok ? (
          <Confirmation state={state} title={confirmationTitle} next={next} />
        ) : unavailable ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{unavailable}</p>
          </div>
        ) : null
      }
    >
      {children}
    </ActionForm>
  );
}

/**
 * A form that changes an order: the order's id, the version the person saw and the form's
 * one-time key go with it as hidden fields.
 */
export function OrderForm<T = unknown, S extends FormState = FormState>({
  orderId,
  hidden,
  ...props
}: Omit<ActionFormProps<T, S>, 'version' | 'idempotencyKey'> & {
  orderId: string;
  version: number;
  idempotencyKey: string;
}) {
  return <ActionForm<T, S> {...props} hidden={{ orderId, ...hidden }} />;
}
