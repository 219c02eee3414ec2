'use client';
// The responsible clinician withdraws a proposal that has not been made.
import type { InputOf } from '@/components/forms/bind';
import { TextAreaField } from '@/components/forms/fields';
import type { withdrawProposalSchema } from '@/lib/schemas/orders/making';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

export function WithdrawProposalForm({
  ...props
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
}) {
  return (
    <OrderForm<InputOf<typeof withdrawProposalSchema>>
      {...props}
      submitLabel="Withdraw the proposal"
      submitVariant="warning"
    >
      {(f) => (
        <>
          <TextAreaField
            {...f.text('reason')}
            label="Why are you withdrawing the proposal?"
            hint="The reason is kept with the record. The AMHP’s request is withdrawn too."
          />
        </>
      )}
    </OrderForm>
  );
}
