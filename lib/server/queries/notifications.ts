import 'server-only';
// The inbox (issue 8 §3): a person's own notifications, and the count of those unread for the
// header. Scoped to the signed-in person in the query (userId), never anyone else's.
// Notifications carry no patient details (fixed words and a link), so the count, polled every
// half minute, is not audited; opening the inbox is (notification.list), as is every change.
// The administrator's view of emails and queued items that failed: identifiers only.
import { db } from '@/lib/server/db';
import type { EmailPreferenceValue } from '@/lib/schemas/notifications';
import { audit, type QueryContext } from './access';
import { requirePermission } from './require-permission';

export const INBOX_PAGE_SIZE = 50;

export async function unreadCount(userId: string, client = db): Promise<number> {
  return client.notification.count({ where: { userId, readAt: null, withdrawnAt: null } });
}

export interface InboxItem {
  id: string;
  kind: string;
  priority: 'IMMEDIATE' | 'ROUTINE';
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export async function listInbox(
  ctx: QueryContext,
  page = 1,
): Promise<{ items: InboxItem[]; unread: number; total: number; newestAt: string | null }> {
  await requirePermission(ctx, 'read:inbox');
  const client = ctx.client ?? db;
  const where = { userId: ctx.actor.userId, withdrawnAt: null };
  const [rows, total, unread] = await Promise.all([
    client.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        priority: true,
        title: true,
        body: true,
        link: true,
        createdAt: true,
        readAt: true,
      },
    }),
    client.notification.count({ where }),
    unreadCount(ctx.actor.userId, client as typeof db),
  ]);
  await audit(ctx, {
    action: 'notification.list',
    outcome: 'SUCCESS',
    entityType: 'User',
    entityId: ctx.actor.userId,
    metadata: { page, shown: rows.length },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      priority: r.priority,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      read: r.readAt !== null,
    })),
    unread,
    total,
    newestAt: rows[0]?.createdAt.toISOString() ?? null,
  };
}

export async function getEmailPreference(userId: string): Promise<EmailPreferenceValue> {
  const row = await db.notificationPreference.findUnique({
    where: { userId },
    select: { email: true },
  });
  return row?.email ?? 'IMMEDIATE';
}

export interface DeliveryProblem {
  id: string;
  what: 'email' | 'queued item';
  kind: string;
  to: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  at: string;
}

/** Emails that failed or are waiting to be tried again, and queued items that keep failing. */
export async function listDeliveryProblems(
  ctx: QueryContext,
  maxAttempts: number,
): Promise<{ failed: DeliveryProblem[]; retrying: DeliveryProblem[]; sentToday: number }> {
  await requirePermission(ctx, 'administer:notifications');
  const client = ctx.client ?? db;
  const now = ctx.now ?? new Date();
  const [emails, outbox, sentToday] = await Promise.all([
    client.emailDelivery.findMany({
      where: {
        OR: [{ status: 'FAILED' }, { status: { in: ['PENDING', 'SENDING'] }, attempts: { gt: 0 } }],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
      select: {
        id: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        lastStatusCode: true,
        nextAttemptAt: true,
        createdAt: true,
        user: { select: { email: true } },
      },
    }),
    client.outboxMessage.findMany({
      where: { processedAt: null, lastError: { not: null } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
      select: { id: true, topic: true, attempts: true, lastError: true, availableAt: true },
    }),
    client.emailDelivery.count({
      where: { status: 'SENT', sentAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } },
    }),
  ]);
  const email = (e: (typeof emails)[number]): DeliveryProblem => ({
    id: e.id,
    what: 'email',
    kind: e.kind === 'DIGEST' ? 'Daily digest' : 'Immediate',
    to: e.user.email,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    lastStatusCode: e.lastStatusCode,
    at: (e.status === 'FAILED' ? e.createdAt : e.nextAttemptAt).toISOString(),
  });
  const item = (o: (typeof outbox)[number]): DeliveryProblem => ({
    id: o.id,
    what: 'queued item',
    kind: o.topic,
    to: null,
    status: o.attempts >= maxAttempts ? 'FAILED' : 'RETRYING',
    attempts: o.attempts,
    lastError: o.lastError,
    lastStatusCode: null,
    at: o.availableAt.toISOString(),
  });
  const all = [...emails.map(email), ...outbox.map(item)];
  return {
    failed: all.filter((p) => p.status === 'FAILED'),
    retrying: all.filter((p) => p.status !== 'FAILED'),
    sentToday,
  };
}
