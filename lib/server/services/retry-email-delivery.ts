import 'server-only';
// The system administrator tries a failed email again (/admin/notifications), once the cause
// (a wrong template id, Notify down for long) is put right. Identifiers only: no patient data.
import { retryEmailSchema } from '@/lib/schemas/notifications';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function retryEmailDelivery(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ deliveryId: string }>> {
  return runService({
    ...options,
    action: 'administer:notifications',
    auditAction: 'email.retry',
    schema: retryEmailSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const updated = await tx.emailDelivery.updateMany({
        where: { id: data.deliveryId, status: 'FAILED' },
        data: { status: 'PENDING', attempts: 0, nextAttemptAt: now, lockedBy: null },
      });
      if (updated.count !== 1) {
        const exists = await tx.emailDelivery.findUnique({
          where: { id: data.deliveryId },
          select: { status: true },
        });
        if (!exists) return ctx.notFound('The email');
        return ctx.refuse('NOT_FAILED', 'This email has not failed, so there is nothing to retry.');
      }
      await ctx.audit({
        action: 'email.retry',
        outcome: 'SUCCESS',
        entityType: 'EmailDelivery',
        entityId: data.deliveryId,
      });
      return { deliveryId: data.deliveryId };
    },
  });
}
