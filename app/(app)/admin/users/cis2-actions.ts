'use server';
// Thin server action for linking a user to their NHS CIS2 user id.
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { linkCis2User } from '@/lib/server/services/link-cis2-user';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function linkCis2Action(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['userId', 'cis2UserId']);
  const route = `/admin/users/${values.userId ?? ''}`;
  const result = await linkCis2User(actor, values, { meta: await getRequestMeta(route) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath(route);
  return {
    ok: true,
    message: result.data.cis2UserId
      ? `Linked to NHS CIS2 user id ${result.data.cis2UserId}.`
      : 'The link to NHS CIS2 was removed.',
  };
}
