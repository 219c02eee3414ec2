'use client';
// CTO1 Part 1: the responsible clinician's opinion on each criterion (s17A(5)) with reasons,
// the conditions (the two s17B(3) conditions are added for you and cannot be removed;
// discretionary ones chosen from common kinds or written, each with its purpose), the social
// factors behind the decision, and the AMHP to ask.
import { useActionState, useRef, useState } from 'react';
import {
  CheckboxesField,
  RadiosField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import {
  SocialFactorsFieldset,
  socialFactorErrorFields,
  type PreviousSocialRating,
} from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import {
  CONDITION_PURPOSES,
  CRITERIA,
  DISCRETIONARY_CATEGORIES,
  MANDATORY_CONDITION_WORDING,
  NECESSARY_FOR,
} from '@/lib/schemas/orders/making';
import { conditionRow, conditionSummaryFields, FIRST_NEW_ROW, rowsFrom } from './condition-rows';
import { formReader, type FormAction } from './form-support';

export interface ProposeOrderFormProps {
  action: FormAction;
  patientId: string;
  idempotencyKey: string;
  legalStatuses: { value: string; label: string; hint?: string }[];
  amhps: { value: string; label: string }[];
  previousSocial?: {
    ratings: PreviousSocialRating[];
    assessedOn: string;
    assessedBy: string | null;
    decisionPoint: DecisionPoint | null;
  } | null;
}

export function ProposeOrderForm(props: ProposeOrderFormProps) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
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

  const summary: [string, string][] = [
    ['legalStatusPeriodId', 'legalStatusPeriodId-option'],
    ...CRITERIA.flatMap((c): [string, string][] => [
      [`criteria.${c.key}.met`, `criteria-${c.key}-met-option`],
      [`criteria.${c.key}`, `criteria-${c.key}-met-option`],
      [`criteria.${c.key}.reasons`, `criteria-${c.key}-reasons`],
    ]),
    ['necessaryFor', 'necessaryFor-option'],
    ['deteriorationRiskConsidered', 'deteriorationRiskConsidered-option'],
    ['grounds', 'grounds'],
    ...conditionSummaryFields(rows),
    ['conditions', 'add-condition'],
    ...socialFactorErrorFields(),
    ['amhpId', 'amhpId'],
  ];

  return (
    <form action={formAction} noValidate>
      <FormErrorSummary state={state} fields={summary} />
      <SubmissionFields idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="patientId" value={props.patientId} />

      <h2>Part 1: your opinion as responsible clinician</h2>
      <RadiosField
        id="legalStatusPeriodId"
        name="legalStatusPeriodId"
        legend="Which authority is the patient liable to be detained under?"
        hint="A community treatment order can be made only for a patient liable to be detained under section 3, or an unrestricted Part 3 patient (section 17A)."
        options={props.legalStatuses}
        defaultValue={f.value(
          'legalStatusPeriodId',
          props.legalStatuses.length === 1 ? props.legalStatuses[0]?.value : '',
        )}
        error={f.error('legalStatusPeriodId')}
      />

      <h3>The criteria (section 17A(5))</h3>
      {CRITERIA.map((c) => (
        <div key={c.key} className="nhsuk-u-margin-bottom-5">
          <RadiosField
            id={`criteria-${c.key}-met`}
            name={`criteria.${c.key}.met`}
            legend={c.label}
            options={[
              { value: 'yes', label: 'Met' },
              { value: 'no', label: 'Not met' },
            ]}
            inline
            defaultValue={f.value(`criteria.${c.key}.met`)}
            error={f.error(`criteria.${c.key}.met`) ?? f.error(`criteria.${c.key}`)}
          />
          {c.key === 'b' ? (
            <CheckboxesField
              id="necessaryFor"
              name="necessaryFor"
              legend="Treatment is necessary for"
              options={NECESSARY_FOR.map((n) => ({ value: n.value, label: n.label }))}
              defaultValues={f.values('necessaryFor')}
              error={f.error('necessaryFor')}
            />
          ) : null}
          {c.key === 'd' ? (
            <CheckboxesField
              id="deteriorationRiskConsidered"
              name="deteriorationRiskConsidered"
              legend="Section 17A(6)"
              options={[
                {
                  value: 'yes',
                  label:
                    'I have considered what risk there would be of deterioration of the patient’s condition if they were not detained in hospital, with regard to their history of mental disorder and any other relevant factors',
                },
              ]}
              defaultValues={f.values('deteriorationRiskConsidered')}
              error={f.error('deteriorationRiskConsidered')}
            />
          ) : null}
          <TextAreaField
            id={`criteria-${c.key}-reasons`}
            name={`criteria.${c.key}.reasons`}
            label={`Your reasons for criterion (${c.key})`}
            rows={3}
            defaultValue={f.value(`criteria.${c.key}.reasons`)}
            error={f.error(`criteria.${c.key}.reasons`)}
          />
        </div>
      ))}
      <TextAreaField
        id="grounds"
        name="grounds"
        label="My opinion is founded on the following grounds"
        hint="As written in CTO1 Part 1: the patient’s history and presentation, and why recall is needed."
        rows={6}
        defaultValue={f.value('grounds')}
        error={f.error('grounds')}
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
      {rows.map((i, n) => (
        <ConditionRow
          key={i}
          id={i}
          position={n}
          reader={f}
          onRemove={() => setRows((r) => r.filter((x) => x !== i))}
        />
      ))}
      {f.error('conditions') ? (
        <span className="nhsuk-error-message">
          <span className="nhsuk-u-visually-hidden">Error:</span> {f.error('conditions')}
        </span>
      ) : null}
      <button
        type="button"
        id="add-condition"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={addRow}
      >
        {rows.length === 0 ? 'Add a condition' : 'Add another condition'}
      </button>

      <SocialFactorsFieldset
        previous={props.previousSocial?.ratings}
        previousAssessedOn={props.previousSocial?.assessedOn ?? null}
        previousAssessedBy={props.previousSocial?.assessedBy ?? null}
        previousDecisionPoint={props.previousSocial?.decisionPoint ?? null}
        errors={f.errors}
        values={state.values}
        decisionLabel="this decision to propose a community treatment order"
        headingLevel={2}
      />

      <h2>Ask an approved mental health professional (Part 2)</h2>
      <SelectField
        id="amhpId"
        name="amhpId"
        label="AMHP to ask for agreement"
        hint="They will see the request in their list of agreements and answer in their own account."
        options={[{ value: '', label: 'Choose an AMHP' }, ...props.amhps]}
        defaultValue={f.value('amhpId')}
        error={f.error('amhpId')}
      />
      <SubmitButton pending={pending}>Propose the order and ask the AMHP</SubmitButton>
    </form>
  );
}

function ConditionRow({
  id: rowId,
  position,
  reader,
  onRemove,
}: {
  id: number;
  position: number;
  reader: ReturnType<typeof formReader>;
  onRemove: () => void;
}) {
  const wording = useRef<HTMLTextAreaElement | null>(null);
  const row = conditionRow(rowId, position);
  const number = position + 1;
  const onCategory = (value: string) => {
    const preset = DISCRETIONARY_CATEGORIES.find((c) => c.value === value)?.wording ?? '';
    const area = wording.current;
    const isPreset = DISCRETIONARY_CATEGORIES.some((c) => c.wording === area?.value);
    if (area && (area.value.trim() === '' || isPreset)) area.value = preset;
  };
  const wordingError = reader.error(row.key('wording'));
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-4">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        Discretionary condition {number}
      </legend>
      <SelectField
        id={row.id('category')}
        name={row.name('category')}
        label="Kind of condition"
        options={[
          { value: '', label: 'Choose' },
          ...DISCRETIONARY_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
        ]}
        defaultValue={reader.value(row.key('category'))}
        error={reader.error(row.key('category')) ?? reader.error(`conditions.${rowId}`)}
        onChange={onCategory}
      />
      <div className={`nhsuk-form-group${wordingError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={row.id('wording')}>
          The condition, as it will appear on the form
        </label>
        {wordingError ? (
          <span className="nhsuk-error-message" id={`${row.id('wording')}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {wordingError}
          </span>
        ) : null}
        <textarea
          ref={wording}
          className={`nhsuk-textarea${wordingError ? ' nhsuk-textarea--error' : ''}`}
          id={row.id('wording')}
          name={row.name('wording')}
          rows={2}
          defaultValue={reader.value(row.key('wording'))}
          aria-describedby={wordingError ? `${row.id('wording')}-error` : undefined}
        />
      </div>
      <RadiosField
        id={row.id('purpose')}
        name={row.name('purpose')}
        legend="What it is for (section 17B(2))"
        options={CONDITION_PURPOSES.map((p) => ({ value: p.value, label: p.label }))}
        defaultValue={reader.value(row.key('purpose'))}
        error={reader.error(row.key('purpose'))}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onRemove}>
        Remove condition {number}
      </button>
    </fieldset>
  );
}
