import 'server-only';
// HESC r35(3): the day the tribunal was told in writing that the patient does not wish to attend
// or be represented. With it, lib/cto paperDecision says whether a paper decision is possible.
// MHA office.
import { writtenStatementSchema } from '@/lib/schemas/tribunal-paperwork';
import { londonDateOf, toDbDate } from '@/lib/server/dates';
import { runService, type CallOptions, type ServiceActor } from './run-service';

export function recordWrittenStatement(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  const parsed = writtenStatementSchema.safeParse(input);
  return runService({
    ...options,
    action: 'manage:tribunal',
    auditAction: 'tribunal.written-statement',
    schema: writtenStatementSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalCase', entityId: parsed.data.caseId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ caseId: string }> => {
      const d = ctx.input;
      const found = await ctx.tx.tribunalCase.findFirst({
        where: { id: d.caseId, patient: ctx.patientWhere, enteredInErrorAt: null },
        select: { id: true, patientId: true },
      });
      if (!found) return ctx.notFound('The tribunal case');
      if (d.receivedOn > londonDateOf(ctx.now)) {
        return ctx.refuse('EVENT_IN_FUTURE', 'The statement cannot be received in the future.', {
          receivedOn: 'The date must be today or in the past',
        });
      }
      await ctx.tx.tribunalCase.update({
        where: { id: found.id },
        data: { writtenStatementReceivedOn: toDbDate(d.receivedOn) },
      });
      await ctx.audit({
        action: 'tribunal.written-statement',
        outcome: 'SUCCESS',
        entityType: 'TribunalCase',
        entityId: found.id,
        patientId: found.patientId,
      });
      return { caseId: found.id };
    },
  });
}
