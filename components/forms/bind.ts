// One binding from a form's state (lib/schemas/form-state.ts) to its fields (issue 13 part 1).
// A field is written once, by its name; the binding gives it its id, its error, the value kept
// from a refused submission, and records it (in the order the fields are written, which is the
// order on the page) for the error summary. Spread what it returns into the NHS field components
// of ./fields.tsx:
//
//   const f = bindForm<z.input<typeof awolEndsSchema>>(state);
//   <RadiosField {...f.radios('how')} legend="How the patient returned" options={…} />
//
// Names are the dotted names lib/schemas/common.ts formToObject reads back (`detention.date`,
// `conditions.0.text`); with the schema's input type as the type argument a misspelt name fails
// typecheck. Pure: no React, so the unit tests call it directly.
import type { z } from 'zod';
import type { FormState } from '@/lib/schemas/form-state';

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;

/**
 * The dotted names of the fields of a form whose schema's input is `T`: `at`, `at.date`,
 * `at.time`, `conditions.0.purpose`. Where the input is `unknown` (a preprocessed value) any
 * name below it is allowed.
 */
export type FieldPath<T> = unknown extends T
  ? string
  : T extends Leaf
    ? never
    : T extends readonly (infer E)[]
      ? `${number}` | `${number}.${FieldPath<E>}`
      : T extends object
        ? { [K in keyof T & string]: K | `${K}.${FieldPath<T[K]>}` }[keyof T & string]
        : never;

export interface FieldOptions {
  /** The element id; by default the name with dots as hyphens, after the binding's prefix. */
  id?: string;
  /**
   * Where this field's value and error are in the state when not under its name: the rows of
   * a list renumbered in the browser (components/orders/condition-rows.ts).
   */
  from?: string;
  /** More error keys shown at this field when its own has none (a whole group's error). */
  also?: readonly string[];
  /** The value to start from when the state holds none (a fresh form). */
  initial?: string;
}

export interface CheckboxOptions extends Omit<FieldOptions, 'initial'> {
  initial?: readonly string[];
}

export interface DateTimeOptions extends Omit<FieldOptions, 'initial'> {
  /** 'YYYY-MM-DD' and 'HH:MM' to start from. */
  initial?: { date?: string; time?: string };
}

/** An error-summary entry: the error's key in the state, the id the link moves focus to. */
export type SummaryLink = readonly [name: string, target: string];

export interface FormBinding<T = unknown, S extends FormState = FormState> {
  readonly state: S;
  /** The links for the error summary, in the order the fields were bound. */
  readonly links: readonly SummaryLink[];
  /** A text input or a textarea. */
  text(name: FieldPath<T>, o?: FieldOptions): BoundText;
  select(name: FieldPath<T>, o?: FieldOptions): BoundText;
  radios(name: FieldPath<T>, o?: FieldOptions): BoundText;
  /** A checkbox group (submitted as `name[]`). */
  checkboxes(name: FieldPath<T>, o?: CheckboxOptions): BoundCheckboxes;
  /** Day, month and year (`name.day` …). */
  date(name: FieldPath<T>, o?: FieldOptions): BoundText;
  /** A date and a time (`name.date.day` … and `name.time`). */
  dateTime(name: FieldPath<T>, o?: DateTimeOptions): BoundDateTime;
  /**
   * Fields drawn by a component of their own (the social factors fieldset): records its
   * summary links here, in page order, and gives it the state's errors and values.
   */
  nested(links: readonly SummaryLink[]): {
    errors: Record<string, string>;
    values: FormState['values'];
  };
  /**
   * One more summary link, at this place in the page: an error with no field of its own (a
   * list's "add" button) or a field drawn by hand. Gives the error.
   */
  link(name: string, target: string): string | undefined;
  error(name: string): string | undefined;
  /** The kept text value under `name` (not typed: for rows and computed names). */
  value(name: string): string | undefined;
  /** The kept values of a group of boxes under `name`. */
  list(name: string): string[];
}

export interface BoundText {
  id: string;
  name: string;
  error?: string;
  defaultValue?: string;
}

export interface BoundCheckboxes {
  id: string;
  name: string;
  error?: string;
  defaultValues?: string[];
}

export interface BoundDateTime {
  id: string;
  name: string;
  dateError?: string;
  timeError?: string;
  defaultDate?: string;
  defaultTime?: string;
}

/** `detention.date` -> `detention-date`: ids stay valid in CSS selectors and URL fragments. */
export function fieldId(name: string, prefix?: string): string {
  const base = name.replace(/\./g, '-');
  return prefix ? `${prefix}-${base}` : base;
}

/**
 * Binds a form's fields to its state. `idPrefix` keeps ids apart where a page holds two forms
 * with a field of the same name.
 */
export function bindForm<T = unknown, S extends FormState = FormState>(
  state: S,
  options: { idPrefix?: string } = {},
): FormBinding<T, S> {
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const links: SummaryLink[] = [];
  const seen = new Set<string>();
  const link = (name: string, target: string): string | undefined => {
    if (!seen.has(name)) {
      seen.add(name);
      links.push([name, target]);
    }
    return errors[name];
  };
  const list = (key: string): string[] | undefined => {
    const v = values?.[key];
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : undefined;
  };
  const idOf = (name: string, o?: { id?: string }) => o?.id ?? fieldId(name, options.idPrefix);
  const text = (key: string): string | undefined => {
    const v = values?.[key];
    return typeof v === 'string' ? v : undefined;
  };
  const errorOf = (key: string, also: readonly string[] = []): string | undefined =>
    [key, ...also].map((k) => errors[k]).find(Boolean);
  /** 'Y-M-D' as typed (parts may be empty) for DateField, or undefined when nothing was. */
  const date = (key: string): string | undefined => {
    const [d, m, y] = ['day', 'month', 'year'].map((p) => text(`${key}.${p}`) ?? '');
    return d || m || y ? `${y}-${m}-${d}` : undefined;
  };

  /** A field's id and error, its summary link to `${id}${suffix}`, and the value it keeps. */
  const bound = <V>(
    name: string,
    o: { id?: string; from?: string; also?: readonly string[]; initial?: V } | undefined,
    suffix: string,
    kept: (key: string) => V | undefined,
  ) => {
    const key = o?.from ?? name;
    const id = idOf(name, o);
    for (const k of [key, ...(o?.also ?? [])]) link(k, `${id}${suffix}`);
    const error = errorOf(key, o?.also);
    return { id, name, ...(error ? { error } : {}), kept: kept(key) ?? o?.initial };
  };
  const single =
    (suffix: string, kept: (key: string) => string | undefined = text) =>
    (name: string, o?: FieldOptions) => {
      const { kept: defaultValue, ...field } = bound(name, o, suffix, kept);
      return { ...field, ...(defaultValue !== undefined ? { defaultValue } : {}) };
    };

  return {
    state,
    links,
    text: single(''),
    select: single(''),
    radios: single('-option'),
    checkboxes(name, o) {
      const { kept, ...field } = bound<readonly string[]>(name, o, '-option', list);
      return { ...field, ...(kept ? { defaultValues: [...kept] } : {}) };
    },
    date: single('-day', date),
    dateTime(name, o) {
      const key = o?.from ?? name;
      const id = idOf(name, o);
      link(`${key}.date`, `${id}-date-day`);
      link(key, `${id}-date-day`);
      link(`${key}.time`, `${id}-time`);
      const dateError = errorOf(`${key}.date`, [key, ...(o?.also ?? [])]);
      const timeError = errors[`${key}.time`];
      const defaultDate = date(`${key}.date`) ?? o?.initial?.date;
      const defaultTime = text(`${key}.time`) ?? o?.initial?.time;
      return {
        id,
        name,
        ...(dateError ? { dateError } : {}),
        ...(timeError ? { timeError } : {}),
        ...(defaultDate !== undefined ? { defaultDate } : {}),
        ...(defaultTime !== undefined ? { defaultTime } : {}),
      };
    },
    nested(entries) {
      for (const [name, target] of entries) link(name, target);
      return { errors, values };
    },
    link,
    error: (name) => errors[name],
    value: text,
    list: (name) => list(name) ?? [],
  };
}

/** The input of a zod schema, to type a binding's names: `bindForm<InputOf<typeof schema>>`. */
export type InputOf<S extends z.ZodType> = z.input<S>;
