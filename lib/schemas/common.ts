// Building blocks for the zod schemas shared by forms and services: dates typed as
// day / month / year (the NHS date input), times as HH:MM in UK time, and required text with
// plain-English messages. Every schema of a flow composes these.
import { z } from 'zod';
import { isValidIsoDate, londonInstant, toIsoDate } from '@/lib/cto';

/** PostgreSQL text cannot hold a NUL character: refused with a message, never a 500 (issue 12 §6). */
export const NUL_TEXT_MESSAGE =
  'Remove the hidden null character from this answer (it can come with copied text)';
const trimmed = z
  .string()
  .refine((v) => !v.includes('\u0000'), NUL_TEXT_MESSAGE)
  .trim();

/** Free text of a search box or query string: NUL refused, at most `max` characters. */
export function searchText(max = 200) {
  return trimmed.max(max, `Search for ${max} characters or fewer`);
}

export function requiredText(what: string, max = 4000) {
  return trimmed
    .min(1, `Enter ${what}`)
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
}

export function optionalText(what: string, max = 4000) {
  return trimmed
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

/** A calendar date entered as three fields; the result is 'YYYY-MM-DD'. */
export function dateInput(what: string) {
  return z
    .object({
      day: trimmed.optional().default(''),
      month: trimmed.optional().default(''),
      year: trimmed.optional().default(''),
    })
    .transform((value, ctx) => {
      const { day, month, year } = value;
      if (!day && !month && !year) {
        ctx.addIssue({ code: 'custom', message: `Enter ${what}` });
        return z.NEVER;
      }
      const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
      if (missing.length) {
        ctx.addIssue({
          code: 'custom',
          message: `${capitalise(what)} must include a ${missing.join(' and ')}`,
        });
        return z.NEVER;
      }
      if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
        ctx.addIssue({
          code: 'custom',
          message: `${capitalise(what)} must be a real date, like 27 3 2026`,
        });
        return z.NEVER;
      }
      const iso = toIsoDate(Number(year), Number(month), Number(day));
      if (!isValidIsoDate(iso)) {
        ctx.addIssue({ code: 'custom', message: `${capitalise(what)} must be a real date` });
        return z.NEVER;
      }
      return iso;
    });
}

/** A UK wall-clock time 'HH:MM' (24-hour). */
export function timeInput(what: string) {
  return trimmed
    .min(1, `Enter ${what}`)
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, `Enter ${what} in 24-hour format, like 14:30`);
}

/** A date and a time in the UK, as an instant. */
export function dateTimeInput(what: string) {
  return z
    .object({ date: dateInput(`the date ${what}`), time: timeInput(`the time ${what}`) })
    .transform(({ date, time }) => {
      const [h, m] = time.split(':').map(Number);
      return londonInstant(date, h ?? 0, m ?? 0);
    });
}

export const expectedVersion = z.coerce
  .number({ error: 'The form is out of date: reload the page' })
  .int()
  .min(1);

export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,100}$/, 'The form is out of date: reload the page')
  .optional();

/**
 * One of `values` (radios or a select), with a plain-English `message` for anything else: never
 * zod's own "Invalid option: expected one of ...".
 */
export function choice<const T extends readonly string[]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

/**
 * A choice that may be left out: a blank select ('') or an unanswered radio (absent) is
 * `undefined`; any other value not in `values` gives `message`.
 */
export function optionalChoice<const T extends readonly string[]>(values: T, message: string) {
  return z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    choice(values, message).optional(),
  );
}

export const uuid = (what: string) => z.uuid(`${capitalise(what)} is not valid`);

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Path segments that would reach an object's prototype; a field naming one is dropped. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
/** No form of the service has this many rows: a larger index is a forged field and is dropped. */
export const MAX_FORM_INDEX = 999;
/** No form nests deeper than this (`social.housing.date.day` is 4). */
const MAX_FORM_DEPTH = 8;

function acceptablePath(path: string[]): boolean {
  if (path.length > MAX_FORM_DEPTH) return false;
  for (const part of path) {
    if (part === '' || FORBIDDEN_SEGMENTS.has(part)) return false;
    if (/^\d+$/.test(part) && (part.length > 4 || Number(part) > MAX_FORM_INDEX)) return false;
  }
  return true;
}

type FormObject = Record<string, unknown>;

function isFormObject(value: unknown): value is FormObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * FormData -> an object the schemas read: `a.b` names become nested objects, names ending
 * in `[]` become arrays. Files are ignored.
 *
 * The form is hostile (issue 12 §1): every object is made without a prototype, and a field whose
 * name has a `__proto__`, `prototype` or `constructor` segment, an empty segment, an index above
 * MAX_FORM_INDEX or more than MAX_FORM_DEPTH segments is dropped, so no field can reach
 * Object.prototype or make a huge list. Zod reads these objects as it reads plain ones.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: FormObject = Object.create(null) as FormObject;
  for (const [rawKey, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (rawKey.startsWith('$ACTION')) continue;
    const isArray = rawKey.endsWith('[]');
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const path = key.split('.');
    if (!acceptablePath(path)) continue;
    let node = out;
    for (const part of path.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (isFormObject(next)) {
        node = next;
      } else {
        const child = Object.create(null) as FormObject;
        node[part] = child;
        node = child;
      }
    }
    const last = path[path.length - 1] ?? key;
    if (isArray) {
      const existing = Object.hasOwn(node, last) ? node[last] : undefined;
      // push, not spread: a forged form of many repeated fields must not take quadratic time.
      if (Array.isArray(existing)) existing.push(value);
      else node[last] = [value];
    } else {
      node[last] = value;
    }
  }
  return out;
}
