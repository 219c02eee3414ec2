import 'server-only';
// s25(1), reg 25(1)(b), form M2: the responsible clinician bars the nearest relative's order for
// discharge by furnishing a report, before the 72 hours end, that the patient if discharged would
// be likely to act in a manner dangerous to other persons or to themselves. The order continues;
// the nearest relative may apply to the tribunal within 28 days, and cannot order discharge again
// for six months (lib/cto computes both).
import { nrBarEnds, nrTribunalWindow } from '@/lib/cto';
import { barringReportSchema } from '@/lib/schemas/orders/nearest-relative';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { commit } from '@/lib/server/orders/record-event';
import { decideAt } from './order-flow';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  createForm,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function recordBarringReport(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:barring-report',
    auditAction: 'order.nr-barring-report',
    schema: barringReportSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      // A refusal about the time typed (in the future, before the order took effect or the
      // nearest relative's order was received, after the 72 hours) is shown beside it.
      const outcome = decideAt(
        ctx,
        order,
        { type: 'NR_BARRING_REPORT', at: data.furnishedAt },
        {
          EVENT_IN_FUTURE: 'furnishedAt.date',
          BEFORE_ORDER_EFFECTIVE: 'furnishedAt.date',
          NR_BARRING_BEFORE_ORDER_RECEIVED: 'furnishedAt.date',
          NR_BARRING_TOO_LATE: 'furnishedAt.date',
          ORDER_ENDED: 'furnishedAt.date',
        },
      );
      const pending = [...order.nrOrders].reverse().find((o) => o.outcome === 'PENDING');
      if (!pending) {
        return ctx.refuse(
          'NO_NR_ORDER_PENDING',
          'There is no nearest relative’s order for discharge to bar.',
        );
      }
      const day = londonDateOf(data.furnishedAt);
      const window = nrTribunalWindow(data.nearestRelativeInformedOn ?? day);
      const bar = nrBarEnds(day);
      const formId = await createForm(tx, order, 'M2', {
        facts: {
          nrOrderId: pending.id,
          nrOrderReceivedAt: pending.receivedAt.toISOString(),
          reasons: data.reasons,
          responsibleClinicianId: actor.userId,
          furnishedAt: data.furnishedAt.toISOString(),
        },
        signedById: actor.userId,
        signedAt: data.furnishedAt,
        furnishedAt: data.furnishedAt,
      });
      await tx.nearestRelativeDischargeOrder.update({
        where: { id: pending.id },
        data: {
          outcome: 'BARRED',
          barringReportAt: data.furnishedAt,
          barringReportOn: toDbDate(day),
          barredById: actor.userId,
          barringReasons: data.reasons,
          nearestRelativeInformedOn: data.nearestRelativeInformedOn
            ? toDbDate(data.nearestRelativeInformedOn)
            : null,
          tribunalWindowEndsOn: toDbDate(window.closes.date),
          noFurtherOrderUntil: toDbDate(bar.date),
          m2FormId: formId,
        },
      });
      const nrEvent = await tx.nearestRelativeEvent.create({
        select: { id: true },
        data: {
          patientId: order.patientId,
          nearestRelativeId: pending.nearestRelativeId,
          kind: 'BARRING_REPORT_SENT',
          occurredAt: data.furnishedAt,
          recordedById: actor.userId,
          notes: 'Barring report (M2) furnished to the managers.',
        },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: data.furnishedAt,
        formId,
        facts: {
          nrOrderId: pending.id,
          nrEventId: nrEvent.id,
          tribunalWindowEndsOn: window.closes.date,
          noFurtherOrderUntil: bar.date,
        },
        auditAction: 'order.nr-barring-report',
      });
      // The managers must tell the nearest relative, who may apply to the tribunal (s66(1)(g)).
      await ctx.enqueue('notify.nr-barred', {
        orderId: order.id,
        nrOrderId: pending.id,
        eventId: result.eventId,
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
        tribunalWindowEndsOn: window.closes.date,
        noFurtherOrderUntil: bar.date,
      };
    },
  });
}
