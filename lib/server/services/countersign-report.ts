import 'server-only';
// The patient's responsible clinician countersigns an RC report written and signed by someone
// else (issue 9 §2; Practice Direction: the RC's report is written or countersigned by the RC).
// The document is then signed (lib/cto moveTribunalDocument).
import { moveTribunalDocument } from '@/lib/cto';
import { toDbDate } from '@/lib/server/dates';
import { countersignReportSchema } from '@/lib/schemas/tribunal-report';
import { runService, type CallOptions, type ServiceActor } from './run-service';
import { isPatientsRc, lockDocument } from './tribunal-report-support';

export function countersignReport(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = countersignReportSchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.report-countersign',
    schema: countersignReportSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ documentId: string; status: string }> => {
      const d = ctx.input;
      const doc = await lockDocument(ctx, d.documentId);
      const draft = doc.reportDraft;
      if (!(await isPatientsRc(ctx, doc.patientId, ctx.actor.userId))) {
        return ctx.refuse(
          'NOT_THE_RC',
          'Only the patient’s responsible clinician countersigns the responsible clinician’s report.',
        );
      }
      if (!draft || !draft.signedAt || !draft.countersignRequired) {
        return ctx.refuse(
          'NO_COUNTERSIGNATURE_NEEDED',
          'This report is not waiting for a countersignature.',
        );
      }
      if (draft.countersignedAt)
        return ctx.refuse('ALREADY_COUNTERSIGNED', 'This report has been countersigned.');
      const move = moveTribunalDocument(doc.status, 'SIGNED');
      if (!move.ok) return ctx.refuse(move.code, move.message);
      await ctx.tx.tribunalReportDraft.update({
        where: { id: draft.id },
        data: {
          countersignedById: ctx.actor.userId,
          countersignedName: d.name,
          countersignedRole: d.role,
          countersignedOn: toDbDate(d.signedOn),
          countersignedAt: ctx.now,
        },
      });
      await ctx.tx.tribunalDocument.update({
        where: { id: doc.id },
        data: { status: 'SIGNED', signedAt: ctx.now },
      });
      await ctx.audit({
        action: 'tribunal.report-countersign',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: { kind: doc.kind, to: 'SIGNED' },
      });
      return { documentId: doc.id, status: 'SIGNED' };
    },
  });
}
