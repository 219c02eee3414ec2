'use client';
// CTO2: vary a discretionary condition, add one or remove one; s17B(5): suspend a condition or
// end its suspension. Each with reasons.
import type { InputOf } from '@/components/forms/bind';
import { RadiosField, SelectField, TextAreaField } from '@/components/forms/fields';
import type {
  varyConditionsSchema,
  conditionSuspensionSchema,
} from '@/lib/schemas/orders/conditions';
import { CONDITION_PURPOSES, DISCRETIONARY_CATEGORIES } from '@/lib/schemas/orders/making';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

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
  return (
    <OrderForm<InputOf<typeof varyConditionsSchema>>
      {...props}
      idPrefix="vary"
      submitLabel="Vary the conditions (CTO2)"
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('change')}
            legend="What are you changing?"
            options={[
              { value: 'VARY', label: 'Change the wording of a condition' },
              { value: 'ADD', label: 'Add a condition' },
              { value: 'REMOVE', label: 'Remove a condition' },
            ]}
          />
          <SelectField
            {...f.select('conditionId')}
            label="The condition to change or remove"
            hint="Only discretionary conditions (section 17B(2)) can be varied or removed."
            options={[{ value: '', label: 'Not needed when adding' }, ...discretionary]}
          />
          <SelectField
            {...f.select('category')}
            label="Kind of condition (when adding)"
            options={[
              { value: '', label: 'Choose' },
              ...DISCRETIONARY_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
            ]}
          />
          <TextAreaField
            {...f.text('wording')}
            label="The condition as varied (or as added)"
            rows={3}
          />
          <RadiosField
            {...f.radios('purpose')}
            legend="What it is for (section 17B(2))"
            options={CONDITION_PURPOSES.map((p) => ({ value: p.value, label: p.label }))}
          />
          <TextAreaField {...f.text('reasons')} label="Reasons for the variation" rows={3} />
        </>
      )}
    </OrderForm>
  );
}

export function SuspensionForm({
  conditions,
  kind,
  ...props
}: Common & { conditions: { value: string; label: string }[]; kind: 'SUSPEND' | 'REINSTATE' }) {
  const id = kind === 'SUSPEND' ? 'suspend' : 'reinstate';
  return (
    <OrderForm<InputOf<typeof conditionSuspensionSchema>>
      {...props}
      idPrefix={id}
      submitLabel={kind === 'SUSPEND' ? 'Suspend the condition' : 'End the suspension'}
      submitVariant="secondary"
    >
      {(f) => (
        <>
          <SelectField
            {...f.select('conditionId')}
            label={kind === 'SUSPEND' ? 'Condition to suspend' : 'Condition whose suspension ends'}
            options={[{ value: '', label: 'Choose a condition' }, ...conditions]}
          />
          <TextAreaField {...f.text('reasons')} label="Reasons" rows={3} />
        </>
      )}
    </OrderForm>
  );
}
