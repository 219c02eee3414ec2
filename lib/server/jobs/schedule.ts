import 'server-only';
// Runs the time-passing job once at start and then every minute, in the Node.js server only
// (instrumentation.ts), then checkpoints the audit trail when a checkpoint is due (every
// AUDIT_CHECKPOINT_MINUTES). One run at a time: a slow run is not overlapped by the next.
import { env } from '@/lib/env';
import { applyTimeEvents } from './apply-time-events';
import { checkpointIfDue } from './audit-checkpoint';

const EVERY_MS = 60_000;
const globalForJobs = globalThis as unknown as {
  ctoTimeEvents?: NodeJS.Timeout;
  ctoTimeEventsHealth?: TimeEventsHealth;
};

/** When the job started and last finished a run without an error (for /api/health). */
export interface TimeEventsHealth {
  startedAt: number;
  lastSuccessAt: number | null;
}

export function timeEventsHealth(): TimeEventsHealth | null {
  return globalForJobs.ctoTimeEventsHealth ?? null;
}

export function startTimeEventsSchedule(): void {
  if (env.NEXT_PHASE?.includes('build') || env.NODE_ENV === 'test') return;
  if (globalForJobs.ctoTimeEvents) return;
  let running = false;
  const health: TimeEventsHealth = { startedAt: Date.now(), lastSuccessAt: null };
  globalForJobs.ctoTimeEventsHealth = health;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await applyTimeEvents();
      health.lastSuccessAt = Date.now();
      if (report.eventsRecorded > 0 || report.failed > 0) {
        console.info(
          `[time-events] ${report.eventsRecorded} event(s) on ${report.ordersChanged} order(s); ${report.failed} failed`,
        );
      }
    } catch (error) {
      // No patient data: the message of a database or programming error only.
      console.error(
        `[time-events] run failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      );
    }
    try {
      const checkpoint = await checkpointIfDue();
      if (checkpoint) console.info(`[audit-checkpoint] sequence ${checkpoint.seq} signed`);
    } catch (error) {
      console.error(
        `[audit-checkpoint] failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
      );
    } finally {
      running = false;
    }
  };
  if (!env.AUDIT_CHECKPOINT_KEY) {
    console.warn(
      '[audit-checkpoint] AUDIT_CHECKPOINT_KEY is not set: the audit trail is not checkpointed',
    );
  }
  void run();
  globalForJobs.ctoTimeEvents = setInterval(() => void run(), EVERY_MS);
  globalForJobs.ctoTimeEvents.unref();
}
