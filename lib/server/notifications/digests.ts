// The daily digest (issue 8 §3): from NOTIFY_DIGEST_HOUR (Europe/London) each day, one email per
// person with what arrived in the app since their last email and is still unread: counts by kind
// and a link to the inbox, nothing else. One a day per person, whichever worker makes it: the
// email's key ('digest:<person>:<day>') is unique.
import type { Db, Tx } from '@/lib/server/db';
import { londonDateOf } from '@/lib/server/dates';
import { countLine } from './catalogue';

function londonHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(now),
  );
}

const waiting = (userId: string, now: Date) => ({
  userId,
  emailDeliveryId: null,
  withdrawnAt: null,
  readAt: null,
  createdAt: { lte: now },
});

/** The words of a digest: counts by kind, and the link. Never a title, a name or a date. */
export function digestPersonalisation(
  counts: { kind: string; count: number }[],
  appUrl: string,
): Record<string, string> {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return {
    count: String(total),
    summary: counts
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
      .map((c) => `* ${countLine(c.kind, c.count)}`)
      .join('\n'),
    link: `${appUrl.replace(/\/$/, '')}/inbox`,
  };
}

async function digestFor(
  tx: Tx,
  userId: string,
  now: Date,
  day: string,
  appUrl: string,
): Promise<boolean> {
  const dedupeKey = `digest:${userId}:${day}`;
  const already = await tx.emailDelivery.findUnique({ where: { dedupeKey }, select: { id: true } });
  if (already) return false;
  const grouped = await tx.notification.groupBy({
    by: ['kind'],
    where: waiting(userId, now),
    _count: { _all: true },
  });
  const counts = grouped.map((g) => ({ kind: g.kind, count: g._count._all }));
  if (counts.length === 0) return false;
  const email = await tx.emailDelivery.create({
    data: {
      userId,
      kind: 'DIGEST',
      dedupeKey,
      personalisation: digestPersonalisation(counts, appUrl),
      nextAttemptAt: now,
    },
    select: { id: true },
  });
  await tx.notification.updateMany({
    where: waiting(userId, now),
    data: { emailDeliveryId: email.id },
  });
  return true;
}

/** Makes today's digests once the hour has come. Returns how many were made by this call. */
export async function queueDigests(options: {
  db: Db;
  now?: Date;
  digestHour: number;
  appUrl: string;
  log?: (line: string) => void;
}): Promise<number> {
  const now = options.now ?? new Date();
  if (londonHour(now) < options.digestHour) return 0;
  const day = londonDateOf(now);
  // People with something waiting who want email (no preference row: immediate, the default).
  const people = await options.db.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n."userId" FROM "Notification" n
    JOIN "User" u ON u.id = n."userId" AND u.active
    LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId"
    WHERE n."emailDeliveryId" IS NULL AND n."withdrawnAt" IS NULL AND n."readAt" IS NULL
      AND n."createdAt" <= ${now} AND coalesce(p.email::text, 'IMMEDIATE') <> 'NONE'
      AND NOT EXISTS (SELECT 1 FROM "EmailDelivery" e
                      WHERE e."dedupeKey" = 'digest:' || n."userId" || ':' || ${day})`;
  let made = 0;
  for (const { userId } of people) {
    try {
      const done = await options.db.$transaction(
        (tx) => digestFor(tx, userId, now, day, options.appUrl),
        { timeout: 20_000, maxWait: 20_000 },
      );
      if (done) made += 1;
    } catch (error) {
      // Another worker made this person's digest at the same moment (the unique key): fine.
      const code = (error as { code?: string }).code;
      if (code !== 'P2002')
        (options.log ?? console.error)(
          `[notifications] digest for user ${userId}: ${error instanceof Error ? error.message.slice(0, 200) : 'failed'}`,
        );
    }
  }
  return made;
}
