'use client';
// s132A: rights information given to the patient (orally and in writing) and to the nearest
// relative unless the patient objects, after the event that required it.
import type { InputOf } from '@/components/forms/bind';
import type { recordRightsInformationSchema } from '@/lib/schemas/orders/rights';
import { UNDERSTANDING_LEVELS } from '@/lib/schemas/orders/rights';
import { notes } from './common-fields';
import { orderForm } from './flow-form';

export const RightsInformationForm = orderForm<
  InputOf<typeof recordRightsInformationSchema>,
  { occasions: { value: string; label: string; hint?: string }[]; today: string; time: string }
>({
  submitLabel: 'Record the rights information',
  fields: ({ occasions, today, time }) => {
    const now = { date: today, time };
    return [
      {
        radios: 'occasion',
        initial: occasions[0]?.value,
        legend: 'What was the information given after?',
        options: occasions,
      },
      { tick: 'givenOrally', legend: 'Given orally', label: 'The information was given orally' },
      { dateTime: 'givenOrallyAt', initial: now, legend: 'When was it given orally?' },
      {
        tick: 'givenInWriting',
        legend: 'Given in writing',
        label: 'The information was given in writing',
      },
      { dateTime: 'givenInWritingAt', initial: now, legend: 'When was it given in writing?' },
      {
        radios: 'understanding',
        legend: 'How well did the patient understand?',
        options: UNDERSTANDING_LEVELS.map((u) => ({ value: u.value, label: u.label })),
      },
      {
        radios: 'patientObjectsToNearestRelative',
        legend: 'Does the patient object to the nearest relative being given the information?',
        inline: true,
        options: { no: 'No', yes: 'Yes' },
      },
      {
        dateTime: 'nearestRelativeInformedAt',
        legend: 'When was the nearest relative told? (leave blank if not told)',
      },
      notes(3),
    ];
  },
});
