import 'server-only';
// One run of the notifications worker (issue 8 §3): queued items become notifications,
// deadlines coming due become reminders, the day's digests are made, and emails are sent.
// Safe to run in any number of app instances at once (docs/decisions/712).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { env } from '@/lib/env';
import { db as defaultDb, type Db } from '@/lib/server/db';
import { createDeadlineReminders } from './deadline-reminders';
import { queueDigests } from './digests';
import { logMailer, notifyMailer, type Mailer } from './mailer';
import { processOutbox } from './process-outbox';
import { sendEmails } from './send-emails';

export const WORKER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export function appUrl(): string {
  return env.AUTH_URL ?? 'http://localhost:3000';
}

/** GOV.UK Notify when a key is set, else the log. */
export function mailerFromEnv(): Mailer {
  if (env.NOTIFY_API_KEY && env.NOTIFY_TEMPLATE_IMMEDIATE && env.NOTIFY_TEMPLATE_DIGEST) {
    return notifyMailer({
      apiKey: env.NOTIFY_API_KEY,
      baseUrl: env.NOTIFY_BASE_URL,
      templates: { IMMEDIATE: env.NOTIFY_TEMPLATE_IMMEDIATE, DIGEST: env.NOTIFY_TEMPLATE_DIGEST },
    });
  }
  return logMailer();
}

export async function runNotificationsOnce(
  options: { db?: Db; now?: Date; mailer?: Mailer; workerId?: string } = {},
) {
  const db = options.db ?? defaultDb;
  const workerId = options.workerId ?? WORKER_ID;
  const url = appUrl();
  const outbox = await processOutbox({
    db,
    now: options.now,
    workerId,
    appUrl: url,
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  });
  const reminders = await createDeadlineReminders({ db, now: options.now, appUrl: url });
  const digests = await queueDigests({
    db,
    now: options.now,
    digestHour: env.NOTIFY_DIGEST_HOUR,
    appUrl: url,
  });
  const emails = await sendEmails({
    db,
    mailer: options.mailer ?? mailerFromEnv(),
    workerId,
    now: options.now,
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  });
  return { outbox, reminders, digests, emails };
}
