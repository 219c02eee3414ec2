'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { markContactEnteredInError } from '@/lib/server/services/mark-entered-in-error-contact';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function markContactEnteredInErrorAction(
  patientId: string,
  contactId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['reason']);
  const result = await markContactEnteredInError(actor, contactId, values, {
    meta: await getRequestMeta(`/patients/${patientId}/contacts/${contactId}/entered-in-error`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${result.data.patientId}/contacts?marked=1`);
}
