import 'server-only';
// A person's choice of emails (issue 8 §3): urgent items at once and a daily digest of the rest,
// one daily digest, or none (the app only). Their own only.
import { notificationPreferencesSchema } from '@/lib/schemas/notifications';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function saveNotificationPreferences(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ email: string }>> {
  return runService({
    ...options,
    action: 'read:inbox',
    auditAction: 'notification.preferences',
    schema: notificationPreferencesSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const before = await tx.notificationPreference.findUnique({
        where: { userId: ctx.actor.userId },
        select: { email: true },
      });
      await tx.notificationPreference.upsert({
        where: { userId: ctx.actor.userId },
        create: { userId: ctx.actor.userId, email: data.email },
        update: { email: data.email },
      });
      await ctx.audit({
        action: 'notification.preferences',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: ctx.actor.userId,
        metadata: { from: before?.email ?? 'IMMEDIATE', to: data.email },
      });
      return { email: data.email };
    },
  });
}
