import 'server-only';
// The privacy officer marks an emergency access as reviewed, with notes (issue 4, part 3).
import { reviewBreakGlassSchema } from '@/lib/schemas/break-glass';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function reviewBreakGlass(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ breakGlassId: string }>> {
  return runService({
    ...options,
    action: 'review:break-glass',
    auditAction: 'break-glass.review',
    schema: reviewBreakGlassSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const grant = await tx.breakGlassAccess.findUnique({
        where: { id: data.breakGlassId },
        select: { id: true, userId: true, patientId: true },
      });
      if (!grant) return ctx.notFound('The emergency access record');
      if (grant.userId === actor.userId) {
        return ctx.refuse(
          'OWN_ACCESS',
          'You cannot review your own emergency access: ask another privacy officer.',
        );
      }
      // Only the first review counts: a second reviewer is told, not allowed to overwrite it.
      const updated = await tx.breakGlassAccess.updateMany({
        where: { id: grant.id, reviewedAt: null },
        data: { reviewedAt: now, reviewedById: actor.userId, reviewNotes: data.notes },
      });
      if (updated.count !== 1) {
        return ctx.refuse('ALREADY_REVIEWED', 'This emergency access has already been reviewed.');
      }
      await ctx.audit({
        action: 'break-glass.review',
        outcome: 'SUCCESS',
        entityType: 'BreakGlassAccess',
        entityId: grant.id,
        patientId: grant.patientId,
        // Not breakGlassId: that field marks what was done THROUGH the grant.
      });
      return { breakGlassId: grant.id };
    },
  });
}
