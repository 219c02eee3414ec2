import 'server-only';
// Renewal (extension): before furnishing the CTO7 the RC consults one or more other people
// professionally concerned with the patient's treatment (s20A(9); CTO7 Part 3 names them).
import { consultationSchema } from '@/lib/schemas/orders/extension';
import { toDbDate } from '@/lib/server/dates';
import type { ServiceActor } from './run-service';
import { ensureExtensionRow } from './extension-rows';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';

export type ConsultationRecorded = {
  eventId: string;
  extensionId: string;
  warnings: { code: string; message: string }[];
};

export function recordExtensionConsultation(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'record:extension-step',
    auditAction: 'extension.consult',
    schema: consultationSchema,
    actor,
    input,
    execute: async (ctx): Promise<ConsultationRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'CONSULT_FOR_EXTENSION', consultedOn: d.consultedOn },
        {
          INVALID_INPUT: 'consultedOn',
          EVENT_IN_FUTURE: 'consultedOn',
          BEFORE_ORDER_EFFECTIVE: 'consultedOn',
        },
      );
      const extension = await ensureExtensionRow(ctx, order);
      await ctx.tx.extension.update({
        where: { id: extension.id },
        data: {
          consultedOn: toDbDate(d.consultedOn),
          consulteeName: d.consulteeName,
          consulteeRole: d.consulteeRole,
        },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: ctx.now,
        facts: {
          extensionId: extension.id,
          consultedOn: d.consultedOn,
          consulteeName: d.consulteeName,
          consulteeRole: d.consulteeRole,
          createdExtension: extension.examinedOn === null && extension.consultedOn === null,
          previous: {
            consultedOn: extension.consultedOn?.toISOString().slice(0, 10) ?? null,
            consulteeName: extension.consulteeName ?? null,
            consulteeRole: extension.consulteeRole ?? null,
          },
        },
        auditAction: 'extension.consult',
      });
      return {
        eventId: result.eventId,
        extensionId: extension.id,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
