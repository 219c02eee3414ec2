// The order-flow forms' view of their state (issue 5 part B): FlowState and the refusal as a
// state come from lib/schemas/flow-state.ts (shared with the server actions); what the forms
// read back from it (dates, text and lists typed before an error) is here.
import type { FormState } from '@/lib/schemas/form-state';

export {
  EMPTY_FLOW_STATE,
  enteredValues,
  refusedState,
  type FlowState,
} from '@/lib/schemas/flow-state';

/** Values of a DateField named `name` ('YYYY-MM-DD'-shaped, parts may be empty). */
export function enteredDate(state: FormState, name: string): string | undefined {
  const v = state.values ?? {};
  const part = (p: string) => {
    const x = v[`${name}.${p}`];
    return typeof x === 'string' ? x : '';
  };
  const [d, m, y] = [part('day'), part('month'), part('year')];
  return d || m || y ? `${y}-${m}-${d}` : undefined;
}

export function enteredText(state: FormState, name: string): string | undefined {
  const x = state.values?.[name];
  return typeof x === 'string' ? x : undefined;
}

export function enteredList(state: FormState, name: string): string[] | undefined {
  const x = state.values?.[name];
  return Array.isArray(x) ? x : typeof x === 'string' ? [x] : undefined;
}

/** Error-summary links for a DateTimeField with id `id` and name `name`. */
export function dateTimeErrorLinks(name: string, id: string): [string, string][] {
  return [
    [`${name}.date`, `${id}-date-day`],
    [`${name}.time`, `${id}-time`],
  ];
}
