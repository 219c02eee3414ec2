// Next.js runs register() once when the server starts. In the Node.js runtime (not the edge):
// - the request stamp: the client's address from the connection (and X-Forwarded-For only
//   from TRUSTED_PROXIES) for the audit trail, before Next.js sees a request
//   (lib/server/request-stamp.ts). Without it no address or request id is recorded;
// - the time-passing job: orders expire, take effect and leave the 72 hours without anyone
//   acting, and the audit trail's head is checkpointed (lib/server/jobs). The schedule itself
//   does nothing while `next build` runs. The screens never depend on it (they show lib/cto's
//   effectiveState), so a failure to start is logged, not fatal;
// - the statistics warmed: the trust's current and previous year's figures worked out in the
//   background a few seconds after start (lib/server/statistics-warm.ts), logged if it fails.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js per runtime; lib/env must not load in the edge runtime
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    const { env } = await import('./lib/env');
    const { parseTrustedProxies } = await import('./lib/server/client-address');
    const { installRequestStamp } = await import('./lib/server/request-stamp');
    installRequestStamp(parseTrustedProxies(env.TRUSTED_PROXIES) ?? []);
  } catch (error) {
    console.error(
      `[request-stamp] not installed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    );
  }
  try {
    const { startTimeEventsSchedule } = await import('./lib/server/jobs/schedule');
    startTimeEventsSchedule();
  } catch (error) {
    console.error(
      `[time-events] not started: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    );
  }
  // The notifications worker (issue 8 §3): the outbox, reminders, digests and emails.
  try {
    const { startNotificationsSchedule } = await import('./lib/server/notifications/schedule');
    startNotificationsSchedule();
  } catch (error) {
    console.error(
      `[notifications] not started: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    );
  }
  try {
    const { startStatisticsWarm } = await import('./lib/server/statistics-warm');
    startStatisticsWarm();
  } catch (error) {
    console.error(
      `[statistics] not warmed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    );
  }
}
