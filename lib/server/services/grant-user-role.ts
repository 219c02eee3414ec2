import 'server-only';
// Movers: give a user a role. A role that reads patient data (or approves such grants) is only
// asked for here: it takes effect when a different system administrator approves the request
// (decide-role-request.ts; docs/decisions/612-two-administrators-for-a-role.md). Nobody gives
// themselves a role. Roles are history rows (UserRole.revokedAt), never overwritten; the session
// check reads the current roles on every request, so a role applies at the next page.
import { roleNeedsApproval } from '@/lib/auth/permissions';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { userRoleSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export type GrantResult =
  { status: 'GRANTED'; userRoleId: string } | { status: 'REQUESTED'; requestId: string };

export const OWN_ROLE_MESSAGE =
  'You cannot give yourself a role: ask another system administrator.';

/** The user a role is for, when the input names one: refusals are recorded against them. */
export function userSubject(input: unknown): {
  subject?: { entityType: string; entityId: string };
} {
  const userId =
    typeof input === 'object' && input !== null
      ? (input as { userId?: unknown }).userId
      : undefined;
  return typeof userId === 'string' ? { subject: { entityType: 'User', entityId: userId } } : {};
}

export function grantUserRole(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<GrantResult>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.role.grant',
    schema: userRoleSchema,
    actor,
    input,
    // Refusals name the user the role was for (a refused self-grant names the administrator).
    ...userSubject(input),
    execute: async (ctx): Promise<GrantResult> => {
      const { tx, input: data, now } = ctx;
      if (data.userId === actor.userId) {
        // The probe's finding: an administrator gave themselves the MHA office's role.
        return ctx.refuse('OWN_ROLE', OWN_ROLE_MESSAGE, { role: OWN_ROLE_MESSAGE });
      }
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, name: true },
      });
      if (!user) return ctx.notFound('The user');
      const label = ROLE_LABELS[data.role].toLowerCase();
      const held = await tx.userRole.count({
        where: { userId: user.id, role: data.role, revokedAt: null },
      });
      if (held > 0) {
        const message = `${user.name} already has the role ${label}.`;
        return ctx.refuse('ALREADY_HELD', message, { role: message });
      }
      if (roleNeedsApproval(data.role)) {
        const pending = await tx.roleGrantRequest.count({
          where: { userId: user.id, role: data.role, status: 'PENDING' },
        });
        if (pending > 0) {
          const message = `The role ${label} is already waiting for approval for ${user.name}.`;
          return ctx.refuse('ALREADY_REQUESTED', message, { role: message });
        }
        const request = await tx.roleGrantRequest.create({
          data: { userId: user.id, role: data.role, requestedAt: now, requestedById: actor.userId },
          select: { id: true },
        });
        await ctx.audit({
          action: 'user.role.request',
          outcome: 'SUCCESS',
          entityType: 'User',
          entityId: user.id,
          metadata: { role: data.role, requestId: request.id },
        });
        return { status: 'REQUESTED', requestId: request.id };
      }
      const row = await tx.userRole.create({
        data: { userId: user.id, role: data.role, grantedAt: now, grantedById: actor.userId },
        select: { id: true },
      });
      await ctx.audit({
        action: 'user.role.grant',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: { role: data.role, userRoleId: row.id },
      });
      return { status: 'GRANTED', userRoleId: row.id };
    },
  });
}
