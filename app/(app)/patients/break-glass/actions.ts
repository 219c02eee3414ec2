'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { requestBreakGlass } from '@/lib/server/services/request-break-glass';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function requestBreakGlassAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['nhsNumber', 'reason']);
  const result = await requestBreakGlass(actor, values, {
    meta: await getRequestMeta('/patients/break-glass'),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${result.data.patientId}`);
}
