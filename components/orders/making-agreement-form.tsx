'use client';
// CTO1 Part 2: the AMHP agrees (criteria, appropriateness, each discretionary condition) or
// declines with reasons. A decline ends this attempt to make the order.
import type { InputOf } from '@/components/forms/bind';
import type { makingAgreementSchema } from '@/lib/schemas/orders/agreement';
import { REASONS_IF_DECLINED } from './common-fields';
import { orderForm } from './flow-form';

export const MakingAgreementForm = orderForm<
  InputOf<typeof makingAgreementSchema>,
  { discretionary: { id: string; wording: string; purpose: string }[] }
>({
  submitLabel: 'Sign Part 2',
  fields: ({ discretionary }) => [
    <h2 key="part2">Part 2: your decision as AMHP</h2>,
    {
      radios: 'decision',
      legend: 'Do you agree that the order should be made?',
      options: [
        { value: 'AGREE', label: 'I agree' },
        {
          value: 'DECLINE',
          label: 'I do not agree',
          hint: 'The order is not made. Your reasons are kept with the record.',
        },
      ],
    },
    {
      tick: 'criteriaMet',
      legend: '(a) The criteria',
      label:
        'I agree that the patient meets the criteria for a community treatment order to be made',
    },
    {
      tick: 'appropriate',
      legend: '(b) Appropriateness',
      label: 'I agree that it is appropriate to make a community treatment order',
    },
    discretionary.length > 0 ? (
      {
        checkboxes: 'agreedConditionIds',
        legend: '(c) The conditions under section 17B(2) you agree are necessary or appropriate',
        hint: 'Tick each condition you agree. The order cannot be made with a condition you do not agree.',
        options: discretionary.map((c) => ({ value: c.id, label: c.wording, hint: c.purpose })),
      }
    ) : (
      <p key="none">There are no discretionary conditions to agree.</p>
    ),
    {
      text: 'localAuthority',
      label: 'The local social services authority you act on behalf of',
    },
    {
      text: 'approvedBy',
      label: 'The authority that approved you as an AMHP, if different (optional)',
    },
    { ...REASONS_IF_DECLINED, rows: 5 },
  ],
});
