import 'server-only';
// The system administrator links a user to their NHS CIS2 user id (nhsid_useruid), before or
// instead of the first sign-in's match by email address, or removes the link. The person's
// open CIS2 sessions end when the link changes: they were signed in as someone else's id.
import { cis2LinkSchema } from '@/lib/schemas/cis2-link';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function linkCis2User(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ cis2UserId: string | null }>> {
  return runService({
    ...options,
    action: 'administer:user',
    auditAction: 'user.cis2.link',
    schema: cis2LinkSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const user = await tx.user.findUnique({
        where: { id: data.userId },
        select: { id: true, oidcSubject: true },
      });
      if (!user) return ctx.notFound('The user');
      if (user.oidcSubject === data.cis2UserId) {
        return ctx.refuse(
          'UNCHANGED',
          data.cis2UserId
            ? 'This user is already linked to that NHS CIS2 user id.'
            : 'This user is not linked to an NHS CIS2 user id.',
          { cis2UserId: 'Nothing to change' },
        );
      }
      if (data.cis2UserId) {
        const other = await tx.user.count({
          where: { oidcSubject: data.cis2UserId, id: { not: user.id } },
        });
        if (other > 0) {
          const message = 'Another user is already linked to this NHS CIS2 user id';
          return ctx.refuse('CIS2_ID_IN_USE', `${message}.`, { cis2UserId: message });
        }
      }
      await tx.user.update({ where: { id: user.id }, data: { oidcSubject: data.cis2UserId } });
      if (user.oidcSubject) {
        await tx.userSession.updateMany({
          where: { userId: user.id, provider: 'cis2', revokedAt: null },
          data: { revokedAt: now, idToken: null },
        });
      }
      await ctx.audit({
        action: data.cis2UserId ? 'user.cis2.link' : 'user.cis2.unlink',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: user.id,
        metadata: {
          cis2UserId: data.cis2UserId,
          previousCis2UserId: user.oidcSubject,
          matchedBy: 'administrator',
        },
      });
      return { cis2UserId: data.cis2UserId };
    },
  });
}
