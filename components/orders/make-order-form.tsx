'use client';
// CTO1 Part 3: the responsible clinician makes the order, with the date and time it is signed
// and the date and time it is effective from. lib/cto's warnings are shown for confirmation.
import type { InputOf } from '@/components/forms/bind';
import { DateTimeField } from '@/components/forms/fields';
import type { FormState } from '@/lib/schemas/form-state';
import type { makeOrderSchema } from '@/lib/schemas/orders/making';
import { OrderForm } from './flow-form';
import { WarningList } from './form-support';

export type MakeFormState = FormState & { confirm?: boolean; warnings?: string[] };

export function MakeOrderForm({
  today,
  time,
  ...props
}: {
  action: (state: MakeFormState, form: FormData) => Promise<MakeFormState>;
  orderId: string;
  version: number;
  idempotencyKey: string;
  /** Defaults: now, in the UK. */
  today: string;
  time: string;
}) {
  const initial = { initial: { date: today, time } };
  return (
    <OrderForm<InputOf<typeof makeOrderSchema>, MakeFormState>
      {...props}
      hideSummary={(state) => state.confirm === true}
      submitLabel={(state) =>
        state.confirm === true ? 'Confirm and make the order' : 'Make the order'
      }
    >
      {(f) => (
        <>
          {f.state.confirm === true ? (
            <>
              <WarningList
                title="Check before you make the order"
                warnings={f.state.warnings ?? []}
              />
              <input type="hidden" name="confirmed" value="yes" />
            </>
          ) : null}
          <DateTimeField {...f.dateTime('signedAt', initial)} legend="When you sign Part 3" />
          <DateTimeField
            {...f.dateTime('effectiveAt', initial)}
            legend="The order is effective from"
            hint="The date and time stated in Part 3. It cannot be before you sign. If it is later, the order takes effect then."
          />
        </>
      )}
    </OrderForm>
  );
}
