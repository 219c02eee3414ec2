'use client';
// The patient's death; and the assignment of responsibility to another hospital (CTO10, s19A).
import type { InputOf } from '@/components/forms/bind';
import { DateField, SelectField, TextAreaField } from '@/components/forms/fields';
import type { recordDeathSchema } from '@/lib/schemas/orders/death';
import type { assignResponsibilitySchema } from '@/lib/schemas/orders/assignment';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

interface Common {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  today: string;
}

export function RecordDeathForm(props: Common) {
  return (
    <OrderForm<InputOf<typeof recordDeathSchema>> {...props} submitLabel="Record the death">
      {(f) => (
        <>
          <DateField {...f.date('diedOn')} legend="Date of death" />
          <TextAreaField
            {...f.text('notes')}
            label="Notes (optional)"
            hint="For example, how the team was told. The CQC must be notified."
            rows={3}
          />
        </>
      )}
    </OrderForm>
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
    >
      {(f) => (
        <>
          <SelectField
            {...f.select('toHospitalId')}
            label="The hospital that will be responsible"
            options={[{ value: '', label: 'Choose a hospital' }, ...hospitals]}
          />
          <DateField
            {...f.date('receivingAgreedOn', { initial: props.today })}
            legend="Date the managers of that hospital agreed"
          />
          <DateField
            {...f.date('assignedOn', { initial: props.today })}
            legend="Date of the assignment"
            hint="The date the receiving managers specified (regulation 17(3)(c))."
          />
          <TextAreaField {...f.text('notes')} label="Notes (optional)" rows={3} />
        </>
      )}
    </OrderForm>
  );
}
