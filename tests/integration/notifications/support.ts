// Shared by the notification tests: a recall served on a fresh order, the worker drained, and
// what must never be in an email.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { addCalendarDays, londonDateOf, toDbDate } from '@/lib/server/dates';
import { DUE_SOON_DAYS } from '@/lib/server/notifications/deadline-reminders';
import { processOutbox } from '@/lib/server/notifications/process-outbox';
import { serveRecallNotice } from '@/lib/server/services/serve-recall-notice';
import {
  dateTime,
  key,
  minutesBefore,
  orderWorld,
  socialInput,
  versionOf,
  type OrderWorld,
} from '../orders/part-b-support';

export const APP_URL = 'https://cto.example.nhs.uk';

export async function recalledWorld(db: PrismaClient, now: Date) {
  const w = await orderWorld(db, { now });
  const eventId = await serveRecall(db, w, now);
  return { ...w, recallEventId: eventId };
}

export async function serveRecall(db: PrismaClient, w: OrderWorld, now: Date): Promise<string> {
  const served = await serveRecallNotice(
    w.rc,
    {
      orderId: w.orderId,
      expectedVersion: String(await versionOf(db, w.orderId)),
      idempotencyKey: key(),
      ground: 'RISK_OF_HARM',
      reasons: 'Relapse.',
      hospitalId: w.hospitalId,
      method: 'HANDED_TO_PATIENT',
      social: socialInput(),
      servedAt: dateTime(minutesBefore(now, 10)),
    },
    { db, now },
  );
  if (!served.ok) throw new Error(`recall refused: ${served.message}`);
  return served.data.eventId;
}

/** Runs the outbox worker until nothing is left (the database may hold other tests' items). */
/**
 * Earlier test files share this database and leave queued outbox items and unsent emails
 * behind. Set them aside (marked processed, emails withdrawn) so that a test sees only its own
 * work: delivering them all would only make the test slow, in proportion to the files before it.
 */
export async function setAsideEarlierWork(db: PrismaClient, now: Date): Promise<void> {
  // Deadlines already due soon or overdue count as reminded (the key createDeadlineReminders
  // writes), so that a worker here reminds only of the deadlines its own test makes.
  const today = londonDateOf(now);
  const todayDb = toDbDate(today);
  const soon = toDbDate(addCalendarDays(today, DUE_SOON_DAYS));
  await db.$executeRaw`
    INSERT INTO "DeadlineReminder" (key, "createdAt")
    SELECT concat_ws(':', coalesce(d."orderId", d."patientId"), d.kind::text,
                     to_char(d."dueOn", 'YYYY-MM-DD'),
                     CASE WHEN d."dueOn" < ${todayDb} THEN 'overdue' ELSE 'due-soon' END), ${now}
    FROM "Deadline" d
    WHERE d.status = 'OPEN' AND d."dueOn" <= ${soon}
    ON CONFLICT (key) DO NOTHING`;
  await db.outboxMessage.updateMany({ where: { processedAt: null }, data: { processedAt: now } });
  await db.emailDelivery.updateMany({
    where: { status: { in: ['PENDING', 'SENDING'] } },
    data: { status: 'WITHDRAWN' },
  });
}

export async function drainOutbox(db: PrismaClient, now: Date, workerId = `test-${randomUUID()}`) {
  let notifications = 0;
  for (;;) {
    const report = await processOutbox({ db, now, workerId, appUrl: APP_URL, limit: 500 });
    notifications += report.notifications;
    if (report.processed === 0 && report.failed === 0) return notifications;
  }
}

/** A patient's name, NHS number, date of birth and ids: none may appear in an email. */
export async function patientSecrets(db: PrismaClient, patientId: string): Promise<string[]> {
  const p = await db.patient.findUniqueOrThrow({ where: { id: patientId } });
  const orders = await db.communityTreatmentOrder.findMany({
    where: { patientId },
    select: { id: true },
  });
  return [
    p.givenName,
    p.familyName,
    p.nhsNumber ?? '',
    p.localId,
    p.dateOfBirth.toISOString().slice(0, 10),
    p.id,
    ...orders.map((o) => o.id),
  ].filter((s) => s.length > 2);
}
