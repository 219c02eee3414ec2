'use client';
// How often the patient should be seen while on this order (issue 8 §1, decision 824).
import type { InputOf } from '@/components/forms/bind';
import type { contactFrequencySchema } from '@/lib/schemas/orders/contact-frequency';
import { orderForm } from './flow-form';

export const ContactFrequencyForm = orderForm<
  InputOf<typeof contactFrequencySchema>,
  { current: number | null; trustDefault: number }
>({
  submitLabel: 'Save how often',
  fields: (props) => [
    {
      text: 'contactFrequencyDays',
      label: 'How often should the patient be seen, in days?',
      hint: `For example, 14 for every two weeks. Leave it blank to use the trust’s default of every ${props.trustDefault} days.`,
      initial: props.current === null ? '' : String(props.current),
    },
  ],
});
