import 'server-only';
// A listed tribunal hearing diarised (issue 9, part 1): a FUTURE date and time, in person at a
// venue or by video (lib/cto checkHearingListing, HESC r37). Its outcome is recorded later
// (record-tribunal-hearing, or a discharge by the tribunal). MHA office.
import { checkHearingListing } from '@/lib/cto';
import { diariseHearingSchema } from '@/lib/schemas/tribunal-paperwork';
import { fromDbDate } from '@/lib/server/dates';
import { runService, type CallOptions, type ServiceActor } from './run-service';

export function diariseTribunalHearing(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  const parsed = diariseHearingSchema.safeParse(input);
  return runService({
    ...options,
    action: 'manage:tribunal',
    auditAction: 'tribunal.hearing-diarised',
    schema: diariseHearingSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalCase', entityId: parsed.data.caseId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ hearingId: string }> => {
      const d = ctx.input;
      const tribunalCase = await ctx.tx.tribunalCase.findFirst({
        where: { id: d.caseId, patient: ctx.patientWhere, enteredInErrorAt: null },
        select: { id: true, patientId: true, receivedOn: true, status: true },
      });
      if (!tribunalCase) return ctx.notFound('The tribunal case');
      if (tribunalCase.status !== 'OPEN') {
        return ctx.refuse('CASE_NOT_OPEN', 'This case has been withdrawn or decided.');
      }
      const check = checkHearingListing({
        scheduledAt: d.scheduledAt,
        now: ctx.now,
        caseReceivedOn: fromDbDate(tribunalCase.receivedOn),
      });
      if (!check.ok) {
        return ctx.refuse(check.code, check.message, { 'scheduledAt.date': check.message });
      }
      const hearing = await ctx.tx.tribunalHearing.create({
        data: {
          caseId: tribunalCase.id,
          scheduledAt: d.scheduledAt,
          mode: d.mode,
          venue: d.mode === 'IN_PERSON' ? (d.venue ?? null) : (d.venue ?? 'By video'),
          listedById: ctx.actor.userId,
        },
        select: { id: true },
      });
      await ctx.audit({
        action: 'tribunal.hearing-diarised',
        outcome: 'SUCCESS',
        entityType: 'TribunalHearing',
        entityId: hearing.id,
        patientId: tribunalCase.patientId,
        metadata: { caseId: tribunalCase.id, mode: d.mode },
      });
      return { hearingId: hearing.id };
    },
  });
}
