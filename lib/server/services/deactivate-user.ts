import 'server-only';
// Leavers: deactivate the account and sign the person out everywhere, in one transaction.
// Roles and team memberships are kept as they were, so reactivation restores them.
import { userIdSchema } from '@/lib/schemas/user-admin';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function deactivateUser(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ sessionsRevoked: number }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.deactivate',
    schema: userIdSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      if (data.userId === actor.userId) {
        return ctx.refuse('OWN_ACCOUNT', 'You cannot deactivate your own account.');
      }
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, active: true },
      });
      if (!user) return ctx.notFound('The user');
      if (!user.active)
        return ctx.refuse('ALREADY_INACTIVE', 'This account is already deactivated.');
      await tx.user.update({
        where: { id: user.id },
        data: { active: false, deactivatedAt: now },
      });
      // lib/server/sessions.ts revokeAllSessions, inside this transaction: a deactivation that
      // rolled back must not have signed anyone out, and one that committed has.
      const sessions = await tx.userSession.updateMany({
        where: { userId: user.id, revokedAt: null },
        data: { revokedAt: now },
      });
      await ctx.audit({
        action: 'user.deactivate',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: { sessionsRevoked: sessions.count },
      });
      return { sessionsRevoked: sessions.count };
    },
  });
}
