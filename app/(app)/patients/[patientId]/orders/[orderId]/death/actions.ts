'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { recordDeath } from '@/lib/server/services/record-death';

export async function recordDeathAction(_state: FormState, form: FormData): Promise<FormState> {
  return runOrderFormAction(form, 'death', recordDeath, (data) =>
    redirect(`/patients/${data.patientId}`),
  );
}
