'use client';
// CTO1 Part 2: the AMHP agrees (criteria, appropriateness, each discretionary condition) or
// declines with reasons. A decline ends this attempt to make the order.
import type { InputOf } from '@/components/forms/bind';
import { CheckboxesField, RadiosField, TextAreaField, TextField } from '@/components/forms/fields';
import type { makingAgreementSchema } from '@/lib/schemas/orders/agreement';
import { OrderForm } from './flow-form';
import type { FormAction } from './form-support';

export function MakingAgreementForm({
  discretionary,
  ...props
}: {
  action: FormAction;
  orderId: string;
  version: number;
  idempotencyKey: string;
  discretionary: { id: string; wording: string; purpose: string }[];
}) {
  return (
    <OrderForm<InputOf<typeof makingAgreementSchema>> {...props} submitLabel="Sign Part 2">
      {(f) => (
        <>
          <h2>Part 2: your decision as AMHP</h2>
          <RadiosField
            {...f.radios('decision')}
            legend="Do you agree that the order should be made?"
            options={[
              { value: 'AGREE', label: 'I agree' },
              {
                value: 'DECLINE',
                label: 'I do not agree',
                hint: 'The order is not made. Your reasons are kept with the record.',
              },
            ]}
          />
          <CheckboxesField
            {...f.checkboxes('criteriaMet')}
            legend="(a) The criteria"
            options={[
              {
                value: 'yes',
                label:
                  'I agree that the patient meets the criteria for a community treatment order to be made',
              },
            ]}
          />
          <CheckboxesField
            {...f.checkboxes('appropriate')}
            legend="(b) Appropriateness"
            options={[
              {
                value: 'yes',
                label: 'I agree that it is appropriate to make a community treatment order',
              },
            ]}
          />
          {discretionary.length > 0 ? (
            <CheckboxesField
              {...f.checkboxes('agreedConditionIds')}
              legend="(c) The conditions under section 17B(2) you agree are necessary or appropriate"
              hint="Tick each condition you agree. The order cannot be made with a condition you do not agree."
              options={discretionary.map((c) => ({
                value: c.id,
                label: c.wording,
                hint: c.purpose,
              }))}
            />
          ) : (
            <p>There are no discretionary conditions to agree.</p>
          )}
          <TextField
            {...f.text('localAuthority')}
            label="The local social services authority you act on behalf of"
          />
          <TextField
            {...f.text('approvedBy')}
            label="The authority that approved you as an AMHP, if different (optional)"
          />
          <TextAreaField
            {...f.text('reasons')}
            label="Your reasons"
            hint="Required if you do not agree."
            rows={5}
          />
        </>
      )}
    </OrderForm>
  );
}
