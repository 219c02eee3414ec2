'use server';
import { redirect } from 'next/navigation';
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';
import { allFormValues } from '@/lib/schemas/orders/shared';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { proposeOrder } from '@/lib/server/services/propose-order';

export async function proposeOrderAction(_state: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const input = formToObject(form);
  const patientId = typeof input.patientId === 'string' ? input.patientId : '';
  const result = await proposeOrder(actor, input, {
    meta: await getRequestMeta(`/patients/${patientId}/orders/new`),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}),
      values: allFormValues(form),
    };
  }
  redirect(`/patients/${result.data.patientId}?proposed=1`);
}
