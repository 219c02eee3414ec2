// Deadlines coming due (issue 8 §3): a reminder when a stored deadline is due within 7 days,
// and another when it is overdue, to whoever owns it (the deadline's owner, else the holders of
// its owning role for this order). Each is given once, whichever worker finds it first: the
// reminder's key is inserted with ON CONFLICT DO NOTHING before anyone is told, in the same
// transaction. No 'server-only': the demo seed runs it too.
import type { Db, Tx } from '@/lib/server/db';
import {
  addCalendarDays,
  formatLongDate,
  fromDbDate,
  londonDateOf,
  toDbDate,
} from '@/lib/server/dates';
import { deadlineKind, type DeadlineStage } from './catalogue';
import { notifyPeople } from './deliver-notification';
import { holdersOf, orderPeople } from './recipients';

export const DUE_SOON_DAYS = 7;

interface Due {
  id: string;
  patientId: string;
  orderId: string | null;
  kind: string;
  title: string;
  dueOn: Date;
  ownerRole: string | null;
  ownerId: string | null;
}

async function ownersOf(tx: Tx | Db, d: Due): Promise<string[]> {
  if (d.ownerId) return [d.ownerId];
  if (d.ownerRole === 'MHA_ADMINISTRATOR') return holdersOf(tx, 'MHA_ADMINISTRATOR');
  if (d.ownerRole === 'HOSPITAL_MANAGER') return holdersOf(tx, 'HOSPITAL_MANAGER');
  const people = d.orderId ? await orderPeople(tx, d.orderId) : null;
  if (d.ownerRole === 'CARE_COORDINATOR') return people?.ccIds ?? [];
  return people?.rcId ? [people.rcId] : [];
}

export interface ReminderReport {
  reminders: number;
  notifications: number;
}

/** Reminds the owners of deadlines coming due or overdue; each reminder once. */
export async function createDeadlineReminders(options: {
  db: Db | Tx;
  now?: Date;
  appUrl: string;
  limit?: number;
  /** Runs each deadline in its own transaction (false inside the seed's transaction). */
  ownTransactions?: boolean;
}): Promise<ReminderReport> {
  const now = options.now ?? new Date();
  const today = londonDateOf(now);
  const todayDb = toDbDate(today);
  const soon = toDbDate(addCalendarDays(today, DUE_SOON_DAYS));
  const report: ReminderReport = { reminders: 0, notifications: 0 };
  const due = await options.db.$queryRaw<Due[]>`
    SELECT d.id, d."patientId", d."orderId", d.kind::text AS kind, d.title, d."dueOn",
           d."ownerRole"::text AS "ownerRole", d."ownerId"
    FROM "Deadline" d
    WHERE d.status = 'OPEN' AND d."dueOn" <= ${soon}
      AND NOT EXISTS (
        SELECT 1 FROM "DeadlineReminder" r
        WHERE r.key = concat_ws(':', coalesce(d."orderId", d."patientId"), d.kind::text,
                                to_char(d."dueOn", 'YYYY-MM-DD'),
                                CASE WHEN d."dueOn" < ${todayDb} THEN 'overdue' ELSE 'due-soon' END))
    ORDER BY d."dueOn", d.id
    LIMIT ${options.limit ?? 500}`;
  for (const d of due) {
    const dueOn = fromDbDate(d.dueOn);
    const stage: DeadlineStage = dueOn < today ? 'overdue' : 'due-soon';
    const key = [d.orderId ?? d.patientId, d.kind, dueOn, stage].join(':');
    const one = async (tx: Tx | Db): Promise<number | null> => {
      const inserted = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "DeadlineReminder" (key, "createdAt") VALUES (${key}, ${now})
        ON CONFLICT (key) DO NOTHING RETURNING key`;
      if (inserted.length === 0) return null;
      const owners = await ownersOf(tx, d);
      const active = owners.length
        ? (
            await tx.user.findMany({
              where: { id: { in: owners }, active: true },
              select: { id: true },
              orderBy: { id: 'asc' },
            })
          ).map((u) => u.id)
        : [];
      return notifyPeople(tx, active, {
        kind: deadlineKind(stage, d.title, formatLongDate(dueOn)),
        sourceKey: `deadline:${key}`,
        link: `/patients/${d.patientId}`,
        appUrl: options.appUrl,
        now,
      });
    };
    const made =
      options.ownTransactions === false || !('$transaction' in options.db)
        ? await one(options.db)
        : await (options.db as Db).$transaction((tx) => one(tx), {
            timeout: 20_000,
            maxWait: 20_000,
          });
    if (made === null) continue;
    report.reminders += 1;
    report.notifications += made;
  }
  return report;
}
