'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { recordContact } from '@/lib/server/services/record-contact';
import { formToObject } from '@/lib/schemas/common';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { CONTACT_FIELD_NAMES } from '@/lib/schemas/contact';

export async function recordContactAction(
  patientId: string,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, CONTACT_FIELD_NAMES);
  const result = await recordContact(actor, patientId, formToObject(form), {
    meta: await getRequestMeta(`/patients/${patientId}/contacts/new`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${patientId}/contacts?recorded=1`);
}
