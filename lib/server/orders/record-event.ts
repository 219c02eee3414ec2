// Asking the law about an event, then writing what it implies: the two halves of every
// service that changes an order. Services load the order in scope, call `decide`, write their
// own rows (a Recall, an Extension ...), then call `commit` in the same transaction.
import {
  applyEvent,
  orderPeriods,
  type EventSuccess,
  type OrderEvent,
  type Warning,
} from '@/lib/cto';
import { env } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { CONFLICT_MESSAGE, Refusal, type ServiceContext } from '@/lib/server/services/run-service';
import { ctoActor, orderInclude, toSnapshot, type LoadedOrder } from './snapshot';

/** Loads an order with the actor's patient scope in the query; refuses as not found otherwise. */
export async function loadOrderInScope<I>(
  ctx: ServiceContext<I>,
  orderId: string,
): Promise<LoadedOrder> {
  const order = await ctx.tx.communityTreatmentOrder.findFirst({
    where: { id: orderId, patient: ctx.patientWhere },
    include: orderInclude,
  });
  if (!order) ctx.notFound('The community treatment order');
  return order;
}

/**
 * The order in the actor's scope, as the person saw it, locked for this change. If someone else
 * changed it since the page was opened (their expectedVersion), refuse as a conflict before
 * anything else: the law's answer may have changed with it. The version is bumped here, which
 * takes the row lock, so two people acting at once are serialised: the second waits, then is
 * told the order changed, and nothing either wrote is half-done. commit() finds it bumped.
 */
export async function loadOrderForChange<I>(
  ctx: ServiceContext<I>,
  orderId: string,
  expectedVersion: number,
): Promise<LoadedOrder> {
  const order = await loadOrderInScope(ctx, orderId);
  if (order.version !== expectedVersion) {
    throw new Refusal('STALE_VERSION', CONFLICT_MESSAGE, undefined, 'CONFLICT');
  }
  await ctx.bumpOrderVersion(order.id, expectedVersion);
  return order;
}

/** lib/cto's verdict on the event; a refusal becomes the service's refusal, with the law's message. */
export function decide<I>(
  ctx: ServiceContext<I>,
  order: LoadedOrder,
  event: OrderEvent,
): EventSuccess {
  const outcome = applyEvent(toSnapshot(order), event, ctoActor(ctx.actor, order), ctx.now, {
    rightsInformationTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
  });
  if (!outcome.ok) ctx.refuse(outcome.code, outcome.message);
  return outcome;
}

export interface CommitOptions {
  order: LoadedOrder;
  expectedVersion: number;
  outcome: EventSuccess;
  occurredAt: Date;
  /** Identifiers and facts of the event for the chronology (no free text beyond what was entered). */
  facts?: Prisma.InputJsonValue;
  formId?: string | null;
  /** Set on the new period when this event granted one (FURNISH_CTO7). */
  extensionId?: string | null;
  /** Other columns of the order this event changes (e.g. the responsible hospital). */
  orderData?: Prisma.CommunityTreatmentOrderUncheckedUpdateInput;
  auditAction: string;
}

export interface CommitResult {
  eventId: string;
  state: string;
  expiry: string | null;
  warnings: readonly Warning[];
}

export async function commit<I>(
  ctx: ServiceContext<I>,
  options: CommitOptions,
): Promise<CommitResult> {
  const { order, outcome } = options;
  const tx = ctx.tx;
  // Optimistic concurrency: someone else's change in the meantime refuses this one.
  await ctx.bumpOrderVersion(order.id, options.expectedVersion);

  // Periods: keep one row per period the law now gives the order (s20A(1)-(3)).
  const periods = orderPeriods(outcome.order) ?? [];
  const existing = new Map(order.periods.map((p) => [p.index, p]));
  for (const period of periods) {
    const row = existing.get(period.index);
    const data = {
      months: period.months,
      startDate: toDbDate(period.start),
      endDate: toDbDate(period.end),
      alternativeEndDate: period.alternativeEnd ? toDbDate(period.alternativeEnd) : null,
    };
    if (!row) {
      await tx.ctoPeriod.create({
        data: {
          orderId: order.id,
          index: period.index,
          source: period.index === 0 ? 'MADE' : 'EXTENSION',
          extensionId: period.index > 0 ? (options.extensionId ?? null) : null,
          ...data,
        },
      });
    } else if (
      row.endDate.getTime() !== data.endDate.getTime() ||
      row.startDate.getTime() !== data.startDate.getTime()
    ) {
      await tx.ctoPeriod.update({ where: { id: row.id }, data });
    }
  }
  const last = periods[periods.length - 1];
  const snapshot = outcome.order;
  const ended = outcome.endReason !== undefined;
  await tx.communityTreatmentOrder.update({
    where: { id: order.id },
    data: {
      state: outcome.state,
      signedAt: snapshot.signedAt,
      effectiveAt: snapshot.effectiveAt,
      madeOn: snapshot.madeOn ? toDbDate(snapshot.madeOn) : null,
      currentExpiryDate: outcome.expiry ? toDbDate(outcome.expiry) : null,
      currentExpiryAlternative: last?.alternativeEnd ? toDbDate(last.alternativeEnd) : null,
      currentPeriodIndex: last ? last.index : null,
      ...(ended
        ? {
            endedAt: options.occurredAt,
            endedOn: toDbDate(londonDateOf(options.occurredAt)),
            endReason: outcome.endReason,
          }
        : {}),
      ...options.orderData,
    },
  });
  const event = await tx.ctoEvent.create({
    data: {
      orderId: order.id,
      patientId: order.patientId,
      type: outcome.type,
      occurredAt: options.occurredAt,
      recordedById: ctx.actor.userId,
      formId: options.formId ?? null,
      stateBefore: order.state,
      stateAfter: outcome.state,
      facts: options.facts ?? {},
    },
  });
  await recomputeOrderDeadlines(tx, order.id, londonDateOf(ctx.now), ctx.now, {
    rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
  });
  await ctx.audit({
    action: options.auditAction,
    outcome: 'SUCCESS',
    entityType: 'CommunityTreatmentOrder',
    entityId: order.id,
    patientId: order.patientId,
    metadata: { eventId: event.id, type: outcome.type, from: order.state, to: outcome.state },
  });
  return {
    eventId: event.id,
    state: outcome.state,
    expiry: outcome.expiry,
    warnings: outcome.warnings,
  };
}
