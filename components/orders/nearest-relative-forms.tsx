'use client';
// The nearest relative's order for discharge (recorded by the MHA office at the moment it was
// received) and the responsible clinician's barring report (M2) within the 72 hours.
import type { InputOf } from '@/components/forms/bind';
import type {
  recordNearestRelativeOrderSchema,
  barringReportSchema,
} from '@/lib/schemas/orders/nearest-relative';
import { notes } from './common-fields';
import { OrderForm, type OrderFormCommon } from './flow-form';

type Common = OrderFormCommon & { today: string; time: string };

export function NearestRelativeOrderForm({
  relatives,
  ...props
}: Common & { relatives: { value: string; label: string }[] }) {
  return (
    <OrderForm<InputOf<typeof recordNearestRelativeOrderSchema>>
      {...props}
      submitLabel="Record the order for discharge"
      fields={[
        {
          dateTime: 'receivedAt',
          initial: { date: props.today, time: props.time },
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
      ]}
    />
  );
}

export function BarringReportForm(props: Common) {
  return (
    <OrderForm<InputOf<typeof barringReportSchema>>
      {...props}
      submitLabel="Furnish the barring report"
      fields={[
        {
          textarea: 'reasons',
          label:
            'In my opinion, if discharged the patient would be likely to act in a manner dangerous to other persons or to themselves, because',
          hint: 'The reasons on form M2.',
          rows: 6,
        },
        {
          dateTime: 'furnishedAt',
          initial: { date: props.today, time: props.time },
          legend: 'When did you furnish the report to the managers?',
          hint: 'It bars the discharge only if furnished before the 72 hours end.',
        },
        {
          date: 'nearestRelativeInformedOn',
          legend: 'When was the nearest relative told? (optional)',
          hint: 'Their 28 days to apply to the tribunal begin on the day they are told; if blank, the day of the report is used.',
        },
      ]}
    />
  );
}
