'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { endCertificate } from '@/lib/server/services/end-certificate';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { recordCertificate } from '@/lib/server/services/record-certificate';
import { recordFirstMedication } from '@/lib/server/services/record-first-medication';

function back(data: { patientId: string; orderId: string }, done: string): never {
  redirect(`/patients/${data.patientId}/orders/${data.orderId}/certificates?done=${done}`);
}

export async function recordCertificateAction(_s: FormState, form: FormData): Promise<FormState> {
  return runOrderFormAction(form, 'certificates', recordCertificate, (d) => back(d, 'recorded'));
}

export async function endCertificateAction(_s: FormState, form: FormData): Promise<FormState> {
  return runOrderFormAction(form, 'certificates', endCertificate, (d) => back(d, 'ended'));
}

export async function recordFirstMedicationAction(
  _s: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'certificates', recordFirstMedication, (d) =>
    back(d, 'medication'),
  );
}
