'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { recordNearestRelativeOrder } from '@/lib/server/services/record-nearest-relative-order';

export async function recordNearestRelativeOrderAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'nearest-relative', recordNearestRelativeOrder, (data) =>
    redirect(`/patients/${data.patientId}/orders/${data.orderId}/nearest-relative?recorded=1`),
  );
}
