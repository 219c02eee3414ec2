'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { registerPatient } from '@/lib/server/services/register-patient';
import { submittedValues } from '@/lib/server/patients/form-values';
import { formToObject } from '@/lib/schemas/common';
import type { RegisterFormState } from '@/components/patients/register-patient-form';

export async function registerPatientAction(
  _previous: RegisterFormState,
  form: FormData,
): Promise<RegisterFormState> {
  const actor = await requireActor();
  const result = await registerPatient(actor, formToObject(form), {
    meta: await getRequestMeta('/patients/new'),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: submittedValues(form),
      ...(result.existingPatientId ? { existingPatientId: result.existingPatientId } : {}),
    };
  }
  redirect(`/patients/${result.data.patientId}?registered=1`);
}
