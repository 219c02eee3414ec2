'use client';
// Asking an AMHP to agree (the RC), and the AMHP's answer in their own account (CTO5 Part 2 for
// revocation, CTO7 Part 2 for a renewal (extension)).
import type { InputOf } from '@/components/forms/bind';
import type { Choices } from '@/components/forms/field-list';
import type {
  amhpDecisionSchema,
  requestAmhpAgreementSchema,
} from '@/lib/schemas/orders/revocation';
import { REASONS_IF_DECLINED } from './common-fields';
import { flowForm } from './flow-form';

export const AmhpRequestForm = flowForm<
  InputOf<typeof requestAmhpAgreementSchema>,
  {
    purpose: 'EXTENSION' | 'REVOCATION';
    amhps: Choices;
  }
>({
  hidden: (props) => ({ purpose: props.purpose }),
  submitLabel: 'Ask the AMHP',
  confirmationTitle: 'AMHP asked',
  back: true,
  fields: (props) => [
    {
      select: 'amhpId',
      label: 'Approved mental health professional (AMHP)',
      hint: 'They will see this patient’s record until they answer, and for 28 days after.',
      choose: 'Select an AMHP',
      options: props.amhps,
    },
  ],
});

export const AmhpDecisionForm = flowForm<
  InputOf<typeof amhpDecisionSchema>,
  { agreeLabel: string; declineLabel: string; legend: string }
>({
  submitLabel: 'Record my decision',
  confirmationTitle: 'Your decision is recorded',
  back: true,
  fields: (props) => [
    {
      radios: 'decision',
      legend: props.legend,
      options: { AGREED: props.agreeLabel, DECLINED: props.declineLabel },
    },
    {
      text: 'localAuthority',
      label: 'Local social services authority you are acting on behalf of',
    },
    REASONS_IF_DECLINED,
  ],
});
