'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { notFoundState, parseBoundIds } from '@/lib/server/bound-ids';
import { getRequestMeta } from '@/lib/server/request-meta';
import { recordSocialReview } from '@/lib/server/services/record-social-review';
import { formToObject } from '@/lib/schemas/common';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { socialFormValues } from '@/lib/schemas/social-factors';

export async function recordSocialReviewAction(
  boundPatientId: unknown,
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const ids = await parseBoundIds(actor, 'social-assessment.review', { patientId: boundPatientId });
  if (!ids) return notFoundState('The patient');
  const { patientId } = ids;
  const values = {
    ...formValues(form, ['assessedOn.day', 'assessedOn.month', 'assessedOn.year']),
    ...socialFormValues(form),
  };
  const result = await recordSocialReview(actor, patientId, formToObject(form), {
    meta: await getRequestMeta(`/patients/${patientId}/social/new`),
  });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  redirect(`/patients/${patientId}/social?recorded=1`);
}
