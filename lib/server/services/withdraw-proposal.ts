import 'server-only';
// The responsible clinician withdraws a proposed (or agreed, not yet made) order: the attempt
// ends (DECLINED) with the reason kept; a pending AMHP request is withdrawn.
import { withdrawProposalSchema } from '@/lib/schemas/orders/making';
import { commit, decide } from '@/lib/server/orders/record-event';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { runService, type ServiceActor, type ServiceResult } from './run-service';
import {
  closeOrderScopedRows,
  warningMessages,
  type OrderEventResult,
  type OrderServiceOptions,
  loadOrderForChange,
  keyOf,
} from './order-service-support';

export function withdrawProposal(
  actor: ServiceActor,
  input: unknown,
  options: OrderServiceOptions = {},
): Promise<ServiceResult<OrderEventResult>> {
  return runService({
    ...options,
    action: 'propose:order',
    auditAction: 'order.withdraw-proposal',
    schema: withdrawProposalSchema,
    actor,
    input,
    idempotencyKey: keyOf(input),
    execute: async (ctx) => {
      const { tx, input: data, now } = ctx;
      const order = await loadOrderForChange(ctx, data.orderId, data.expectedVersion);
      const outcome = decide(ctx, order, { type: 'WITHDRAW_PROPOSAL', reason: data.reason });
      await tx.amhpAgreement.updateMany({
        where: { orderId: order.id, purpose: 'MAKING', decision: 'PENDING' },
        data: { decision: 'WITHDRAWN', respondedAt: now, reasons: data.reason },
      });
      await closeOrderScopedRows(tx, order.id, now);
      const result = await commit(ctx, {
        order,
        expectedVersion: data.expectedVersion,
        outcome,
        occurredAt: now,
        facts: { reason: data.reason },
        orderData: { endedAt: now, endedOn: toDbDate(londonDateOf(now)) },
        auditAction: 'order.withdraw-proposal',
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
