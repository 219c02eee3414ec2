// Pieces every order-event schema shares: which order, the version the person saw (optimistic
// concurrency), the one-time key of the form (no double submission), yes/no answers as forms
// send them, and lists sent as `name.0.field` (formToObject gives an object keyed by index).
import { z } from 'zod';
import { dateInput, expectedVersion, idempotencyKey, uuid } from '@/lib/schemas/common';

export const orderRef = {
  orderId: uuid('the order'),
  expectedVersion,
  idempotencyKey,
};

/** A radio answered 'yes' or 'no'; missing gives `message`. */
export function yesNo(message: string) {
  return z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');
}

/**
 * An optional ticked checkbox (value 'yes'); unticked is absent from the form. CheckboxesField
 * submits `name[]`, which arrives as an array.
 */
export const ticked = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional())
  .transform((v) => v === 'yes' || v === 'on' || v === 'true');

/** `{ '0': {...}, '1': {...} }` or an array -> an array in index order. */
export function indexedList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === '') return [];
    if (Array.isArray(value)) return value;
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .filter(([k]) => /^\d+$/.test(k))
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, v]) => v);
    }
    return value;
  }, z.array(item));
}

/** A checkbox group (`name[]`), as an array of strings. */
export const stringList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
);

/** Every text value of a form, to show the form again after a refusal. */
export function allFormValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    if (key === 'idempotencyKey' || key === 'expectedVersion') continue;
    if (key.endsWith('[]')) {
      const name = key.slice(0, -2);
      const existing = values[name];
      values[name] = Array.isArray(existing) ? [...existing, value] : [value];
    } else {
      values[key] = value;
    }
  }
  return values;
}

/** A date of three fields that may be left blank (all three empty = not given). */
export function optionalDate(what: string) {
  return z.preprocess((v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const parts = Object.values(v as Record<string, unknown>);
      if (parts.every((p) => p === undefined || (typeof p === 'string' && p.trim() === '')))
        return undefined;
    }
    return v;
  }, dateInput(what).optional());
}
