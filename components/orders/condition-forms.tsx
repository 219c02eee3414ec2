'use client';
// CTO2: vary a discretionary condition, add one or remove one; s17B(5): suspend a condition or
// end its suspension. Each with reasons.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type {
  varyConditionsSchema,
  conditionSuspensionSchema,
} from '@/lib/schemas/orders/conditions';
import { CONDITION_PURPOSES, DISCRETIONARY_CATEGORIES } from '@/lib/schemas/orders/making';
import { OrderForm, orderForm, type OrderFormCommon } from './flow-form';

export const VaryConditionsForm = orderForm<
  InputOf<typeof varyConditionsSchema>,
  { discretionary: Choices }
>({
  idPrefix: 'vary',
  submitLabel: 'Vary the conditions (CTO2)',
  fields: ({ discretionary }) => [
    {
      radios: 'change',
      legend: 'What are you changing?',
      options: {
        VARY: 'Change the wording of a condition',
        ADD: 'Add a condition',
        REMOVE: 'Remove a condition',
      },
    },
    {
      select: 'conditionId',
      label: 'The condition to change or remove',
      hint: 'Only discretionary conditions (section 17B(2)) can be varied or removed.',
      choose: 'Not needed when adding',
      options: discretionary,
    },
    {
      select: 'category',
      label: 'Kind of condition (when adding)',
      choose: 'Choose',
      options: DISCRETIONARY_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
    },
    { textarea: 'wording', label: 'The condition as varied (or as added)', rows: 3 },
    {
      radios: 'purpose',
      legend: 'What it is for (section 17B(2))',
      options: CONDITION_PURPOSES.map((p) => ({ value: p.value, label: p.label })),
    },
    { textarea: 'reasons', label: 'Reasons for the variation', rows: 3 },
  ],
});

export function SuspensionForm({
  conditions,
  kind,
  ...props
}: OrderFormCommon & {
  conditions: Choices;
  kind: 'SUSPEND' | 'REINSTATE';
}) {
  const suspend = kind === 'SUSPEND';
  return (
    <OrderForm<InputOf<typeof conditionSuspensionSchema>>
      {...props}
      idPrefix={suspend ? 'suspend' : 'reinstate'}
      submitLabel={suspend ? 'Suspend the condition' : 'End the suspension'}
      submitVariant="secondary"
      fields={[
        {
          select: 'conditionId',
          label: suspend ? 'Condition to suspend' : 'Condition whose suspension ends',
          choose: 'Choose a condition',
          options: conditions,
        },
        { textarea: 'reasons', label: 'Reasons', rows: 3 },
      ]}
    />
  );
}
