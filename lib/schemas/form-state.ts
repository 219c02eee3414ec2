// What a server action returns to its form (useActionState): a message for the error summary
// or the success banner, field errors shown beside the fields, and the values to show again.
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

export const EMPTY_FORM_STATE: FormState = {};

/** Text fields of a FormData as a plain object (files and repeated fields are skipped). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}
