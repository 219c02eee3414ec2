// What an order-flow action returns to its form (issue 5 part B): the shared FormState, plus the
// lines of the confirmation (e.g. when a recall notice counts as served) and, for CTO4, the
// deadline the countdown runs to. Pure: used by the server actions and the client forms.
import type { FormState } from '@/lib/schemas/form-state';

export interface FlowState extends FormState {
  /** Confirmation lines shown after success (plain sentences, already formatted). */
  details?: string[];
  /** Warnings from lib/cto to show after success (they do not stop the change). */
  warnings?: string[];
  /** An instant (ISO) the confirmation counts down to (the 72 hours). */
  deadline?: string;
}

export const EMPTY_FLOW_STATE: FlowState = {};

const SKIP = new Set(['idempotencyKey', 'expectedVersion', 'orderId']);

/** Everything typed into the form, by field name, so the form can show it again after an error. */
export function enteredValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION') || SKIP.has(name)) continue;
    if (name.endsWith('[]')) {
      const key = name.slice(0, -2);
      const existing = values[key];
      values[key] = Array.isArray(existing) ? [...existing, value] : [value];
    } else {
      values[name] = value;
    }
  }
  return values;
}

/** A refused or invalid submission as the form's state. */
export function refusedState(
  result: { message: string; fieldErrors?: Record<string, string> },
  form: FormData,
): FlowState {
  return {
    ok: false,
    message: result.message,
    ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
    values: enteredValues(form),
  };
}
