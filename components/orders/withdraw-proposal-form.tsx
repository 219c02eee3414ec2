'use client';
// The responsible clinician withdraws a proposal that has not been made.
import type { InputOf } from '@/components/forms/bind';
import type { withdrawProposalSchema } from '@/lib/schemas/orders/making';
import { orderForm } from './flow-form';

export const WithdrawProposalForm = orderForm<InputOf<typeof withdrawProposalSchema>>({
  submitLabel: 'Withdraw the proposal',
  submitVariant: 'warning',
  fields: [
    {
      textarea: 'reason',
      label: 'Why are you withdrawing the proposal?',
      hint: 'The reason is kept with the record. The AMHP’s request is withdrawn too.',
    },
  ],
});
