'use client';
import { ErrorSummary } from 'nhsuk-react-components';
import type { FormState } from '@/lib/schemas/form-state';

/**
 * The NHS error summary for a form's state: one link per field error, in the order the
 * fields appear, or the general message when the refusal is not about one field.
 */
export function FormErrorSummary({
  state,
  fields,
  messageTarget,
}: {
  state: FormState;
  /** Field name -> the id of the input the link should move focus to, in page order. */
  fields: readonly (readonly [name: string, id: string])[];
  /**
   * Where a refusal that is not about one field takes the reader (the sign-in form's email
   * field): the message is listed first as a link there, not as a paragraph.
   */
  messageTarget?: string;
}) {
  if (state.ok) return null;
  const errors = state.fieldErrors ?? {};
  const listed = fields.filter(([name]) => errors[name]);
  if (listed.length === 0 && !state.message) return null;
  const linkMessage = Boolean(state.message && messageTarget);
  return (
    <ErrorSummary>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      {listed.length === 0 && state.message && !linkMessage ? <p>{state.message}</p> : null}
      {listed.length > 0 || linkMessage ? (
        <ErrorSummary.List>
          {linkMessage ? (
            <ErrorSummary.ListItem href={`#${messageTarget}`}>
              {state.message}
            </ErrorSummary.ListItem>
          ) : null}
          {listed.map(([name, id]) => (
            <ErrorSummary.ListItem key={name} href={`#${id}`}>
              {errors[name]}
            </ErrorSummary.ListItem>
          ))}
        </ErrorSummary.List>
      ) : null}
    </ErrorSummary>
  );
}

/** A success message after a form has done its work. */
export function FormSuccess({ state }: { state: FormState }) {
  if (!state.ok || !state.message) return null;
  return (
    <div className="nhsuk-inset-text" role="status">
      <span className="nhsuk-u-visually-hidden">Done: </span>
      <p>{state.message}</p>
    </div>
  );
}
