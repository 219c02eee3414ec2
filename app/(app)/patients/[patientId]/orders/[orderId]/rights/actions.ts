'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { recordRightsInformation } from '@/lib/server/services/record-rights-information';

export async function recordRightsInformationAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'rights', recordRightsInformation, (data) =>
    redirect(`/patients/${data.patientId}/orders/${data.orderId}/rights?done=1`),
  );
}
