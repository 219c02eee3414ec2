'use server';
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { reviewBreakGlass } from '@/lib/server/services/review-break-glass';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function reviewBreakGlassAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['breakGlassId', 'notes']);
  const route = `/audit/break-glass/${values.breakGlassId ?? ''}`;
  const result = await reviewBreakGlass(actor, values, { meta: await getRequestMeta(route) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath(route);
  return { ok: true, message: 'Marked as reviewed.' };
}
