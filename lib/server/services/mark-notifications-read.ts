import 'server-only';
// The inbox (issue 8 §3): a person marks one of their own notifications read, or all those the
// page showed them. Only their own: another person's notification is "not found".
import { markAllReadSchema, markNotificationReadSchema } from '@/lib/schemas/notifications';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import type { CallOptions } from './request-break-glass';

export function markNotificationRead(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ notificationId: string }>> {
  return runService({
    ...options,
    action: 'read:inbox',
    auditAction: 'notification.read',
    schema: markNotificationReadSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const updated = await tx.notification.updateMany({
        where: { id: data.notificationId, userId: ctx.actor.userId, withdrawnAt: null },
        data: { readAt: now },
      });
      if (updated.count !== 1) return ctx.notFound('The notification');
      await ctx.audit({
        action: 'notification.read',
        outcome: 'SUCCESS',
        entityType: 'Notification',
        entityId: data.notificationId,
      });
      return { notificationId: data.notificationId };
    },
  });
}

export function markAllNotificationsRead(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
): Promise<ServiceResult<{ marked: number }>> {
  return runService({
    ...options,
    action: 'read:inbox',
    auditAction: 'notification.read-all',
    schema: markAllReadSchema,
    actor,
    input,
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const upTo = new Date(data.upTo);
      const updated = await tx.notification.updateMany({
        where: {
          userId: ctx.actor.userId,
          readAt: null,
          withdrawnAt: null,
          createdAt: { lte: upTo },
        },
        data: { readAt: now },
      });
      await ctx.audit({
        action: 'notification.read-all',
        outcome: 'SUCCESS',
        entityType: 'User',
        entityId: ctx.actor.userId,
        metadata: { marked: updated.count, upTo: data.upTo },
      });
      return { marked: updated.count };
    },
  });
}
