'use client';
// Helpers the order-flow forms share: reading back the values and errors of a refused
// submission, and the warning list lib/cto gives.
import { WarningCallout } from '@/components/ui/warning-callout';
import type { FormState } from '@/lib/schemas/form-state';

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export function formReader(state: FormState) {
  const errors = state.fieldErrors ?? {};
  return {
    errors,
    error: (name: string): string | undefined => errors[name],
    value: (name: string, fallback = ''): string => {
      const v = state.values?.[name];
      return typeof v === 'string' ? v : fallback;
    },
    values: (name: string): string[] => {
      const v = state.values?.[name];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    },
    /** 'YYYY-MM-DD' from the three fields of a date, for DateField's defaultValue. */
    date: (name: string, fallback?: string): string | undefined => {
      const d = state.values?.[`${name}.day`];
      const m = state.values?.[`${name}.month`];
      const y = state.values?.[`${name}.year`];
      if (typeof d !== 'string' || typeof m !== 'string' || typeof y !== 'string') return fallback;
      if (!d && !m && !y) return fallback;
      return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    },
  };
}

/** The error for a date-and-time field's date part (any of its messages). */
export function dateTimeErrors(
  errors: Record<string, string>,
  name: string,
): { dateError?: string; timeError?: string } {
  const dateError = errors[`${name}.date`] ?? errors[name];
  const timeError = errors[`${name}.time`];
  return {
    ...(dateError ? { dateError } : {}),
    ...(timeError ? { timeError } : {}),
  };
}

/** Error-summary entries for a DateTimeField with id `id` and name `name`. */
export function dateTimeSummary(name: string, id: string): [string, string][] {
  return [
    [`${name}.date`, `${id}-date-day`],
    [name, `${id}-date-day`],
    [`${name}.time`, `${id}-time`],
  ];
}

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
