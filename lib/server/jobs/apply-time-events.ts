import 'server-only';
// Time passing (issue 5 part B): an order expires at the end of its last day, a forward-dated
// order takes effect, the 72 hours of a recall end, a nearest relative's unbarred order takes
// effect - without anyone acting. lib/cto says what is due (effectiveState(...).dueTimeEvents)
// and applies each event as SYSTEM_ACTOR; this job finds the candidates with indexed queries
// and records those events through the same steps as every change: one transaction per order,
// the version check, the event row, the deadlines recomputed, the audit row (actor 'system').
//
// The screens never wait for it: wherever a state is shown, effectiveState is used. The job
// makes the stored record (and the dashboards that read it) catch up.
import {
  applyEvent,
  effectiveState,
  londonDateOf,
  SYSTEM_ACTOR,
  type EventSuccess,
  type EventType,
  type OrderEvent,
} from '@/lib/cto';
import type { CtoState, Prisma } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db as defaultDb, type Db, type Tx } from '@/lib/server/db';
import { toDbDate } from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { orderInclude, toSnapshot, type LoadedOrder } from '@/lib/server/orders/snapshot';

const IN_FORCE: CtoState[] = ['ACTIVE', 'RECALL_PENDING', 'RECALLED', 'AWOL'];
const LIVE: CtoState[] = ['AWAITING_EFFECT', ...IN_FORCE];
const BATCH = 500;

export interface TimeEventsReport {
  candidates: number;
  ordersChanged: number;
  eventsRecorded: number;
  /** Orders whose update failed (logged without patient data; retried next run). */
  failed: number;
  /** Orders another app instance was bringing up to date at that moment (left to it). */
  skipped: number;
}

/**
 * Takes the order's row lock for this transaction, or answers false at once when another
 * instance holds it (FOR UPDATE SKIP LOCKED): two `npm start` processes sharing a database never
 * apply the same time event twice, and neither waits for or fails on the other
 * (docs/decisions/712-exactly-once-with-skip-locked.md).
 */
export async function lockOrderOrSkip(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "CommunityTreatmentOrder" WHERE id = ${orderId} FOR UPDATE SKIP LOCKED`;
  return rows.length === 1;
}

/** Orders that time may have changed, found with indexed columns only. */
export async function findTimeEventCandidates(db: Db | Tx, now: Date): Promise<string[]> {
  const today = toDbDate(londonDateOf(now));
  const rows = await db.communityTreatmentOrder.findMany({
    where: {
      OR: [
        // The last day has ended (s20B); s21 may keep it in force: lib/cto decides.
        { state: { in: IN_FORCE }, currentExpiryDate: { lt: today } },
        // A later effective time has come (CTO1 Part 3).
        { state: 'AWAITING_EFFECT', effectiveAt: { lte: now } },
        // The 72 hours have ended (s17F(6)).
        {
          state: 'RECALLED',
          recalls: {
            some: { outcome: 'ONGOING', enteredInErrorAt: null, deadlineAt: { lte: now } },
          },
        },
        // A nearest relative's order, unbarred, past its 72 hours (s23, s25).
        {
          state: { in: LIVE },
          nrOrders: {
            some: {
              outcome: 'PENDING',
              enteredInErrorAt: null,
              barringReportOn: null,
              takesEffectAt: { lte: now },
            },
          },
        },
      ],
    },
    select: { id: true },
    orderBy: { id: 'asc' },
    take: BATCH,
  });
  return rows.map((r) => r.id);
}

/** When the event happened in law (not when the job noticed). */
function occurredAt(outcome: EventSuccess, before: LoadedOrder, now: Date): Date {
  switch (outcome.type) {
    case 'EXPIRE':
      return outcome.order.endedAt ?? now;
    case 'SEVENTY_TWO_HOURS_END':
      return outcome.order.recall?.endedAt ?? now;
    case 'TAKE_EFFECT':
      return before.effectiveAt ?? now;
    default:
      return outcome.order.endedAt ?? now;
  }
}

/** The rows a time event changes besides the order itself. */
async function writeRows(
  tx: Tx,
  order: LoadedOrder,
  outcome: EventSuccess,
  at: Date,
): Promise<Prisma.InputJsonObject> {
  const recall = order.recalls[order.recalls.length - 1];
  switch (outcome.type) {
    case 'SEVENTY_TWO_HOURS_END': {
      if (recall) {
        await tx.recall.update({
          where: { id: recall.id },
          data: { outcome: 'RELEASED_AT_72_HOURS', endedAt: at },
        });
      }
      return { recallId: recall?.id ?? null };
    }
    case 'NR_DISCHARGE_TAKES_EFFECT': {
      const nr = order.nrOrders.find((o) => o.outcome === 'PENDING' && o.barringReportOn === null);
      if (nr) {
        await tx.nearestRelativeDischargeOrder.update({
          where: { id: nr.id },
          data: { outcome: 'DISCHARGED' },
        });
        await tx.discharge.create({
          data: {
            orderId: order.id,
            route: 'NEAREST_RELATIVE',
            orderedAt: nr.receivedAt,
            effectiveAt: at,
            nrOrderId: nr.id,
          },
        });
      }
      return { nrOrderId: nr?.id ?? null, ...(await endOrderScopedRows(tx, order, at)) };
    }
    case 'EXPIRE': {
      return endOrderScopedRows(tx, order, at);
    }
    default:
      return {};
  }
}

/** An order that ended by time: its running recall, extension and conditions end with it. */
async function endOrderScopedRows(
  tx: Tx,
  order: LoadedOrder,
  at: Date,
): Promise<Prisma.InputJsonObject> {
  const recall = order.recalls[order.recalls.length - 1];
  let recallId: string | null = null;
  if (recall && recall.outcome === 'ONGOING') {
    recallId = recall.id;
    await tx.recall.update({
      where: { id: recall.id },
      data: { outcome: 'ORDER_ENDED', endedAt: at },
    });
  }
  const extensions = order.extensions.filter((e) => e.status === 'IN_PROGRESS').map((e) => e.id);
  if (extensions.length) {
    await tx.extension.updateMany({
      where: { id: { in: extensions } },
      data: { status: 'LAPSED' },
    });
  }
  const conditions = order.conditions
    .filter((c) => c.status !== 'ENDED')
    .map((c) => ({ id: c.id, status: c.status }));
  if (conditions.length) {
    await tx.condition.updateMany({
      where: { id: { in: conditions.map((c) => c.id) } },
      data: { status: 'ENDED', endedAt: at },
    });
  }
  return { endedRecallId: recallId, lapsedExtensions: extensions, endedConditions: conditions };
}

/**
 * Brings one order up to date: every due time event, in order, as SYSTEM_ACTOR. Returns the
 * events recorded (none if lib/cto says nothing is due, e.g. s21 keeps an expiry away).
 */
export async function applyTimeEventsToOrder(
  tx: Tx,
  orderId: string,
  now: Date,
): Promise<EventType[]> {
  const recorded: EventType[] = [];
  for (let guard = 0; guard < 5; guard += 1) {
    const order = await tx.communityTreatmentOrder.findUnique({
      where: { id: orderId },
      include: orderInclude,
    });
    if (!order) return recorded;
    const snapshot = toSnapshot(order);
    const due = effectiveState(snapshot, now).dueTimeEvents[0];
    if (!due) return recorded;
    const event = { type: due } as OrderEvent;
    const outcome = applyEvent(snapshot, event, SYSTEM_ACTOR, now, {
      rightsInformationTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
    });
    if (!outcome.ok) {
      // The law and the record disagree about what is due: leave it for a person to see.
      throw new Error(`lib/cto refused the due ${due}: ${outcome.code}`);
    }
    const at = occurredAt(outcome, order, now);
    const bumped = await tx.communityTreatmentOrder.updateMany({
      where: { id: order.id, version: order.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) throw new Error('The order changed while time events were applied.');
    const facts = await writeRows(tx, order, outcome, at);
    const ended = outcome.endReason !== undefined;
    await tx.communityTreatmentOrder.update({
      where: { id: order.id },
      data: {
        state: outcome.state,
        ...(ended
          ? {
              endedAt: at,
              // "Expires at the end of E": the last day in force is E, not the midnight after it.
              endedOn: toDbDate(
                londonDateOf(outcome.type === 'EXPIRE' ? new Date(at.getTime() - 1) : at),
              ),
              endReason: outcome.endReason,
            }
          : {}),
      },
    });
    const row = await tx.ctoEvent.create({
      data: {
        orderId: order.id,
        patientId: order.patientId,
        type: outcome.type,
        occurredAt: at,
        recordedById: null,
        stateBefore: order.state,
        stateAfter: outcome.state,
        facts: { ...facts, recordedBy: 'system', warnings: outcome.warnings.map((w) => w.code) },
      },
      select: { id: true },
    });
    await recomputeOrderDeadlines(tx, order.id, londonDateOf(now), now, {
      rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
    });
    await recordAudit(tx, {
      actor: { userId: null, email: 'system', roles: ['SYSTEM'] },
      action: `time-event.${outcome.type.toLowerCase()}`,
      outcome: 'SUCCESS',
      entityType: 'CommunityTreatmentOrder',
      entityId: order.id,
      patientId: order.patientId,
      metadata: { eventId: row.id, type: outcome.type, from: order.state, to: outcome.state },
    });
    await tx.outboxMessage.create({
      data: {
        topic: 'order-event.recorded',
        payload: {
          orderId: order.id,
          patientId: order.patientId,
          eventId: row.id,
          type: outcome.type,
        },
      },
    });
    recorded.push(outcome.type);
  }
  return recorded;
}

/** One run: every candidate, each in its own transaction. Safe to run twice (idempotent). */
export async function applyTimeEvents(
  options: {
    db?: Db;
    now?: Date;
    log?: (message: string) => void;
    /** Limit the run to these orders (tests share one database). */
    orderIds?: readonly string[];
  } = {},
): Promise<TimeEventsReport> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const log = options.log ?? ((m: string) => console.error(m));
  const only = options.orderIds ? new Set(options.orderIds) : null;
  const ids = (await findTimeEventCandidates(db, now)).filter((id) => !only || only.has(id));
  const report: TimeEventsReport = {
    candidates: ids.length,
    ordersChanged: 0,
    eventsRecorded: 0,
    failed: 0,
    skipped: 0,
  };
  for (const id of ids) {
    try {
      const recorded = await db.$transaction(
        async (tx) =>
          (await lockOrderOrSkip(tx, id)) ? applyTimeEventsToOrder(tx, id, now) : null,
        { timeout: 20_000, maxWait: 20_000 },
      );
      if (recorded === null) {
        report.skipped += 1;
        continue;
      }
      if (recorded.length > 0) report.ordersChanged += 1;
      report.eventsRecorded += recorded.length;
    } catch (error) {
      report.failed += 1;
      // Identifiers only: never the patient's details.
      log(
        `[time-events] order ${id}: ${error instanceof Error ? error.message.slice(0, 200) : 'failed'}`,
      );
    }
  }
  return report;
}
