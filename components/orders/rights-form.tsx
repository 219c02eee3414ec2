'use client';
// s132A: rights information given to the patient (orally and in writing) and to the nearest
// relative unless the patient objects, after the event that required it.
import type { InputOf } from '@/components/forms/bind';
import {
  CheckboxesField,
  DateTimeField,
  RadiosField,
  TextAreaField,
} from '@/components/forms/fields';
import type { recordRightsInformationSchema } from '@/lib/schemas/orders/rights';
import { UNDERSTANDING_LEVELS } from '@/lib/schemas/orders/rights';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

export function RightsInformationForm({
  occasions,
  today,
  time,
  ...props
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  occasions: { value: string; label: string; hint?: string }[];
  today: string;
  time: string;
}) {
  return (
    <OrderForm<InputOf<typeof recordRightsInformationSchema>>
      {...props}
      submitLabel="Record the rights information"
    >
      {(f) => (
        <>
          <RadiosField
            {...f.radios('occasion', { initial: occasions[0]?.value })}
            legend="What was the information given after?"
            options={occasions}
          />
          <CheckboxesField
            {...f.checkboxes('givenOrally')}
            legend="Given orally"
            options={[{ value: 'yes', label: 'The information was given orally' }]}
          />
          <DateTimeField
            {...f.dateTime('givenOrallyAt', { initial: { date: today, time: time } })}
            legend="When was it given orally?"
          />
          <CheckboxesField
            {...f.checkboxes('givenInWriting')}
            legend="Given in writing"
            options={[{ value: 'yes', label: 'The information was given in writing' }]}
          />
          <DateTimeField
            {...f.dateTime('givenInWritingAt', { initial: { date: today, time: time } })}
            legend="When was it given in writing?"
          />
          <RadiosField
            {...f.radios('understanding')}
            legend="How well did the patient understand?"
            options={UNDERSTANDING_LEVELS.map((u) => ({ value: u.value, label: u.label }))}
          />
          <RadiosField
            {...f.radios('patientObjectsToNearestRelative')}
            legend="Does the patient object to the nearest relative being given the information?"
            inline
            options={[
              { value: 'no', label: 'No' },
              { value: 'yes', label: 'Yes' },
            ]}
          />
          <DateTimeField
            {...f.dateTime('nearestRelativeInformedAt')}
            legend="When was the nearest relative told? (leave blank if not told)"
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={3} />
        </>
      )}
    </OrderForm>
  );
}
