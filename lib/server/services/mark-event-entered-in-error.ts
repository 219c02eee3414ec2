import 'server-only';
// Corrections (issue 5): the MHA office marks the LATEST event of an order "entered in error",
// with a reason. Nothing is deleted: the event and the rows it wrote are marked (or, where the
// row has no such mark, put back as they were before, with the old values kept in the event's
// facts); the order's state goes back to what it was before the event, its periods and expiry
// are recomputed from the facts that remain (toSnapshot + lib/cto), and so are its deadlines.
// Only the latest event can be corrected: docs/decisions/402-corrections-latest-event-only.md.
import { isTerminalState, orderPeriods, type OrderState } from '@/lib/cto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { enteredInErrorSchema } from '@/lib/schemas/orders/correction';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { orderInclude, toSnapshot } from '@/lib/server/orders/snapshot';
import { env } from '@/lib/env';
import { withdrawForEvent } from '@/lib/server/notifications/withdraw';
import type { ServiceActor, ServiceContext } from './run-service';
import { loadOrderForChange, runOrderService, type CallOptions } from './order-flow';

export type EventEnteredInError = {
  eventId: string;
  type: string;
  state: string;
  expiry: string | null;
};

/** Events whose rows this service knows how to take back. */
export const CORRECTABLE_EVENTS = [
  'SERVE_RECALL_NOTICE',
  'DETENTION_BEGINS',
  'RELEASE_FROM_RECALL',
  'AMHP_AGREE_REVOCATION',
  'AMHP_DECLINE_REVOCATION',
  'EXAMINE_FOR_EXTENSION',
  'CONSULT_FOR_EXTENSION',
  'AMHP_AGREE_EXTENSION',
  'AMHP_DECLINE_EXTENSION',
  'FURNISH_CTO7',
  'FURNISH_CTO8',
  'MANAGERS_RECEIVE_CTO7',
  'MANAGERS_REVIEW_EXTENSION',
  'AWOL_BEGINS',
  'AWOL_ENDS',
  'TRIBUNAL_CASE_OPENED',
  'TRIBUNAL_HEARING_HELD',
  'NR_DISCHARGE_ORDER_RECEIVED',
  'NR_BARRING_REPORT',
] as const;

type Facts = Record<string, unknown>;
const str = (facts: Facts, key: string): string | null =>
  typeof facts[key] === 'string' ? (facts[key] as string) : null;
const date = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);

async function markForm<I>(ctx: ServiceContext<I>, formId: string | null, reason: string) {
  if (!formId) return;
  await ctx.tx.statutoryForm.updateMany({
    where: { id: formId, enteredInErrorAt: null },
    data: { enteredInErrorAt: ctx.now, enteredInErrorReason: reason },
  });
}

/** An AMHP's answer entered in error: marked, and the request asked again as it was. */
async function reopenAgreement<I>(ctx: ServiceContext<I>, agreementId: string | null) {
  if (!agreementId) return;
  const a = await ctx.tx.amhpAgreement.findUnique({ where: { id: agreementId } });
  if (!a) return;
  await ctx.tx.amhpAgreement.update({
    where: { id: a.id },
    data: { enteredInErrorAt: ctx.now },
  });
  await ctx.tx.amhpAgreement.create({
    data: {
      orderId: a.orderId,
      purpose: a.purpose,
      requestedAt: a.requestedAt,
      requestedById: a.requestedById,
      amhpId: a.amhpId,
      decision: 'PENDING',
      extensionId: a.extensionId,
      recallId: a.recallId,
    },
  });
}

/**
 * The entry in the nearest relative's history that the event wrote: by its id (kept in the facts
 * since this was added), or else the one of that kind at that moment.
 */
async function markNearestRelativeEvent<I>(
  ctx: ServiceContext<I>,
  event: { patientId: string; occurredAt: Date; facts: Prisma.JsonValue },
  kind: 'DISCHARGE_ORDER_RECEIVED' | 'BARRING_REPORT_SENT',
  reason: string,
) {
  const id = str((event.facts ?? {}) as Facts, 'nrEventId');
  await ctx.tx.nearestRelativeEvent.updateMany({
    where: id
      ? { id, enteredInErrorAt: null }
      : {
          patientId: event.patientId,
          kind,
          occurredAt: event.occurredAt,
          enteredInErrorAt: null,
        },
    data: { enteredInErrorAt: ctx.now, enteredInErrorReason: reason },
  });
}

async function undoRows<I>(
  ctx: ServiceContext<I>,
  event: {
    type: string;
    patientId: string;
    occurredAt: Date;
    facts: Prisma.JsonValue;
    formId: string | null;
  },
  reason: string,
): Promise<void> {
  const tx = ctx.tx;
  const facts = (event.facts ?? {}) as Facts;
  const recallId = str(facts, 'recallId');
  const extensionId = str(facts, 'extensionId');
  switch (event.type) {
    case 'SERVE_RECALL_NOTICE':
      if (recallId) {
        await tx.recall.update({
          where: { id: recallId },
          data: { enteredInErrorAt: ctx.now, enteredInErrorReason: reason },
        });
      }
      return markForm(ctx, event.formId, reason);
    case 'DETENTION_BEGINS':
      if (recallId) {
        await tx.recall.update({
          where: { id: recallId },
          data: { detentionBeganAt: null, deadlineAt: null, cto4FormId: null },
        });
      }
      return markForm(ctx, event.formId, reason);
    case 'RELEASE_FROM_RECALL':
      if (recallId) {
        await tx.recall.update({
          where: { id: recallId },
          data: { outcome: 'ONGOING', endedAt: null, endedById: null },
        });
      }
      return;
    case 'AMHP_AGREE_REVOCATION':
    case 'AMHP_DECLINE_REVOCATION':
    case 'AMHP_AGREE_EXTENSION':
    case 'AMHP_DECLINE_EXTENSION':
      return reopenAgreement(ctx, str(facts, 'agreementId'));
    case 'EXAMINE_FOR_EXTENSION':
    case 'CONSULT_FOR_EXTENSION': {
      if (!extensionId) return;
      if (facts.createdExtension === true) {
        await tx.extension.update({
          where: { id: extensionId },
          data: { enteredInErrorAt: ctx.now, enteredInErrorReason: reason },
        });
        return;
      }
      if (event.type === 'EXAMINE_FOR_EXTENSION') {
        const previous = str(facts, 'previousExaminedOn');
        await tx.extension.update({
          where: { id: extensionId },
          data: {
            examinedOn: previous ? toDbDate(previous) : null,
            rcReasons: str(facts, 'previousReasons'),
          },
        });
        const withdrawn = Array.isArray(facts.withdrawnAgreements)
          ? (facts.withdrawnAgreements as { id: string; decision: 'PENDING' | 'AGREED' }[])
          : [];
        for (const a of withdrawn) {
          await tx.amhpAgreement.update({ where: { id: a.id }, data: { decision: a.decision } });
        }
      } else {
        const previous = (facts.previous ?? {}) as Facts;
        const on = str(previous, 'consultedOn');
        await tx.extension.update({
          where: { id: extensionId },
          data: {
            consultedOn: on ? toDbDate(on) : null,
            consulteeName: str(previous, 'consulteeName'),
            consulteeRole: str(previous, 'consulteeRole'),
          },
        });
      }
      return;
    }
    case 'FURNISH_CTO7':
      if (extensionId) {
        await tx.extension.update({
          where: { id: extensionId },
          data: {
            status: 'IN_PROGRESS',
            cto7FurnishedAt: null,
            cto7FurnishedById: null,
            cto7FormId: null,
          },
        });
        // The period it granted: marked, and freed from the extension so that a new CTO7 can
        // grant it again.
        await tx.ctoPeriod.updateMany({
          where: { extensionId },
          data: { enteredInErrorAt: ctx.now, extensionId: null },
        });
      }
      return markForm(ctx, event.formId, reason);
    case 'FURNISH_CTO8': {
      const agreementId = str(facts, 'agreementId');
      if (agreementId) {
        await tx.amhpAgreement.update({
          where: { id: agreementId },
          data: { enteredInErrorAt: ctx.now },
        });
      }
      return markForm(ctx, event.formId, reason);
    }
    case 'MANAGERS_RECEIVE_CTO7':
      if (extensionId) {
        await tx.extension.update({
          where: { id: extensionId },
          data: { managersReceivedAt: null, managersReceivedById: null },
        });
      }
      if (event.formId) {
        await tx.statutoryForm.update({
          where: { id: event.formId },
          data: { receivedAt: null, receivedById: null },
        });
      }
      return;
    case 'MANAGERS_REVIEW_EXTENSION': {
      if (extensionId) {
        await tx.extension.update({
          where: { id: extensionId },
          data: { managersReviewedOn: null, managersReviewOutcome: null },
        });
      }
      const hearingId = str(facts, 'hearingId');
      if (hearingId) {
        await tx.managersHearing.update({
          where: { id: hearingId },
          data: {
            heldOn: null,
            outcome: null,
            decisionOn: null,
            notes: `Recorded as held, then marked entered in error: ${reason}`,
          },
        });
      }
      return;
    }
    case 'AWOL_BEGINS': {
      const episodeId = str(facts, 'episodeId');
      if (episodeId) {
        await tx.awolEpisode.update({
          where: { id: episodeId },
          data: { enteredInErrorAt: ctx.now },
        });
      }
      return;
    }
    case 'AWOL_ENDS': {
      const episodeId = str(facts, 'episodeId');
      if (episodeId) {
        await tx.awolEpisode.update({
          where: { id: episodeId },
          data: { returnedAt: null, returnHow: null },
        });
      }
      if (recallId) {
        await tx.recall.update({
          where: { id: recallId },
          data: {
            detentionBeganAt: date(facts.previousDetentionBeganAt),
            deadlineAt: date(facts.previousDeadlineAt),
          },
        });
      }
      return;
    }
    case 'TRIBUNAL_CASE_OPENED': {
      const caseId = str(facts, 'tribunalCaseId');
      if (caseId) {
        await tx.tribunalCase.update({
          where: { id: caseId },
          data: { enteredInErrorAt: ctx.now },
        });
      }
      return;
    }
    case 'NR_DISCHARGE_ORDER_RECEIVED': {
      // The order for discharge was never received: its row is marked, so it is no longer
      // pending (its 72 hours and the "consider barring" deadline go with it).
      const nrOrderId = str(facts, 'nrOrderId');
      if (nrOrderId) {
        await tx.nearestRelativeDischargeOrder.update({
          where: { id: nrOrderId },
          data: { enteredInErrorAt: ctx.now },
        });
      }
      return markNearestRelativeEvent(ctx, event, 'DISCHARGE_ORDER_RECEIVED', reason);
    }
    case 'NR_BARRING_REPORT': {
      // The order for discharge is pending again, exactly as before the report (its 72 hours
      // still run from receipt); the M2 and the history entry are marked.
      const nrOrderId = str(facts, 'nrOrderId');
      if (nrOrderId) {
        await tx.nearestRelativeDischargeOrder.update({
          where: { id: nrOrderId },
          data: {
            outcome: 'PENDING',
            barringReportAt: null,
            barringReportOn: null,
            barredById: null,
            barringReasons: null,
            nearestRelativeInformedOn: null,
            tribunalWindowEndsOn: null,
            noFurtherOrderUntil: null,
            m2FormId: null,
          },
        });
      }
      await markNearestRelativeEvent(ctx, event, 'BARRING_REPORT_SENT', reason);
      return markForm(ctx, event.formId, reason);
    }
    case 'TRIBUNAL_HEARING_HELD': {
      const hearingId = str(facts, 'hearingId');
      const caseId = str(facts, 'tribunalCaseId');
      if (hearingId) {
        await tx.tribunalHearing.update({
          where: { id: hearingId },
          data: {
            heldOn: null,
            outcome: null,
            decisionOn: null,
            notes: `Recorded as held, then marked entered in error: ${reason}`,
          },
        });
      }
      const previous = str(facts, 'previousCaseStatus');
      if (caseId && (previous === 'OPEN' || previous === 'WITHDRAWN' || previous === 'DECIDED')) {
        await tx.tribunalCase.update({ where: { id: caseId }, data: { status: previous } });
      }
      return;
    }
  }
}

export function markEventEnteredInError(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'mark:entered-in-error',
    auditAction: 'order-event.entered-in-error',
    schema: enteredInErrorSchema,
    actor,
    input,
    execute: async (ctx): Promise<EventEnteredInError> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const latest = await ctx.tx.ctoEvent.findFirst({
        where: { orderId: order.id, enteredInErrorAt: null },
        orderBy: [{ recordedAt: 'desc' }, { occurredAt: 'desc' }],
      });
      if (!latest || latest.id !== d.eventId) {
        return ctx.refuse(
          'NOT_LATEST_EVENT',
          'Only the latest event of an order can be marked as entered in error. Correct the later events first.',
        );
      }
      if (!(CORRECTABLE_EVENTS as readonly string[]).includes(latest.type)) {
        return ctx.refuse(
          'NOT_CORRECTABLE',
          latest.recordedById === null
            ? 'This event was recorded by the system as time passed; it follows from the other facts and cannot be entered in error.'
            : 'This kind of event cannot be marked as entered in error in CTO Tracker yet. Ask the system administrator.',
        );
      }
      await ctx.bumpOrderVersion(order.id, d.expectedVersion);
      await undoRows(ctx, latest, d.reason);
      await ctx.tx.ctoEvent.update({
        where: { id: latest.id },
        data: {
          enteredInErrorAt: ctx.now,
          enteredInErrorById: ctx.actor.userId,
          enteredInErrorReason: d.reason,
        },
      });

      // The order as the remaining facts make it: the state before the event, and the periods
      // lib/cto gives the remaining extensions.
      const reloaded = await ctx.tx.communityTreatmentOrder.findUniqueOrThrow({
        where: { id: order.id },
        include: orderInclude,
      });
      const state = (latest.stateBefore ?? order.state) as OrderState;
      const periods = orderPeriods({ ...toSnapshot(reloaded), state }) ?? [];
      const last = periods[periods.length - 1];
      const reopened = isTerminalState(order.state) && !isTerminalState(state);
      await ctx.tx.communityTreatmentOrder.update({
        where: { id: order.id },
        data: {
          state,
          currentExpiryDate: last ? toDbDate(last.end) : null,
          currentExpiryAlternative: last?.alternativeEnd ? toDbDate(last.alternativeEnd) : null,
          currentPeriodIndex: last ? last.index : null,
          ...(reopened ? { endedAt: null, endedOn: null, endReason: null } : {}),
        },
      });
      await recomputeOrderDeadlines(ctx.tx, order.id, londonDateOf(ctx.now), ctx.now, {
        rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS,
      });
      await ctx.audit({
        action: 'order-event.entered-in-error',
        outcome: 'SUCCESS',
        entityType: 'CtoEvent',
        entityId: latest.id,
        patientId: order.patientId,
        metadata: { orderId: order.id, type: latest.type, from: order.state, to: state },
      });
      // What the event queued for people and has not yet reached them is withdrawn with it.
      await withdrawForEvent(ctx.tx, latest.id, ctx.now);
      await ctx.enqueue('order-event.entered-in-error', {
        orderId: order.id,
        patientId: order.patientId,
        eventId: latest.id,
        type: latest.type,
      });
      return { eventId: latest.id, type: latest.type, state, expiry: last?.end ?? null };
    },
  });
}
