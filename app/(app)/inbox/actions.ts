'use server';
// Thin server actions for the inbox: parse the form, call the service, answer.
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { formValues, type FormState } from '@/lib/schemas/form-state';
import {
  markAllNotificationsRead,
  markNotificationRead,
} from '@/lib/server/services/mark-notifications-read';
import { saveNotificationPreferences } from '@/lib/server/services/save-notification-preferences';

export async function markReadAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['notificationId']);
  const result = await markNotificationRead(actor, values, {
    meta: await getRequestMeta('/inbox'),
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  // The header's count is drawn by the layout: draw it again too.
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Marked as read.' };
}

export async function markAllReadAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['upTo']);
  const result = await markAllNotificationsRead(actor, values, {
    meta: await getRequestMeta('/inbox'),
  });
  if (!result.ok) return { ok: false, message: result.message, values };
  revalidatePath('/', 'layout');
  return {
    ok: true,
    message:
      result.data.marked === 1
        ? '1 notification marked as read.'
        : `${result.data.marked} notifications marked as read.`,
  };
}

export async function savePreferencesAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['email']);
  const result = await saveNotificationPreferences(actor, values, {
    meta: await getRequestMeta('/inbox/preferences'),
  });
  if (!result.ok)
    return { ok: false, message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath('/inbox/preferences');
  return { ok: true, message: 'Your choice has been saved.', values };
}
