'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { assignResponsibility } from '@/lib/server/services/assign-responsibility';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';

export async function assignResponsibilityAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'assignment', assignResponsibility, (data) =>
    redirect(`/patients/${data.patientId}/orders/${data.orderId}/assignment?done=1`),
  );
}
