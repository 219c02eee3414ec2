'use client';
// NHS design system form fields that show a field error beside the field. Names use dots for
// nested values (`detention.date.day`), which lib/schemas/common.ts formToObject reads back.
import type { ReactNode, Ref } from 'react';

/** The options of a yes-or-no question, in that order. */
export const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

function errorId(id: string) {
  return `${id}-error`;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="nhsuk-error-message" id={errorId(id)}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div className="nhsuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return (
    [hint ? `${id}-hint` : null, error ? errorId(id) : null].filter(Boolean).join(' ') || undefined
  );
}

function groupClass(error?: string) {
  return `nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`;
}

interface Described {
  id: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

/** A form group with a label, its hint and its error above the control. */
function Labelled({ id, label, hint, error, children }: Described & { label: ReactNode }) {
  return (
    <div className={groupClass(error)}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

/** A form group whose controls share a fieldset, its legend, hint and error. */
function Legended({
  id,
  legend,
  hint,
  error,
  role,
  children,
}: Described & { legend: ReactNode; role?: 'group' }) {
  return (
    <div className={groupClass(error)}>
      <fieldset
        className="nhsuk-fieldset"
        role={role}
        aria-describedby={describedBy(id, hint, error)}
      >
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <FieldError id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode };

/** Radios or checkboxes: the items, each with its label and hint (a radio's hint describes it). */
function ChoiceItems({
  id,
  type,
  name,
  options,
  checked,
  inline,
}: {
  id: string;
  type: 'radio' | 'checkbox';
  name: string;
  options: readonly ChoiceOption[];
  checked: (value: string) => boolean;
  inline?: boolean;
}) {
  const block = type === 'radio' ? 'nhsuk-radios' : 'nhsuk-checkboxes';
  return (
    <div className={`${block}${inline ? ` ${block}--inline` : ''}`} id={id}>
      {options.map((option, index) => {
        const optionId = index === 0 ? `${id}-option` : `${id}-option-${index + 1}`;
        const hintId = type === 'radio' && option.hint ? `${optionId}-hint` : undefined;
        return (
          <div className={`${block}__item`} key={option.value}>
            <input
              className={`${block}__input`}
              id={optionId}
              name={name}
              type={type}
              value={option.value}
              defaultChecked={checked(option.value)}
              aria-describedby={hintId}
            />
            <label className={`nhsuk-label ${block}__label`} htmlFor={optionId}>
              {option.label}
            </label>
            {option.hint ? (
              <div className={`nhsuk-hint ${block}__hint`} id={hintId}>
                {option.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** What every labelled field takes: its id and name, label, hint, error and kept value. */
interface LabelledFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
}

export function TextField(
  props: LabelledFieldProps & {
    width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
    type?: 'text' | 'email' | 'tel' | 'number';
    autoComplete?: string;
    spellCheck?: boolean;
    inputMode?: 'numeric' | 'email' | 'tel';
  },
) {
  const { id, name, label, hint, error, defaultValue, width, type = 'text' } = props;
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        inputMode={props.inputMode}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Labelled>
  );
}

export function TextAreaField(
  props: LabelledFieldProps & {
    rows?: number;
    /** For a form that writes into the textarea (a preset wording). */
    textareaRef?: Ref<HTMLTextAreaElement>;
  },
) {
  const { id, name, label, hint, error, defaultValue, rows = 4, textareaRef } = props;
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={textareaRef}
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Labelled>
  );
}

/** Day / month / year. Its error's link target is `${id}-day`. */
export function DateField(props: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string; // 'YYYY-MM-DD'
}) {
  const { id, name, legend, hint, error, defaultValue } = props;
  const [year, month, day] = defaultValue ? defaultValue.split('-') : ['', '', ''];
  const parts: [string, string, string | undefined, number][] = [
    ['day', 'Day', day?.replace(/^0/, ''), 2],
    ['month', 'Month', month?.replace(/^0/, ''), 2],
    ['year', 'Year', year, 4],
  ];
  return (
    <Legended id={id} legend={legend} hint={hint} error={error} role="group">
      <div className="nhsuk-date-input" id={id}>
        {parts.map(([part, label, value, width]) => (
          <div className="nhsuk-date-input__item" key={part}>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>
                {label}
              </label>
              <input
                className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${error ? ' nhsuk-input--error' : ''}`}
                id={`${id}-${part}`}
                name={`${name}.${part}`}
                type="text"
                inputMode="numeric"
                defaultValue={value ?? ''}
              />
            </div>
          </div>
        ))}
      </div>
    </Legended>
  );
}

/** A date and a 24-hour time in the UK: names `${name}.date.day|month|year` and `${name}.time`. */
export function DateTimeField(props: {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  dateError?: string;
  timeError?: string;
  defaultDate?: string;
  defaultTime?: string;
}) {
  const { id, name, legend, hint, dateError, timeError, defaultDate, defaultTime } = props;
  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">{legend}</legend>
        {hint ? <div className="nhsuk-hint">{hint}</div> : null}
        <DateField
          id={`${id}-date`}
          name={`${name}.date`}
          legend="Date"
          error={dateError}
          defaultValue={defaultDate}
        />
        <TextField
          id={`${id}-time`}
          name={`${name}.time`}
          label="Time (24-hour clock, UK time)"
          hint="For example, 14:30"
          error={timeError}
          defaultValue={defaultTime}
          width={5}
        />
      </fieldset>
    </div>
  );
}

/** What radios and checkboxes take: a legend over their options. */
interface ChoiceFieldProps {
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly ChoiceOption[];
}

export function RadiosField(
  props: ChoiceFieldProps & {
    defaultValue?: string;
    inline?: boolean;
  },
) {
  const { id, name, legend, hint, error, options, defaultValue, inline } = props;
  return (
    <Legended id={id} legend={legend} hint={hint} error={error}>
      <ChoiceItems
        id={id}
        type="radio"
        name={name}
        options={options}
        checked={(value) => defaultValue === value}
        inline={inline}
      />
    </Legended>
  );
}

/** Submitted as `${name}[]`. */
export function CheckboxesField(props: ChoiceFieldProps & { defaultValues?: readonly string[] }) {
  const { id, name, legend, hint, error, options, defaultValues = [] } = props;
  return (
    <Legended id={id} legend={legend} hint={hint} error={error}>
      <ChoiceItems
        id={id}
        type="checkbox"
        name={`${name}[]`}
        options={options}
        checked={(value) => defaultValues.includes(value)}
      />
    </Legended>
  );
}

export function SelectField(
  props: LabelledFieldProps & {
    options: readonly { value: string; label: string }[];
    onChange?: (value: string) => void;
  },
) {
  const { id, name, label, hint, error, options, defaultValue, onChange } = props;
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      {/* After a form action React 19 resets the form, and a select goes back to the option it
          was first drawn with: React sets `defaultValue` on a select only when it mounts (an
          input's default follows the prop). Keyed by the value, the select is drawn again
          whenever a refused submission echoes a different choice, so the reset keeps it. */}
      <select
        key={defaultValue ?? ''}
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** The order's version (optimistic concurrency) and a one-time key (no double submission). */
export function SubmissionFields({
  version,
  idempotencyKey,
}: {
  version?: number;
  idempotencyKey: string;
}) {
  return (
    <>
      {version !== undefined ? (
        <input type="hidden" name="expectedVersion" value={version} />
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
    </>
  );
}

export function SubmitButton({
  children,
  pending,
  variant,
}: {
  children: ReactNode;
  pending?: boolean;
  variant?: 'secondary' | 'warning' | undefined;
}) {
  return (
    <button
      className={`nhsuk-button${variant ? ` nhsuk-button--${variant}` : ''}`}
      type="submit"
      disabled={pending}
      data-prevent-double-click="true"
    >
      {children}
    </button>
  );
}
