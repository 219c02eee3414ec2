'use client';
// The shell of a form posted to a server action (useActionState): the NHS error summary, the
// hidden fields, the fields themselves and the button. The fields are a function of the
// binding (./bind.ts), called before the summary is drawn, so the summary lists the errors in
// the order the fields are written. Without JavaScript the form posts as a plain HTML form.
import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/schemas/form-state';
import { bindForm, type FormBinding } from './bind';
import { drawFields, type FieldSpec } from './field-list';
import { SubmissionFields, SubmitButton } from './fields';
import { FormErrorSummary, FormSuccess } from './form-error-summary';

export type ActionFor<S extends FormState> = (state: S, form: FormData) => Promise<S>;

export interface ActionFormProps<T, S extends FormState> {
  action: ActionFor<S>;
  /** Hidden inputs (`orderId`, `patientId`, …). */
  hidden?: Record<string, string>;
  /** The record's version (optimistic concurrency), when the form changes one. */
  version?: number;
  /** The form's one-time key (no double submission), when its action takes one. */
  idempotencyKey?: string;
  /** Keeps ids apart when a page holds two forms with a field of the same name. */
  idPrefix?: string;
  /** The button's text, or a function of the state (a second step: "Confirm and …"). */
  submitLabel: ReactNode | ((state: S) => ReactNode);
  submitVariant?: 'secondary' | 'warning';
  /** Drawn instead of the form while it returns something (a confirmation after success). */
  replace?: (state: S) => ReactNode;
  /** Whether to leave out the error summary (while asking to confirm warnings). */
  hideSummary?: (state: S) => boolean;
  /** The id a refusal not about one field links to in the error summary (../form-error-summary). */
  messageTarget?: string;
  /** Show the action's success message above the fields (a form that stays after success). */
  showSuccess?: boolean;
  /**
   * Draw the form again after each answer, so that fields which do not follow a changed
   * default (nhsuk-react-components' inputs) show the values sent back.
   */
  rekey?: boolean;
  /** Shown above the button. */
  warning?: ReactNode;
  /** The fields as data (./field-list.tsx), drawn in order before `children`. */
  fields?: readonly FieldSpec<T>[];
  /** Fields drawn by hand from the binding. */
  children?: (f: FormBinding<T, S>) => ReactNode;
  /** The state to start from (the tests draw a refused form with it); empty by default. */
  initialState?: S;
}

export function ActionForm<T = unknown, S extends FormState = FormState>(
  props: ActionFormProps<T, S>,
) {
  const [current, formAction, pending] = useActionState(
    props.action as (state: Awaited<S>, form: FormData) => Promise<S>,
    (props.initialState ?? {}) as Awaited<S>,
  );
  const state = current as S;
  const replaced = props.replace?.(state);
  if (replaced) return replaced;
  const f = bindForm<T, S>(state, { idPrefix: props.idPrefix });
  const fields = (
    <>
      {props.fields ? drawFields(f as FormBinding<T>, props.fields) : null}
      {props.children?.(f)}
    </>
  );
  return (
    <form
      action={formAction}
      noValidate
      key={props.rekey ? JSON.stringify(state.values ?? {}) : undefined}
    >
      {props.hideSummary?.(state) ? null : (
        <FormErrorSummary state={state} fields={f.links} messageTarget={props.messageTarget} />
      )}
      {props.showSuccess ? <FormSuccess state={state} /> : null}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      {props.idempotencyKey !== undefined ? (
        <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      ) : null}
      {fields}
      {props.warning}
      <SubmitButton pending={pending} variant={props.submitVariant}>
        {typeof props.submitLabel === 'function' ? props.submitLabel(state) : props.submitLabel}
      </SubmitButton>
    </form>
  );
}
