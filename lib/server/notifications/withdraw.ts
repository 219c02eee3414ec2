// Undoing an event withdraws what it queued and has not yet been sent (issue 8 §3): called in the
// transaction that marks the event entered in error. Its notifications leave the inbox, and its
// immediate emails still waiting are withdrawn; an email being sent at this moment, or sent, is
// beyond recall. An outbox item not yet taken is skipped by the worker when it sees the mark
// (process-outbox.ts locks the event row FOR SHARE, so the two cannot pass each other).
import type { Tx } from '@/lib/server/db';

export async function withdrawForEvent(
  tx: Tx,
  eventId: string,
  now: Date,
): Promise<{ notifications: number; emails: number }> {
  const emails = await tx.emailDelivery.updateMany({
    where: { eventId, status: 'PENDING' },
    data: { status: 'WITHDRAWN', lastError: 'withdrawn: the event was entered in error' },
  });
  const notifications = await tx.notification.updateMany({
    where: { eventId, withdrawnAt: null },
    data: { withdrawnAt: now },
  });
  return { notifications: notifications.count, emails: emails.count };
}
