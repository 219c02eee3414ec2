import 'server-only';
// The text fields of a submitted form, to show again when it is refused (issue 10's forms have
// many fields; listing their names twice would drift).
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    if (name === 'idempotencyKey' || name === 'expectedVersion') continue;
    values[name] = value.slice(0, 5000);
  }
  return values;
}
