'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { markContactEnteredInError } from '@/lib/server/services/mark-entered-in-error-contact';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function markContactEnteredInErrorAction(
  boundPatientId: unknown,
  boundContactId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'contact.mark-entered-in-error', {
    patientId: boundPatientId,
    contactId: boundContactId,
  });
  if (!ids) return notFoundState('The contact');
  const { patientId, contactId } = ids;
  const values = formValues(form, ['reason']);
  const result = await markContactEnteredInError(actor, contactId, values, {
    meta: await getRequestMeta(`/patients/${patientId}/contacts/${contactId}/entered-in-error`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${result.data.patientId}/contacts?marked=1`);
}
