// Demo data for the inbox (issue 8 §3): what the notifications worker would have told the demo
// accounts about the seeded patients, made with the worker's own code so that every item is
// true: a reminder to each owner of a deadline due within 7 days or overdue, the running
// recalls to their RC, care coordinator and the MHA office, and the AMHP requests waiting to
// their AMHP. The seed queues no immediate email (the day's digest, in the log unless a Notify
// key is set, counts them). Each item is left unread.
import type { FactoryDb } from '@/tests/factories';
import { KINDS } from '@/lib/server/notifications/catalogue';
import { createDeadlineReminders } from '@/lib/server/notifications/deadline-reminders';
import { notifyPeople } from '@/lib/server/notifications/deliver-notification';
import { orderPeople, resolveAudience } from '@/lib/server/notifications/recipients';

const APP_URL = 'http://localhost:3000';

export async function seedNotifications(
  db: FactoryDb,
  options: { now: Date },
): Promise<{ notifications: number }> {
  const { now } = options;
  const reminders = await createDeadlineReminders({
    db,
    now,
    appUrl: APP_URL,
    ownTransactions: false,
    limit: 5000,
  });
  let made = reminders.notifications;
  const recalls = await db.recall.findMany({
    where: { outcome: 'ONGOING', enteredInErrorAt: null },
    select: { id: true, orderId: true, detentionBeganAt: true },
    orderBy: { id: 'asc' },
  });
  for (const recall of recalls) {
    const people = await orderPeople(db, recall.orderId);
    const kind = recall.detentionBeganAt ? KINDS.recallDetained : KINDS.recallServed;
    const to = await resolveAudience(db, kind.audiences, people);
    made += await notifyPeople(db, to, {
      kind,
      sourceKey: `seed:recall:${recall.id}`,
      link: people ? `/patients/${people.patientId}` : null,
      appUrl: APP_URL,
      now,
      queueEmail: false,
    });
  }
  const requests = await db.amhpAgreement.findMany({
    where: { decision: 'PENDING', enteredInErrorAt: null },
    select: { id: true, amhpId: true, purpose: true },
    orderBy: { id: 'asc' },
  });
  for (const request of requests) {
    made += await notifyPeople(db, [request.amhpId], {
      kind: KINDS.amhpRequested(request.purpose),
      sourceKey: `seed:amhp:${request.id}`,
      link: '/agreements',
      appUrl: APP_URL,
      now,
      queueEmail: false,
    });
  }
  return { notifications: made };
}
