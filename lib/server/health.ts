import 'server-only';
// What /api/health checks, so that an orchestrator restarts a server that answers but cannot
// serve (issue 12 §1: a polluted Object.prototype made every page fail while the old health
// check, a bare `SELECT 1`, stayed green).
import { formToObject } from '@/lib/schemas/common';
import { recordContactSchema } from '@/lib/schemas/contact';
import { db } from '@/lib/server/db';
import { timeEventsHealth } from '@/lib/server/jobs/schedule';

/** Built-in methods whose loss or replacement breaks libraries everywhere. */
const OBJECT_METHODS = [
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
] as const;

/**
 * The shared prototypes as the language defines them: no enumerable property (an assignment
 * through `__proto__` makes one), the built-in methods still functions, `constructor` intact.
 */
export function prototypesIntact(): boolean {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype]) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (Object.getOwnPropertyDescriptor(proto, name)?.enumerable) return false;
    }
  }
  for (const name of OBJECT_METHODS) {
    if (typeof Object.prototype[name] !== 'function') return false;
  }
  return Object.prototype.constructor === Object && Array.prototype.constructor === Array;
}

/** A form decoded and checked as a request would be: the app's own code path still works. */
export function formPathWorks(): boolean {
  const form = new FormData();
  form.set('occurredAt.date.day', '1');
  form.set('occurredAt.date.month', '2');
  form.set('occurredAt.date.year', '2026');
  form.set('occurredAt.time', '10:00');
  form.set('mode', 'CLINIC');
  form.set('withCarer', 'no');
  form.set('summary', 'Health check');
  return recordContactSchema.safeParse(formToObject(form)).success;
}

/** The time-passing job runs every minute; no success for this long means it is failing. */
export const JOB_STALE_MS = 5 * 60_000;

export type JobState = 'ok' | 'starting' | 'stale' | 'not-running';

export function jobState(now = Date.now()): JobState {
  const health = timeEventsHealth();
  if (!health) return 'not-running';
  const since = health.lastSuccessAt ?? health.startedAt;
  if (now - since <= JOB_STALE_MS) return health.lastSuccessAt ? 'ok' : 'starting';
  return 'stale';
}

export interface HealthReport {
  healthy: boolean;
  body: Record<string, string>;
}

export async function checkHealth(): Promise<HealthReport> {
  let database: 'ok' | 'unavailable' = 'ok';
  try {
    // Through the generated client (as every page reads), not only a raw `SELECT 1`.
    await db.$queryRaw`SELECT 1`;
    await db.user.findFirst({ select: { id: true } });
  } catch {
    database = 'unavailable';
  }
  let app: 'ok' | 'broken' = 'ok';
  try {
    if (!prototypesIntact() || !formPathWorks()) app = 'broken';
  } catch {
    app = 'broken';
  }
  const jobs = jobState();
  const healthy = database === 'ok' && app === 'ok' && jobs !== 'stale';
  const body: Record<string, string> = {
    status: healthy ? 'ok' : 'error',
    database,
    app,
    timeEvents: jobs,
  };
  if (!healthy) {
    body.reason =
      database !== 'ok'
        ? 'The database did not answer.'
        : app !== 'ok'
          ? 'The server cannot serve requests: restart it.'
          : 'The time-passing job has not succeeded for 5 minutes.';
  }
  return { healthy, body };
}
