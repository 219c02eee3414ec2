import 'server-only';
// s132A: the information given to a community patient, orally and in writing, and to the nearest
// relative unless the patient objects, after each event that requires it (the RIGHTS_INFORMATION
// deadlines say which are due). The record is linked to the event that triggered it.
import { compareDates } from '@/lib/cto';
import {
  RIGHTS_TRIGGERS,
  recordRightsInformationSchema,
  type RightsTriggerValue,
} from '@/lib/schemas/orders/rights';
import { londonDateOf } from '@/lib/server/dates';
import { commit, decide } from '@/lib/server/orders/record-event';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

/** The events that call for rights information, by the trigger they record. */
const TRIGGER_OF_EVENT: Record<string, RightsTriggerValue> = {
  MAKE: 'MAKING',
  FURNISH_CTO7: 'EXTENSION',
  FURNISH_CTO8: 'EXTENSION',
  VARY_CONDITIONS: 'VARIATION',
  DETENTION_BEGINS: 'RECALL',
  SERVE_RECALL_NOTICE: 'RECALL',
  REVOKE: 'REVOCATION',
};

export function recordRightsInformation(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'record:rights-information',
    auditAction: 'order.rights-information',
    schema: recordRightsInformationSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      // The occasion: a triggering event of this order ('EVENT:<id>'), or a kind of occasion.
      let trigger: RightsTriggerValue;
      let triggerEventId: string | null = null;
      if (data.occasion.startsWith('EVENT:')) {
        const event = await tx.ctoEvent.findFirst({
          where: { id: data.occasion.slice(6), orderId: order.id, enteredInErrorAt: null },
          select: { id: true, type: true },
        });
        const kind = event ? TRIGGER_OF_EVENT[event.type] : undefined;
        if (!event || !kind) {
          return ctx.refuse('TRIGGER_NOT_FOUND', 'Choose what the information was given after.', {
            occasion: 'Choose what the information was given after',
          });
        }
        trigger = kind;
        triggerEventId = event.id;
      } else if ((RIGHTS_TRIGGERS as readonly string[]).includes(data.occasion)) {
        trigger = data.occasion as RightsTriggerValue;
      } else {
        return ctx.refuse('TRIGGER_NOT_FOUND', 'Choose what the information was given after.', {
          occasion: 'Choose what the information was given after',
        });
      }
      const today = londonDateOf(now);
      for (const [field, at] of [
        ['givenOrallyAt', data.givenOrallyAt],
        ['givenInWritingAt', data.givenInWritingAt],
        ['nearestRelativeInformedAt', data.nearestRelativeInformedAt],
      ] as const) {
        if (at && compareDates(londonDateOf(at), today) > 0) {
          return ctx.refuse('EVENT_IN_FUTURE', 'The date cannot be in the future.', {
            [`${field}.date`]: 'The date cannot be in the future',
          });
        }
      }
      const outcome = decide(ctx, order, {
        type: 'RIGHTS_INFORMATION_GIVEN',
        givenOrally: data.givenOrally,
        givenInWriting: data.givenInWriting,
        nearestRelativeInformed: Boolean(data.nearestRelativeInformedAt),
      });
      const record = await tx.rightsInformation.create({
        data: {
          patientId: order.patientId,
          orderId: order.id,
          trigger,
          triggerEventId,
          givenOrallyAt: data.givenOrally ? (data.givenOrallyAt ?? null) : null,
          givenInWritingAt: data.givenInWriting ? (data.givenInWritingAt ?? null) : null,
          understanding: data.understanding,
          nearestRelativeInformedAt: data.nearestRelativeInformedAt ?? null,
          patientObjectsToNearestRelativeInformed: data.patientObjectsToNearestRelative,
          notes: data.notes ?? null,
          givenById: actor.userId,
        },
        select: { id: true },
      });
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        facts: { rightsInformationId: record.id, trigger, triggerEventId },
        auditAction: 'order.rights-information',
      });
      return {
        orderId: order.id,
        patientId: order.patientId,
        eventId: result.eventId,
        state: result.state,
        expiry: result.expiry,
        warnings: warningMessages(result.warnings),
      };
    },
  });
}
