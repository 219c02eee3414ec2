'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { recordContact } from '@/lib/server/services/record-contact';
import { formToObject } from '@/lib/schemas/common';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { CONTACT_FIELD_NAMES } from '@/lib/schemas/contact';

export async function recordContactAction(
  boundPatientId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'contact.record', { patientId: boundPatientId });
  if (!ids) return notFoundState('The patient');
  const { patientId } = ids;
  const values = formValues(form, CONTACT_FIELD_NAMES);
  const result = await recordContact(actor, patientId, formToObject(form), {
    meta: await getRequestMeta(`/patients/${patientId}/contacts/new`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${patientId}/contacts?recorded=1`);
}
