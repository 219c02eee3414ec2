// The outbox worker's first half (issue 8 §3): each queued `notify.*` item (and the order events
// that call for one: recalls, expiry, the end of the 72 hours) becomes a notification for each
// person it concerns, in one transaction with marking the item processed. The item is claimed
// with FOR UPDATE SKIP LOCKED, so two app instances never take the same one; an item whose
// event was entered in error is taken without notifying anyone (docs/decisions/711, 712).
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '@/lib/server/db';
import { KINDS, type NotificationKind } from './catalogue';
import { notifyPeople } from './deliver-notification';
import { orderPeople, resolveAudience } from './recipients';

/** The topics this worker takes; any other topic is left for its own consumer. */
export const NOTIFY_TOPICS = [
  'notify.amhp-agreement-requested',
  'amhp-agreement.requested',
  'notify.amhp-agreement-answered',
  'notify.nr-discharge-order',
  'notify.nr-barred',
  'notify.cto11-needed',
  'notify.cqc-death',
  'notify.order-discharged',
  'notify.assignment',
  'order-event.recorded',
] as const;

type Payload = Record<string, unknown>;
const text = (p: Payload, key: string): string | null =>
  typeof p[key] === 'string' ? (p[key] as string) : null;

/** What a queued item means, or null when it needs nobody told (most order events). */
export function kindOf(topic: string, payload: Payload): NotificationKind | null {
  switch (topic) {
    case 'notify.amhp-agreement-requested':
    case 'amhp-agreement.requested':
      return KINDS.amhpRequested(text(payload, 'purpose') ?? 'MAKING');
    case 'notify.amhp-agreement-answered':
      return KINDS.amhpAnswered;
    case 'notify.nr-discharge-order':
      return KINDS.nrDischargeOrder;
    case 'notify.nr-barred':
      return KINDS.nrBarred;
    case 'notify.cto11-needed':
      return KINDS.certificateEnded;
    case 'notify.cqc-death':
      return KINDS.death;
    case 'notify.order-discharged':
      return KINDS.discharged;
    case 'notify.assignment':
      return KINDS.assignment;
    case 'order-event.recorded':
      switch (text(payload, 'type')) {
        case 'SERVE_RECALL_NOTICE':
          return KINDS.recallServed;
        case 'DETENTION_BEGINS':
          return KINDS.recallDetained;
        case 'SEVENTY_TWO_HOURS_END':
          return KINDS.seventyTwoHoursEnded;
        case 'EXPIRE':
          return KINDS.orderExpired;
        default:
          return null;
      }
    default:
      return null;
  }
}

export interface OutboxOptions {
  db: Db;
  now?: Date;
  workerId: string;
  appUrl: string;
  /** Items per run. */
  limit?: number;
  /** Tries before an item is left for the administrator. */
  maxAttempts?: number;
  log?: (line: string) => void;
}

export interface OutboxReport {
  processed: number;
  notifications: number;
  withdrawn: number;
  failed: number;
}

interface Claimed {
  id: string;
  topic: string;
  payload: Payload;
  attempts: number;
}

async function claimOne(tx: Tx, now: Date, maxAttempts: number): Promise<Claimed | null> {
  const rows = await tx.$queryRaw<Claimed[]>`
    SELECT id, topic, payload, attempts FROM "OutboxMessage"
    WHERE "processedAt" IS NULL AND attempts < ${maxAttempts}
      -- Items are queued with the database's clock; a run given an earlier "now" still sees them.
      AND "availableAt" <= greatest(${now}::timestamptz, now())
      AND topic IN (${Prisma.join([...NOTIFY_TOPICS])})
    ORDER BY "availableAt", id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return rows[0] ?? null;
}

/** Wait before the next try of an item or email: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function handle(
  tx: Tx,
  message: Claimed,
  options: { now: Date; appUrl: string },
): Promise<{ made: number; withdrawn: boolean }> {
  const kind = kindOf(message.topic, message.payload);
  if (!kind) return { made: 0, withdrawn: false };
  const eventId = text(message.payload, 'eventId');
  let recordedBy: string | null = null;
  if (eventId) {
    // FOR SHARE: a correction marking this event entered in error waits for this transaction
    // (and then withdraws what it made), or has already committed and is seen here.
    const events = await tx.$queryRaw<
      { enteredInErrorAt: Date | null; recordedById: string | null }[]
    >`
      SELECT "enteredInErrorAt", "recordedById" FROM "CtoEvent" WHERE id = ${eventId} FOR SHARE`;
    const event = events[0];
    if (event?.enteredInErrorAt) return { made: 0, withdrawn: true };
    recordedBy = event?.recordedById ?? null;
  }
  const orderId = text(message.payload, 'orderId');
  const people = orderId ? await orderPeople(tx, orderId) : null;
  const recipients = await resolveAudience(tx, kind.audiences, people, {
    amhpId: text(message.payload, 'amhpId'),
    // Whoever did it need not be told of it.
    except: recordedBy,
  });
  const link =
    kind.kind === 'AMHP_AGREEMENT_REQUESTED'
      ? '/agreements'
      : people
        ? `/patients/${people.patientId}`
        : null;
  const made = await notifyPeople(tx, recipients, {
    kind,
    sourceKey: `outbox:${message.id}`,
    link,
    eventId,
    appUrl: options.appUrl,
    now: options.now,
  });
  return { made, withdrawn: false };
}

/** Takes queued items one at a time (each in its own transaction) until none is left. */
export async function processOutbox(options: OutboxOptions): Promise<OutboxReport> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 200;
  const maxAttempts = options.maxAttempts ?? 6;
  const log = options.log ?? ((line: string) => console.error(line));
  const report: OutboxReport = { processed: 0, notifications: 0, withdrawn: 0, failed: 0 };
  for (let i = 0; i < limit; i += 1) {
    let claimedId: string | null = null;
    try {
      const done = await options.db.$transaction(
        async (tx) => {
          const message = await claimOne(tx, now, maxAttempts);
          if (!message) return null;
          claimedId = message.id;
          const result = await handle(tx, message, { now, appUrl: options.appUrl });
          await tx.outboxMessage.update({
            where: { id: message.id },
            data: {
              processedAt: now,
              lockedAt: now,
              lockedBy: options.workerId,
              attempts: { increment: 1 },
              lastError: result.withdrawn ? 'withdrawn: the event was entered in error' : null,
            },
          });
          return result;
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
      if (!done) break;
      report.processed += 1;
      report.notifications += done.made;
      if (done.withdrawn) report.withdrawn += 1;
    } catch (error) {
      report.failed += 1;
      const message = error instanceof Error ? error.message.slice(0, 300) : 'failed';
      // Identifiers only: never patient details.
      log(`[notifications] outbox item ${claimedId ?? '?'}: ${message}`);
      if (!claimedId) break;
      const id: string = claimedId;
      const row = await options.db.outboxMessage.findUnique({
        where: { id },
        select: { attempts: true },
      });
      await options.db.outboxMessage.update({
        where: { id },
        data: {
          attempts: { increment: 1 },
          lastError: message,
          lockedAt: now,
          lockedBy: options.workerId,
          availableAt: new Date(now.getTime() + backoffMs((row?.attempts ?? 0) + 1)),
        },
      });
    }
  }
  return report;
}
