'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { updatePatient } from '@/lib/server/services/update-patient';
import { submittedValues } from '@/lib/server/patients/form-values';
import { formToObject } from '@/lib/schemas/common';
import type { FormState } from '@/lib/schemas/form-state';

/** The edit form and the care-team forms: `back` is where a saved edit goes. */
export async function updatePatientAction(
  boundPatientId: unknown,
  back: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'patient.update', { patientId: boundPatientId });
  if (!ids) return notFoundState('The patient');
  const { patientId } = ids;
  const page = back === 'assignments' ? 'assignments' : 'edit';
  const result = await updatePatient(actor, patientId, formToObject(form), {
    meta: await getRequestMeta(`/patients/${patientId}/${page}`),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: submittedValues(form),
    };
  }
  redirect(`/patients/${patientId}/${page}?saved=1`);
}
