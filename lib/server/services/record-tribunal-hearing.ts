import 'server-only';
// A tribunal hearing that considered the case and did not discharge the patient (s68(6), s68(4):
// a withdrawn application does not count). The periodic reference is recomputed from it (C9).
// A discharge by the tribunal is recorded as a discharge instead.
import { tribunalHearingSchema } from '@/lib/schemas/orders/tribunal';
import { londonDateOf, londonTime, toDbDate } from '@/lib/server/dates';
import type { ServiceActor } from './run-service';
import {
  commitAndQueue,
  decideAt,
  loadOrderForChange,
  plainWarnings,
  runOrderService,
  type CallOptions,
} from './order-flow';
import { minInstant } from './time';

export type TribunalHearingRecorded = {
  eventId: string;
  hearingId: string;
  periodicReferenceDue: string | null;
  warnings: { code: string; message: string }[];
};

function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function recordTribunalHearing(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  return runOrderService({
    ...options,
    action: 'manage:tribunal',
    auditAction: 'tribunal.hearing-held',
    schema: tribunalHearingSchema,
    actor,
    input,
    execute: async (ctx): Promise<TribunalHearingRecorded> => {
      const d = ctx.input;
      const order = await loadOrderForChange(ctx, d.orderId, d.expectedVersion);
      const tribunalCase = await ctx.tx.tribunalCase.findFirst({
        where: { id: d.caseId, patientId: order.patientId, enteredInErrorAt: null },
        select: { id: true, status: true },
      });
      if (!tribunalCase) {
        return ctx.refuse('NO_SUCH_CASE', 'Select a tribunal case of this patient.', {
          caseId: 'Select a tribunal case of this patient',
        });
      }
      const under18 = ageOn(order.patient.dateOfBirth.toISOString().slice(0, 10), d.heldOn) < 18;
      const at = minInstant(londonTime(d.heldOn, 17, 0), ctx.now);
      const outcome = decideAt(
        ctx,
        order,
        { type: 'TRIBUNAL_HEARING_HELD', consideredOn: d.heldOn, patientUnder18: under18 },
        { INVALID_INPUT: 'heldOn' },
      );
      if (d.heldOn > londonDateOf(ctx.now)) {
        return ctx.refuse('EVENT_IN_FUTURE', 'The hearing date cannot be in the future.', {
          heldOn: 'The hearing date cannot be in the future',
        });
      }
      const hearing = await ctx.tx.tribunalHearing.create({
        data: {
          caseId: tribunalCase.id,
          scheduledAt: at,
          heldOn: toDbDate(d.heldOn),
          outcome: 'NOT_DISCHARGED',
          decisionOn: toDbDate(d.heldOn),
          notes: d.notes ?? null,
        },
        select: { id: true },
      });
      await ctx.tx.tribunalCase.update({
        where: { id: tribunalCase.id },
        data: { status: 'DECIDED' },
      });
      const result = await commitAndQueue(ctx, {
        order,
        expectedVersion: d.expectedVersion,
        outcome,
        occurredAt: at,
        facts: {
          tribunalCaseId: tribunalCase.id,
          hearingId: hearing.id,
          heldOn: d.heldOn,
          previousCaseStatus: tribunalCase.status,
        },
        auditAction: 'tribunal.hearing-held',
      });
      const clock = outcome.clocks.find((c) => c.kind === 'PERIODIC_MANAGERS_REFERENCE');
      return {
        eventId: result.eventId,
        hearingId: hearing.id,
        periodicReferenceDue: clock?.date ?? null,
        warnings: plainWarnings(result.warnings),
      };
    },
  });
}
