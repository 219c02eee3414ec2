// The outbox worker's second half: sending the queued emails. Each is claimed with
// FOR UPDATE SKIP LOCKED and marked SENDING under this worker's name in a short transaction,
// sent outside any transaction (an HTTP call never holds a database connection, which the
// embedded database's single connection needs), then marked SENT. A failure that may pass
// (429, 5xx, no answer) is tried again after a growing wait; after NOTIFY_MAX_ATTEMPTS, or at
// once for a refusal (400, 403), it is FAILED and shown to the system administrator
// (/admin/notifications). An email left SENDING by a worker that died is taken again after
// 10 minutes. docs/decisions/712-exactly-once-with-skip-locked.md
import type { Db } from '@/lib/server/db';
import { MailerError, type Mailer, type Template } from './mailer';
import { backoffMs } from './process-outbox';

export const STALE_SENDING_MS = 10 * 60_000;

interface Claimed {
  id: string;
  userId: string;
  kind: Template;
  personalisation: Record<string, string>;
  attempts: number;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

export async function sendEmails(options: {
  db: Db;
  mailer: Mailer;
  workerId: string;
  now?: Date;
  maxAttempts: number;
  limit?: number;
  log?: (line: string) => void;
}): Promise<SendReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.error(line));
  const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
  const stale = new Date(now.getTime() - STALE_SENDING_MS);
  const claimed = await options.db.$queryRaw<Claimed[]>`
    UPDATE "EmailDelivery" SET status = 'SENDING', "lockedAt" = ${now},
      "lockedBy" = ${options.workerId}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "EmailDelivery"
      WHERE (status = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR (status = 'SENDING' AND "lockedAt" < ${stale})
      ORDER BY "nextAttemptAt", id
      LIMIT ${options.limit ?? 50}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "userId", kind::text AS kind, personalisation, attempts`;
  if (claimed.length === 0) return report;
  const users = await options.db.user.findMany({
    where: { id: { in: claimed.map((c) => c.userId) } },
    select: { id: true, email: true, active: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const email of claimed) {
    const user = byId.get(email.userId);
    const mine = { id: email.id, status: 'SENDING' as const, lockedBy: options.workerId };
    if (!user?.active) {
      await options.db.emailDelivery.updateMany({
        where: mine,
        data: { status: 'WITHDRAWN', lastError: 'the account is no longer active' },
      });
      continue;
    }
    try {
      const result = await options.mailer.send({
        to: user.email,
        template: email.kind,
        personalisation: email.personalisation,
        reference: email.id,
      });
      await options.db.emailDelivery.updateMany({
        where: mine,
        data: {
          status: 'SENT',
          sentAt: new Date(),
          notifyId: result.id,
          lastError: null,
          lastStatusCode: null,
        },
      });
      report.sent += 1;
    } catch (error) {
      const e =
        error instanceof MailerError
          ? error
          : new MailerError(error instanceof Error ? error.message : 'failed', true, null);
      const giveUp = !e.retriable || email.attempts >= options.maxAttempts;
      await options.db.emailDelivery.updateMany({
        where: mine,
        data: {
          status: giveUp ? 'FAILED' : 'PENDING',
          lastError: e.message.slice(0, 500),
          lastStatusCode: e.status,
          nextAttemptAt: new Date(now.getTime() + backoffMs(email.attempts)),
        },
      });
      if (giveUp) report.failed += 1;
      else report.retrying += 1;
      log(
        `[notifications] email ${email.id} (try ${email.attempts}): ${e.message.slice(0, 200)}${giveUp ? ': given up' : ''}`,
      );
    }
  }
  return report;
}
