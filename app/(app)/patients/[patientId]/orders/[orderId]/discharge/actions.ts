'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { dischargeOrder } from '@/lib/server/services/discharge-order';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';

export async function dischargeOrderAction(_state: FormState, form: FormData): Promise<FormState> {
  return runOrderFormAction(form, 'discharge', dischargeOrder, (data) =>
    redirect(`/patients/${data.patientId}?discharged=1`),
  );
}
