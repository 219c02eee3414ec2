import 'server-only';
// Runs the notifications worker every 15 seconds in the Node.js server (instrumentation.ts),
// one run at a time per process; other instances run theirs, and the claims keep them apart.
import { env } from '@/lib/env';
import { mailerFromEnv, runNotificationsOnce } from './worker';

const EVERY_MS = 15_000;
const globalForWorker = globalThis as unknown as { ctoNotifications?: NodeJS.Timeout };

export function startNotificationsSchedule(): void {
  if (env.NEXT_PHASE?.includes('build') || env.NODE_ENV === 'test') return;
  if (globalForWorker.ctoNotifications) return;
  const mailer = mailerFromEnv();
  if (mailer.name === 'log') {
    console.warn('[notifications] NOTIFY_API_KEY is not set: emails are written to the log');
  }
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runNotificationsOnce({ mailer });
      const made = r.outbox.notifications + r.reminders.notifications;
      if (made > 0 || r.emails.sent > 0 || r.emails.failed > 0 || r.outbox.failed > 0) {
        console.info(
          `[notifications] ${made} notification(s); ${r.digests} digest(s); emails sent ${r.emails.sent}, retrying ${r.emails.retrying}, failed ${r.emails.failed}; outbox failures ${r.outbox.failed}`,
        );
      }
    } catch (error) {
      console.error(
        `[notifications] run failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      );
    } finally {
      running = false;
    }
  };
  void run();
  globalForWorker.ctoNotifications = setInterval(() => void run(), EVERY_MS);
  globalForWorker.ctoNotifications.unref();
}
