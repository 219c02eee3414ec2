'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { recordQualityOfLife } from '@/lib/server/services/record-quality-of-life';
import { formToObject } from '@/lib/schemas/common';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { QOL_FIELD_NAMES } from '@/lib/schemas/quality-of-life';

export async function recordQualityOfLifeAction(
  boundPatientId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'quality-of-life.record', { patientId: boundPatientId });
  if (!ids) return notFoundState('The patient');
  const { patientId } = ids;
  const values = formValues(form, QOL_FIELD_NAMES);
  const result = await recordQualityOfLife(actor, patientId, formToObject(form), {
    meta: await getRequestMeta(`/patients/${patientId}/quality-of-life/new`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${patientId}/quality-of-life?recorded=1`);
}
