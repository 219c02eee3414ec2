'use server';
// Thin server actions for user administration: parse the form, call the service, answer.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/server/actor';
import { getRequestMeta } from '@/lib/server/request-meta';
import { createUser } from '@/lib/server/services/create-user';
import { grantUserRole } from '@/lib/server/services/grant-user-role';
import { decideRoleRequest } from '@/lib/server/services/decide-role-request';
import { revokeUserRole } from '@/lib/server/services/revoke-user-role';
import { moveUserTeam } from '@/lib/server/services/move-user-team';
import { deactivateUser } from '@/lib/server/services/deactivate-user';
import { reactivateUser } from '@/lib/server/services/reactivate-user';
import { unlockUser } from '@/lib/server/services/unlock-user';
import type { ServiceActor, ServiceResult } from '@/lib/server/services/run-service';
import type { CallOptions } from '@/lib/server/services/request-break-glass';
import { formValues, type FormState } from '@/lib/schemas/form-state';

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['name', 'email', 'jobTitle', 'teamId', 'password']);
  const roles = form.getAll('roles').filter((r): r is string => typeof r === 'string');
  const result = await createUser(
    actor,
    { ...values, roles },
    { meta: await getRequestMeta('/admin/users/new') },
  );
  if (!result.ok) {
    // Never send the password back to the browser.
    const { password: _password, ...safe } = values;
    return {
      message: result.message,
      fieldErrors: result.fieldErrors,
      values: { ...safe, roles },
    };
  }
  revalidatePath('/admin/users');
  // Roles that need a second administrator's approval are waiting: the page says so.
  const added = result.data.requestedRoles.length > 0 ? 'requested' : '1';
  redirect(`/admin/users/${result.data.userId}?added=${added}`);
}

type Done =
  | 'role-added'
  | 'role-requested'
  | 'role-approved'
  | 'role-refused'
  | 'role-removed'
  | 'team-changed'
  | 'deactivated'
  | 'reactivated'
  | 'unlocked';

type UserService = (
  actor: ServiceActor,
  input: unknown,
  options?: CallOptions,
) => Promise<ServiceResult<unknown>>;

async function runUserForm(
  service: UserService,
  form: FormData,
  fields: string[],
  done: Done | ((data: unknown) => Done),
): Promise<FormState> {
  const actor = await requireActor();
  const values = formValues(form, ['userId', ...fields]);
  const route = `/admin/users/${values.userId ?? ''}`;
  const result = await service(actor, values, { meta: await getRequestMeta(route) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath(route);
  revalidatePath('/admin/users');
  // The form that was used may no longer be on the page (a removed role): say so at the top.
  redirect(`${route}?done=${typeof done === 'function' ? done(result.data) : done}`);
}

export async function grantRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserForm(grantUserRole, form, ['role'], (data) =>
    (data as { status?: string }).status === 'REQUESTED' ? 'role-requested' : 'role-added',
  );
}

export async function decideRoleRequestAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runUserForm(decideRoleRequest, form, ['requestId', 'decision'], (data) =>
    (data as { status?: string }).status === 'APPROVED' ? 'role-approved' : 'role-refused',
  );
}

export async function revokeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserForm(revokeUserRole, form, ['role'], 'role-removed');
}

export async function moveTeamAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserForm(moveUserTeam, form, ['teamId'], 'team-changed');
}

export async function deactivateUserAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runUserForm(deactivateUser, form, [], 'deactivated');
}

export async function reactivateUserAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  return runUserForm(reactivateUser, form, [], 'reactivated');
}

export async function unlockUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runUserForm(unlockUser, form, [], 'unlocked');
}
