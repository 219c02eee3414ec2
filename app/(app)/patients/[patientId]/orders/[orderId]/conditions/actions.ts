'use server';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { reinstateCondition, suspendCondition } from '@/lib/server/services/suspend-condition';
import { varyConditions } from '@/lib/server/services/vary-conditions';
import { redirect } from 'next/navigation';

function back(data: { patientId: string; orderId: string }, done: string): never {
  redirect(`/patients/${data.patientId}/orders/${data.orderId}/conditions?done=${done}`);
}

export async function varyConditionsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runOrderFormAction(form, 'conditions', varyConditions, (data) => back(data, 'varied'));
}

export async function suspendConditionAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'conditions', suspendCondition, (data) =>
    back(data, 'suspended'),
  );
}

export async function reinstateConditionAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'conditions', reinstateCondition, (data) =>
    back(data, 'reinstated'),
  );
}
