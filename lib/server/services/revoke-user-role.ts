import 'server-only';
// Movers: take a role away. The UserRole row is ended (revokedAt), so the history remains.
import { ROLE_LABELS } from '@/lib/auth/roles';
import { userRoleSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function revokeUserRole(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ revoked: number }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.role.revoke',
    schema: userRoleSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      if (data.userId === actor.userId && data.role === 'SYSTEM_ADMINISTRATOR') {
        // Otherwise the last administrator could lock everyone out of user administration.
        return ctx.refuse(
          'OWN_ADMINISTRATOR_ROLE',
          'You cannot remove your own system administrator role: ask another administrator.',
        );
      }
      const user = await tx.user.count({ where: { id: data.userId } });
      if (user === 0) return ctx.notFound('The user');
      const ended = await tx.userRole.updateMany({
        where: { userId: data.userId, role: data.role, revokedAt: null },
        // ADMIN: sign-in with NHS CIS2 will not give this role back (decision 641).
        data: { revokedAt: now, revokedVia: 'ADMIN' },
      });
      if (ended.count === 0) {
        return ctx.refuse(
          'NOT_HELD',
          `This user does not have the role ${ROLE_LABELS[data.role].toLowerCase()}.`,
        );
      }
      await ctx.audit({
        action: 'user.role.revoke',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: data.userId,
        metadata: { role: data.role },
      });
      return { revoked: ended.count };
    },
  });
}
