import 'server-only';
// Unlock an account after lock-out (lib/server/auth/authenticate.ts), before the lock expires.
import { userIdSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function unlockUser(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ userId: string }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.unlock',
    schema: userIdSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, lockedUntil: true, failedSignInCount: true },
      });
      if (!user) return ctx.notFound('The user');
      const locked = user.lockedUntil !== null && user.lockedUntil > now;
      if (!locked && user.failedSignInCount === 0) {
        return ctx.refuse('NOT_LOCKED', 'This account is not locked.');
      }
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignInCount: 0, lockedUntil: null },
      });
      await ctx.audit({
        action: 'user.unlock',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: { wasLocked: locked, failedSignInCount: user.failedSignInCount },
      });
      return { userId: user.id };
    },
  });
}
