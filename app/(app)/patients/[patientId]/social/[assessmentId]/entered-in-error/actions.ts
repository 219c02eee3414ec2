'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { markSocialAssessmentEnteredInError } from '@/lib/server/services/mark-entered-in-error-social-assessment';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function markAssessmentEnteredInErrorAction(
  boundPatientId: unknown,
  boundAssessmentId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'social-assessment.mark-entered-in-error', {
    patientId: boundPatientId,
    assessmentId: boundAssessmentId,
  });
  if (!ids) return notFoundState('The assessment');
  const { patientId, assessmentId } = ids;
  const values = formValues(form, ['reason']);
  const result = await markSocialAssessmentEnteredInError(actor, assessmentId, values, {
    meta: await getRequestMeta(`/patients/${patientId}/social/${assessmentId}/entered-in-error`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${result.data.patientId}/social?marked=1`);
}
