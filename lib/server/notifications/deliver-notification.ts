// Writing one notification for each person, and the immediate email where the person chose it.
// Used by the outbox worker, the deadline reminders and the demo seed (no 'server-only').
import type { Db, Tx } from '@/lib/server/db';
import type { NotificationKind } from './catalogue';

export interface NewNotification {
  kind: NotificationKind;
  /** One per (source, person): `${sourceKey}:${userId}` is unique. */
  sourceKey: string;
  link: string | null;
  eventId?: string | null;
  /** The app's address for the link in an email (AUTH_URL). */
  appUrl: string;
  now: Date;
  /** False: in the app only, never an email (the demo seed). */
  queueEmail?: boolean;
}

/** The email a person gets for an immediate item: fixed words and a link to the inbox. */
export function immediatePersonalisation(
  kind: NotificationKind,
  appUrl: string,
): Record<string, string> {
  return { heading: kind.title, link: `${appUrl.replace(/\/$/, '')}/inbox` };
}

/**
 * Notifies each person (in the caller's transaction). An IMMEDIATE item also queues an email at
 * once for people whose preference is immediate (the default); everything else waits for the
 * daily digest (or stays in the app for people who chose no email). Returns how many were made.
 */
export async function notifyPeople(
  tx: Tx | Db,
  userIds: readonly string[],
  n: NewNotification,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const prefs = await tx.notificationPreference.findMany({
    where: { userId: { in: [...userIds] } },
    select: { userId: true, email: true },
  });
  const pref = new Map(prefs.map((p) => [p.userId, p.email]));
  let made = 0;
  for (const userId of userIds) {
    const sourceKey = `${n.sourceKey}:${userId}`;
    const exists = await tx.notification.findUnique({ where: { sourceKey }, select: { id: true } });
    if (exists) continue;
    let emailDeliveryId: string | null = null;
    if (
      n.queueEmail !== false &&
      n.kind.priority === 'IMMEDIATE' &&
      (pref.get(userId) ?? 'IMMEDIATE') === 'IMMEDIATE'
    ) {
      const email = await tx.emailDelivery.create({
        data: {
          userId,
          kind: 'IMMEDIATE',
          personalisation: immediatePersonalisation(n.kind, n.appUrl),
          eventId: n.eventId ?? null,
          nextAttemptAt: n.now,
        },
        select: { id: true },
      });
      emailDeliveryId = email.id;
    }
    await tx.notification.create({
      data: {
        userId,
        kind: n.kind.kind,
        priority: n.kind.priority,
        title: n.kind.title,
        body: n.kind.body,
        link: n.link,
        sourceKey,
        eventId: n.eventId ?? null,
        emailDeliveryId,
        createdAt: n.now,
      },
    });
    made += 1;
  }
  return made;
}
