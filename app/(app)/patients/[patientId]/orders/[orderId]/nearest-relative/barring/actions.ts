'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { recordBarringReport } from '@/lib/server/services/record-barring-report';

export async function recordBarringReportAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'nearest-relative/barring', recordBarringReport, (data) =>
    redirect(`/patients/${data.patientId}/orders/${data.orderId}/nearest-relative?barred=1`),
  );
}
