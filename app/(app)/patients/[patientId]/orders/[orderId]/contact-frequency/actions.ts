'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { setContactFrequency } from '@/lib/server/services/set-contact-frequency';

export async function contactFrequencyAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'contact-frequency', setContactFrequency, (data) =>
    redirect(`/patients/${data.patientId}?contactFrequency=saved`),
  );
}
