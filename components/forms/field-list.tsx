'use client';
// A form's content as data (issue 13): a list of field descriptions, drawn in order through the
// binding (./bind.ts) by `drawFields`. Each description names its field once, by the binding
// method it needs (`text`, `textarea`, `date`, `dateTime`, `radios`, `yesNo`, `checkboxes`,
// `tick`, `select`), and says only what differs: its label or legend, hint and options. A form
// that is more than a list (text between fields, a group shown for one route only) puts a React
// element, a `group` or a function of the binding in the list; they are drawn in their place,
// so the error summary keeps the order of the page.
import {
  Fragment,
  isValidElement,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
} from 'react';
import type { FieldPath, FormBinding } from './bind';
import {
  CheckboxesField,
  DateField,
  DateTimeField,
  RadiosField,
  SelectField,
  TextAreaField,
  TextField,
  YES_NO,
} from './fields';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type SocialFactorsFieldsetProps,
} from './social-factors-fieldset';

type Option = { value: string; label: ReactNode; hint?: ReactNode };
/** Options as a list, or as `{ VALUE: 'label' }` in the order they are shown. */
export type Options = readonly Option[] | Readonly<Record<string, ReactNode>>;
/** The options of a select, as pages pass them (hospitals, AMHPs, cases). */
export type Choices = readonly SelectOption[];
type SelectOption = { value: string; label: string };

interface About {
  hint?: ReactNode;
}

/** How a text box looks and what the browser may offer in it. */
type TextLook = Pick<
  ComponentProps<typeof TextField>,
  'width' | 'type' | 'autoComplete' | 'spellCheck' | 'inputMode'
>;

/** One field, a piece of the page between fields, or nothing (a field left out). */
export type FieldSpec<T> =
  | (About & TextLook & { text: FieldPath<T>; label: ReactNode; initial?: string })
  | (About & { textarea: FieldPath<T>; label: ReactNode; rows?: number; initial?: string })
  | (About & { date: FieldPath<T>; legend: ReactNode; initial?: string })
  | (About & {
      dateTime: FieldPath<T>;
      legend: ReactNode;
      initial?: { date?: string; time?: string };
    })
  | (About & {
      radios: FieldPath<T>;
      legend: ReactNode;
      options: Options;
      inline?: boolean;
      initial?: string;
    })
  /** Yes or no, side by side. */
  | (About & { yesNo: FieldPath<T>; legend: ReactNode; initial?: string })
  | (About & { checkboxes: FieldPath<T>; legend: ReactNode; options: Options })
  /** One box to tick, sent as `yes` (a declaration). */
  | (About & { tick: FieldPath<T>; legend: ReactNode; label: ReactNode })
  | (About & {
      select: FieldPath<T>;
      label: ReactNode;
      options: Choices;
      /** A first, empty option with this text ("Select a hospital"). */
      choose?: string;
      initial?: string;
    })
  /** The social factors assessment behind a decision, at its place in the page. */
  | { social: Omit<SocialFactorsFieldsetProps, 'errors' | 'values'> }
  /** A fieldset of its own, with a medium legend and a note. */
  | { group: ReactNode; note?: ReactNode; fields: readonly FieldSpec<T>[] }
  | ((f: FormBinding<T>) => ReactNode)
  | ReactElement
  | false
  | null
  | undefined;

function options(o: Options): Option[] {
  return Array.isArray(o)
    ? [...(o as readonly Option[])]
    : Object.entries(o).map(([value, label]) => ({ value, label }));
}

function draw<T>(f: FormBinding<T>, spec: FieldSpec<T>): ReactNode {
  if (!spec || isValidElement(spec)) return spec;
  if (typeof spec === 'function') return spec(f);
  if ('text' in spec || 'textarea' in spec) {
    const { initial, ...rest } = spec;
    if ('textarea' in rest) {
      const { textarea, ...look } = rest;
      return <TextAreaField {...f.text(textarea, { initial })} {...look} />;
    }
    const { text, ...look } = rest;
    return <TextField {...f.text(text, { initial })} {...look} />;
  }
  if ('date' in spec) {
    const { date, initial, ...rest } = spec;
    return <DateField {...f.date(date, { initial })} {...rest} />;
  }
  if ('dateTime' in spec) {
    const { dateTime, initial, ...rest } = spec;
    return <DateTimeField {...f.dateTime(dateTime, { initial })} {...rest} />;
  }
  if ('radios' in spec) {
    const { radios, initial, options: o, ...rest } = spec;
    return <RadiosField {...f.radios(radios, { initial })} options={options(o)} {...rest} />;
  }
  if ('yesNo' in spec) {
    const { yesNo, initial, ...rest } = spec;
    return <RadiosField {...f.radios(yesNo, { initial })} options={YES_NO} inline {...rest} />;
  }
  if ('checkboxes' in spec) {
    const { checkboxes, options: o, ...rest } = spec;
    return <CheckboxesField {...f.checkboxes(checkboxes)} options={options(o)} {...rest} />;
  }
  if ('tick' in spec) {
    const { tick, label, ...rest } = spec;
    const only = [{ value: 'yes', label }];
    return <CheckboxesField {...f.checkboxes(tick)} options={only} {...rest} />;
  }
  if ('select' in spec) {
    const { select, initial, choose, options: o, ...rest } = spec;
    const all = choose === undefined ? o : [{ value: '', label: choose }, ...o];
    return <SelectField {...f.select(select, { initial })} options={all} {...rest} />;
  }
  if ('social' in spec) {
    return <SocialFactorsFieldset {...f.nested(socialFactorErrorFields())} {...spec.social} />;
  }
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{spec.group}</legend>
      {spec.note ? <p className="nhsuk-body-s">{spec.note}</p> : null}
      {drawFields(f, spec.fields)}
    </fieldset>
  );
}

/**
 * Draws the fields in order, each bound to the form's state. Called (not rendered as a
 * component) while the form is drawn, so that the binding has every field's summary link before
 * the error summary above the fields is drawn.
 */
export function drawFields<T>(f: FormBinding<T>, fields: readonly FieldSpec<T>[]): ReactNode {
  return fields.map((spec, i) => <Fragment key={i}>{draw(f, spec)}</Fragment>);
}
