'use server';
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import { retryEmailDelivery } from '@/lib/server/services/retry-email-delivery';

export async function retryEmailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['deliveryId']);
  const result = await retryEmailDelivery(actor, values, {
    meta: await getRequestMeta('/admin/notifications'),
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath('/admin/notifications');
  return { ok: true, message: 'It will be sent again within a minute.' };
}
