'use client';
// CTO2: vary a discretionary condition, add one or remove one; s17B(5): suspend a condition or
// end its suspension. Each with reasons.
import { useActionState } from 'react';
import {
  RadiosField,
  SelectField,
  SubmissionFields,
  SubmitButton,
  TextAreaField,
} from '@/components/forms/fields';
import { FormErrorSummary } from '@/components/forms/form-error-summary';
import { EMPTY_FORM_STATE } from '@/lib/schemas/form-state';
import { CONDITION_PURPOSES, DISCRETIONARY_CATEGORIES } from '@/lib/schemas/orders/making';
import { formReader, type FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}

export function VaryConditionsForm({
  discretionary,
  ...props
}: Common & { discretionary: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['change', 'change-option'],
          ['conditionId', 'vary-conditionId'],
          ['category', 'category'],
          ['wording', 'wording'],
          ['purpose', 'purpose-option'],
          ['reasons', 'vary-reasons'],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <RadiosField
        id="change"
        name="change"
        legend="What are you changing?"
        options={[
          { value: 'VARY', label: 'Change the wording of a condition' },
          { value: 'ADD', label: 'Add a condition' },
          { value: 'REMOVE', label: 'Remove a condition' },
        ]}
        defaultValue={f.value('change')}
        error={f.error('change')}
      />
      <SelectField
        id="vary-conditionId"
        name="conditionId"
        label="The condition to change or remove"
        hint="Only discretionary conditions (section 17B(2)) can be varied or removed."
        options={[{ value: '', label: 'Not needed when adding' }, ...discretionary]}
        defaultValue={f.value('conditionId')}
        error={f.error('conditionId')}
      />
      <SelectField
        id="category"
        name="category"
        label="Kind of condition (when adding)"
        options={[
          { value: '', label: 'Choose' },
          ...DISCRETIONARY_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
        ]}
        defaultValue={f.value('category')}
        error={f.error('category')}
      />
      <TextAreaField
        id="wording"
        name="wording"
        label="The condition as varied (or as added)"
        rows={3}
        defaultValue={f.value('wording')}
        error={f.error('wording')}
      />
      <RadiosField
        id="purpose"
        name="purpose"
        legend="What it is for (section 17B(2))"
        options={CONDITION_PURPOSES.map((p) => ({ value: p.value, label: p.label }))}
        defaultValue={f.value('purpose')}
        error={f.error('purpose')}
      />
      <TextAreaField
        id="vary-reasons"
        name="reasons"
        label="Reasons for the variation"
        rows={3}
        defaultValue={f.value('reasons')}
        error={f.error('reasons')}
      />
      <SubmitButton pending={pending}>Vary the conditions (CTO2)</SubmitButton>
    </form>
  );
}

export function SuspensionForm({
  conditions,
  kind,
  ...props
}: Common & { conditions: { value: string; label: string }[]; kind: 'SUSPEND' | 'REINSTATE' }) {
  const [state, formAction, pending] = useActionState(props.action, EMPTY_FORM_STATE);
  const f = formReader(state);
  const id = kind === 'SUSPEND' ? 'suspend' : 'reinstate';
  return (
    <form action={formAction} noValidate>
      <FormErrorSummary
        state={state}
        fields={[
          ['conditionId', `${id}-conditionId`],
          ['reasons', `${id}-reasons`],
        ]}
      />
      <SubmissionFields version={props.version} idempotencyKey={props.idempotencyKey} />
      <input type="hidden" name="orderId" value={props.orderId} />
      <SelectField
        id={`${id}-conditionId`}
        name="conditionId"
        label={kind === 'SUSPEND' ? 'Condition to suspend' : 'Condition whose suspension ends'}
        options={[{ value: '', label: 'Choose a condition' }, ...conditions]}
        defaultValue={f.value('conditionId')}
        error={f.error('conditionId')}
      />
      <TextAreaField
        id={`${id}-reasons`}
        name="reasons"
        label="Reasons"
        rows={3}
        defaultValue={f.value('reasons')}
        error={f.error('reasons')}
      />
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="submit"
        disabled={pending}
        data-prevent-double-click="true"
      >
        {kind === 'SUSPEND' ? 'Suspend the condition' : 'End the suspension'}
      </button>
    </form>
  );
}
