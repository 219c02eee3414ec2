'use client';
// The nearest relative's order for discharge (recorded by the MHA office at the moment it was
// received) and the responsible clinician's barring report (M2) within the 72 hours.
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type {
  recordNearestRelativeOrderSchema,
  barringReportSchema,
} from '@/lib/schemas/orders/nearest-relative';
import { notes } from './common-fields';
import { orderForm } from './flow-form';

/** The moment the page was drawn, a fresh form's default. */
type Now = { today: string; time: string };

export const NearestRelativeOrderForm = orderForm<
  InputOf<typeof recordNearestRelativeOrderSchema>,
  Now & { relatives: Choices }
>({
  submitLabel: 'Record the order for discharge',
  fields: ({ today, time, relatives }) => [
    {
      dateTime: 'receivedAt',
      initial: { date: today, time },
      legend: 'When did an officer authorised by the managers receive the order?',
      hint: 'The 72 hours run from this moment, not from when it was posted or recorded.',
    },
    { text: 'receivedBy', label: 'Name of the officer who received it' },
    {
      select: 'nearestRelativeId',
      initial: relatives[0]?.value ?? 'none',
      label: 'Nearest relative who gave the order',
      options: [...relatives, { value: 'none', label: 'Not recorded' }],
    },
    notes(3),
  ],
});

export const BarringReportForm = orderForm<InputOf<typeof barringReportSchema>, Now>({
  submitLabel: 'Furnish the barring report',
  fields: ({ today, time }) => [
    {
      textarea: 'reasons',
      label:
        'In my opinion, if discharged the patient would be likely to act in a manner dangerous to other persons or to themselves, because',
      hint: 'The reasons on form M2.',
      rows: 6,
    },
    {
      dateTime: 'furnishedAt',
      initial: { date: today, time },
      legend: 'When did you furnish the report to the managers?',
      hint: 'It bars the discharge only if furnished before the 72 hours end.',
    },
    {
      date: 'nearestRelativeInformedOn',
      legend: 'When was the nearest relative told? (optional)',
      hint: 'Their 28 days to apply to the tribunal begin on the day they are told; if blank, the day of the report is used.',
    },
  ],
});
