// Next.js runs register() once when the server starts. In the Node.js runtime (not the edge)
// it starts the time-passing job: orders expire, take effect and leave the 72 hours without
// anyone acting (lib/server/jobs). The schedule itself does nothing while `next build` runs.
// The screens never depend on it (they show lib/cto's effectiveState), so a failure to start is
// logged, not fatal.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js per runtime; lib/env must not load in the edge runtime
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  try {
    const { startTimeEventsSchedule } = await import('./lib/server/jobs/schedule');
    startTimeEventsSchedule();
  } catch (error) {
    console.error(
      `[time-events] not started: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    );
  }
}
