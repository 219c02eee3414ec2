import 'server-only';
// Movers: give a user a role. Roles are history rows (UserRole.revokedAt), never overwritten;
// the session check reads the current roles on every request, so the change applies at once.
import { ROLE_LABELS } from '@/lib/auth/roles';
import { userRoleSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function grantUserRole(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ userRoleId: string }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.role.grant',
    schema: userRoleSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, name: true },
      });
      if (!user) return ctx.notFound('The user');
      const held = await tx.userRole.count({
        where: { userId: user.id, role: data.role, revokedAt: null },
      });
      if (held > 0) {
        const message = `${user.name} already has the role ${ROLE_LABELS[data.role].toLowerCase()}.`;
        return ctx.refuse('ALREADY_HELD', message, { role: message });
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
      return { userRoleId: row.id };
    },
  });
}
