import 'server-only';
// A returning leaver: the account works again with the roles and teams it had.
import { userIdSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function reactivateUser(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ userId: string }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.reactivate',
    schema: userIdSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, active: true },
      });
      if (!user) return ctx.notFound('The user');
      if (user.active) return ctx.refuse('ALREADY_ACTIVE', 'This account is already active.');
      await tx.user.update({
        where: { id: user.id },
        data: { active: true, deactivatedAt: null, failedSignInCount: 0, lockedUntil: null },
      });
      await ctx.audit({
        action: 'user.reactivate',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
      });
      return { userId: user.id };
    },
  });
}
