'use client';
// CTO1 Part 1: the responsible clinician's opinion on each criterion (s17A(5)) with reasons,
// the conditions (the two s17B(3) conditions are added for you and cannot be removed;
// discretionary ones chosen from common kinds or written, each with its purpose), the social
// factors behind the decision, and the AMHP to ask.
import { useActionState, useRef, useState } from 'react';
import { bindForm, type BoundText, type InputOf } from '@/components/forms/bind';
import {
  CheckboxesField,
  RadiosField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
} from '@/components/forms/fields';
import type { Choices } from '@/components/forms/field-list';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/schemas/form-state';
import {
  CONDITION_PURPOSES,
  CRITERIA,
  DISCRETIONARY_CATEGORIES,
  MANDATORY_CONDITION_WORDING,
  NECESSARY_FOR,
  type proposeOrderSchema,
} from '@/lib/schemas/orders/making';
import { conditionRow, FIRST_NEW_ROW, rowsFrom } from './condition-rows';
import type { FormAction } from './form-support';

export interface ProposeOrderFormProps {
  action: FormAction;
  patientId: string;
  idempotencyKey: string;
  legalStatuses: { value: string; label: string; hint?: string }[];
  amhps: Choices;
  previousSocial?: {
    ratings: PreviousSocialRating[];
    assessedOn: string;
    assessedBy: string | null;
    decisionPoint: DecisionPoint | null;
  } | null;
  /** The state to start from (the tests draw a refused form with it). */
  initialState?: FormState;
}

export function ProposeOrderForm(props: ProposeOrderFormProps) {
  const [state, formAction, pending] = useActionState(
    props.action,
    props.initialState ?? EMPTY_FORM_STATE,
  );
  const [rows, setRows] = useState<number[]>(() => rowsFrom(state.values));
  const [seen, setSeen] = useState(state.values);
  if (seen !== state.values) {
    setSeen(state.values);
    if (state.values) setRows(rowsFrom(state.values));
  }
  const next = useRef(FIRST_NEW_ROW);
  const addRow = () => {
    const id = next.current;
    next.current += 1;
    setRows((r) => [...r, id]);
  };

  // The fields are bound first, in page order, so the error summary above them lists theirs.
  const f = bindForm<InputOf<typeof proposeOrderSchema>>(state);
  const only = props.legalStatuses.length === 1 ? props.legalStatuses[0]?.value : '';
  const fields = (
    <>
      <h2>Part 1: your opinion as responsible clinician</h2>
      <RadiosField
        {...f.radios('legalStatusPeriodId', { initial: only })}
        legend="Which authority is the patient liable to be detained under?"
        hint="A community treatment order can be made only for a patient liable to be detained under section 3, or an unrestricted Part 3 patient (section 17A)."
        options={props.legalStatuses}
      />

      <h3>The criteria (section 17A(5))</h3>
      {CRITERIA.map((c) => (
        <div key={c.key} className="nhsuk-u-margin-bottom-5">
          <RadiosField
            {...f.radios(`criteria.${c.key}.met`, { also: [`criteria.${c.key}`] })}
            legend={c.label}
            options={[
              { value: 'yes', label: 'Met' },
              { value: 'no', label: 'Not met' },
            ]}
            inline
          />
          {c.key === 'b' ? (
            <CheckboxesField
              {...f.checkboxes('necessaryFor')}
              legend="Treatment is necessary for"
              options={NECESSARY_FOR.map((n) => ({ value: n.value, label: n.label }))}
            />
          ) : null}
          {c.key === 'd' ? (
            <CheckboxesField
              {...f.checkboxes('deteriorationRiskConsidered')}
              legend="Section 17A(6)"
              options={[
                {
                  value: 'yes',
                  label:
                    'I have considered what risk there would be of deterioration of the patient’s condition if they were not detained in hospital, with regard to their history of mental disorder and any other relevant factors',
                },
              ]}
            />
          ) : null}
          <TextAreaField
            {...f.text(`criteria.${c.key}.reasons`)}
            label={`Your reasons for criterion (${c.key})`}
            rows={3}
          />
        </div>
      ))}
      <TextAreaField
        {...f.text('grounds')}
        label="My opinion is founded on the following grounds"
        hint="As written in CTO1 Part 1: the patient’s history and presentation, and why recall is needed."
        rows={6}
      />

      <h3>Conditions</h3>
      <p>Every order contains these two conditions (section 17B(3)). They cannot be removed.</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {MANDATORY_CONDITION_WORDING.map((c) => (
          <li key={c.category}>{c.wording}</li>
        ))}
      </ul>
      <p>
        Add any conditions under section 17B(2). Each needs the AMHP’s agreement and must be
        necessary or appropriate for one of the purposes in section 17B(2).
      </p>
      {rows.length === 0 ? <p className="nhsuk-body-s">No discretionary conditions yet.</p> : null}
      {rows.map((rowId, position) => {
        // Named by position (as the server numbers the rows), read from where the last refused
        // submission put this row, with ids that stay put while rows above are removed.
        const row = conditionRow(rowId, position);
        const part = (name: string) => ({ from: row.key(name), id: row.id(name) });
        return (
          <ConditionRow
            key={rowId}
            number={position + 1}
            category={f.select(`conditions.${position}.category`, {
              ...part('category'),
              also: [`conditions.${rowId}`],
            })}
            wording={f.text(`conditions.${position}.wording`, part('wording'))}
            purpose={f.radios(`conditions.${position}.purpose`, part('purpose'))}
            onRemove={() => setRows((r) => r.filter((x) => x !== rowId))}
          />
        );
      })}
      {f.error('conditions') ? (
        <span className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {f.error('conditions')}
        </span>
      ) : null}
      {f.link('conditions', 'add-condition')}
      <button
        type="button"
        id="add-condition"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={addRow}
      >
        {rows.length === 0 ? 'Add a condition' : 'Add another condition'}
      </button>

      <SocialFactorsFieldset
        {...f.nested(socialFactorErrorFields())}
        prefill={
          props.previousSocial && {
            ...props.previousSocial,
            previous: props.previousSocial.ratings,
          }
        }
        decisionLabel="this decision to propose a community treatment order"
        headingLevel={2}
      />

      <h2>Ask an approved mental health professional (Part 2)</h2>
      <SelectField
        {...f.select('amhpId')}
        label="AMHP to ask for agreement"
        hint="They will see the request in their list of agreements and answer in their own account."
        options={[{ value: '', label: 'Choose an AMHP' }, ...props.amhps]}
      />
    </>
  );

  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={f.links} />
      <SubmissionFields idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="patientId" value={props.patientId} />
      {fields}
      <SubmitButton pending={pending}>Propose the order and ask the AMHP</SubmitButton>
    </form>
  );
}

function ConditionRow({
  number,
  category,
  wording,
  purpose,
  onRemove,
}: {
  number: number;
  category: BoundText;
  wording: BoundText;
  purpose: BoundText;
  onRemove: () => void;
}) {
  const area = useRef<HTMLTextAreaElement | null>(null);
  // Choosing a kind of condition writes its usual wording, unless the person wrote their own.
  const onCategory = (value: string) => {
    const preset = DISCRETIONARY_CATEGORIES.find((c) => c.value === value)?.wording ?? '';
    const current = area.current;
    const isPreset = DISCRETIONARY_CATEGORIES.some((c) => c.wording === current?.value);
    if (current && (current.value.trim() === '' || isPreset)) current.value = preset;
  };
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        Discretionary condition {number}
      </legend>
      <SelectField
        {...category}
        label="Kind of condition"
        options={[
          { value: '', label: 'Choose' },
          ...DISCRETIONARY_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
        ]}
        onChange={onCategory}
      />
      <TextAreaField
        {...wording}
        label="The condition, as it will appear on the form"
        rows={2}
        textareaRef={area}
      />
      <RadiosField
        {...purpose}
        legend="What it is for (section 17B(2))"
        options={CONDITION_PURPOSES.map((p) => ({ value: p.value, label: p.label }))}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onRemove}>
        Remove condition {number}
      </button>
    </fieldset>
  );
}
