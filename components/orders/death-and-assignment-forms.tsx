'use client';
// The patient's death; and the assignment of responsibility to another hospital (CTO10, s19A).
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type { recordDeathSchema } from '@/lib/schemas/orders/death';
import type { assignResponsibilitySchema } from '@/lib/schemas/orders/assignment';
import { notes } from './common-fields';
import { orderForm } from './flow-form';

export const RecordDeathForm = orderForm<InputOf<typeof recordDeathSchema>, { today: string }>({
  submitLabel: 'Record the death',
  fields: [
    { date: 'diedOn', legend: 'Date of death' },
    notes(3, 'For example, how the team was told. The CQC must be notified.'),
  ],
});

export const AssignResponsibilityForm = orderForm<
  InputOf<typeof assignResponsibilitySchema>,
  { today: string; hospitals: Choices }
>({
  submitLabel: 'Assign responsibility',
  fields: ({ today, hospitals }) => [
    {
      select: 'toHospitalId',
      label: 'The hospital that will be responsible',
      choose: 'Choose a hospital',
      options: hospitals,
    },
    {
      date: 'receivingAgreedOn',
      initial: today,
      legend: 'Date the managers of that hospital agreed',
    },
    {
      date: 'assignedOn',
      initial: today,
      legend: 'Date of the assignment',
      hint: 'The date the receiving managers specified (regulation 17(3)(c)).',
    },
    notes(3),
  ],
});
