'use client';
// The patient's death; and the assignment of responsibility to another hospital (CTO10, s19A).
import type { InputOf } from '@/components/forms/bind';
import type { recordDeathSchema } from '@/lib/schemas/orders/death';
import type { assignResponsibilitySchema } from '@/lib/schemas/orders/assignment';
import { notes } from './common-fields';
import { OrderForm, type OrderFormCommon } from './flow-form';

type Common = OrderFormCommon & { today: string };

export function RecordDeathForm(props: Common) {
  return (
    <OrderForm<InputOf<typeof recordDeathSchema>>
      {...props}
      submitLabel="Record the death"
      fields={[
        { date: 'diedOn', legend: 'Date of death' },
        notes(3, 'For example, how the team was told. The CQC must be notified.'),
      ]}
    />
  );
}

export function AssignResponsibilityForm({
  hospitals,
  ...props
}: Common & { hospitals: { value: string; label: string }[] }) {
  return (
    <OrderForm<InputOf<typeof assignResponsibilitySchema>>
      {...props}
      submitLabel="Assign responsibility"
      fields={[
        {
          select: 'toHospitalId',
          label: 'The hospital that will be responsible',
          choose: 'Choose a hospital',
          options: hospitals,
        },
        {
          date: 'receivingAgreedOn',
          initial: props.today,
          legend: 'Date the managers of that hospital agreed',
        },
        {
          date: 'assignedOn',
          initial: props.today,
          legend: 'Date of the assignment',
          hint: 'The date the receiving managers specified (regulation 17(3)(c)).',
        },
        notes(3),
      ]}
    />
  );
}
