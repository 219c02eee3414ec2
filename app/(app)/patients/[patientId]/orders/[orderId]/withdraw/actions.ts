'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/schemas/form-state';
import { runOrderFormAction } from '@/lib/server/services/order-form-action';
import { withdrawProposal } from '@/lib/server/services/withdraw-proposal';

export async function withdrawProposalAction(
  _state: FormState,
  form: FormData,
): Promise<FormState> {
  return runOrderFormAction(form, 'withdraw', withdrawProposal, (data) =>
    redirect(`/patients/${data.patientId}`),
  );
}
