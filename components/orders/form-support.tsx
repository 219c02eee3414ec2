'use client';
// What the order forms share besides the binding (components/forms/bind.ts): the action's
// type and the warning list lib/cto gives.
import { WarningCallout } from '@/components/ui/warning-callout';
import type { FormState } from '@/lib/schemas/form-state';

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export function WarningList({ title, warnings }: { title: string; warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <WarningCallout label={title}>
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </WarningCallout>
  );
}
