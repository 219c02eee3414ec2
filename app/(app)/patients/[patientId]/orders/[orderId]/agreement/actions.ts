'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { respondToMakingAgreement } from '@/lib/server/services/respond-to-making-agreement';

export async function respondToMakingAgreementAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'agreement', respondToMakingAgreement, () =>
    redirect('/agreements?answered=1'),
  );
}
