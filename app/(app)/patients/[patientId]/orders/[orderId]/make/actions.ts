'use server';
import { redirect } from 'next/navigation';
import { formToObject } from '@/lib/schemas/common';
import { makeOrderSchema } from '@/lib/schemas/orders/making';
import { allFormValues } from '@/lib/schemas/orders/shared';
import { requireActor } from '@/lib/server/actor';
import { makeOrder, previewMakeOrder } from '@/lib/server/services/make-order';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import type { MakeFormState } from '@/components/orders/make-order-form';

/**
 * CTO1 Part 3. When lib/cto has warnings (the signature and effective dates differ; a month-end
 * start), the form shows them and asks for confirmation before the order is made.
 */
export async function makeOrderAction(
  _state: MakeFormState,
  form: FormData,
): Promise<MakeFormState> {
  const input = formToObject(form);
  const parsed = makeOrderSchema.safeParse(input);
  if (parsed.success && !parsed.data.confirmed) {
    const actor = await requireActor();
    const preview = await previewMakeOrder(actor, {
      orderId: parsed.data.orderId,
      signedAt: parsed.data.signedAt,
      effectiveAt: parsed.data.effectiveAt,
    });
    if (preview.ok && preview.warnings.length > 0) {
      return { ok: false, confirm: true, warnings: preview.warnings, values: allFormValues(form) };
    }
  }
  return runOrderFormAction(form, 'make', makeOrder, (data) =>
    redirect(`/patients/${data.patientId}?made=1`),
  );
}
