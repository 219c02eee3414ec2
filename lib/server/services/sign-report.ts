import 'server-only';
// The author signs a report that is ready for sign-off (issue 9 §2): name, role and date, kept
// on the draft. An RC report signed by someone other than the patient's responsible clinician
// waits for the RC's countersignature (Practice Direction: written or countersigned by the RC);
// any other report is then signed (lib/cto moveTribunalDocument).
import { moveTribunalDocument } from '@/lib/cto';
import { toDbDate } from '@/lib/server/dates';
import { signReportSchema } from '@/lib/schemas/tribunal-report';
import { runService, type CallOptions, type ServiceActor } from './run-service';
import { isPatientsRc, lockDocument, NOT_THE_AUTHOR } from './tribunal-report-support';
import { mayWriteDocument } from '@/lib/tribunal/authorship';

export type ReportSigned = {
  documentId: string;
  status: string;
  awaitingCountersignature: boolean;
};

export function signReport(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = signReportSchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.report-sign',
    schema: signReportSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<ReportSigned> => {
      const d = ctx.input;
      const doc = await lockDocument(ctx, d.documentId);
      if (!mayWriteDocument(doc, ctx.actor)) return ctx.refuse('NOT_THE_AUTHOR', NOT_THE_AUTHOR);
      const draft = doc.reportDraft;
      if (doc.status !== 'READY_FOR_SIGN_OFF' || !draft) {
        return ctx.refuse('NOT_READY', 'Mark the report ready for sign-off before signing it.');
      }
      if (draft.signedAt) return ctx.refuse('ALREADY_SIGNED', 'This report has been signed.');
      const countersign =
        doc.kind === 'RC_REPORT' && !(await isPatientsRc(ctx, doc.patientId, ctx.actor.userId));
      await ctx.tx.tribunalReportDraft.update({
        where: { id: draft.id },
        data: {
          signedById: ctx.actor.userId,
          signedName: d.name,
          signedRole: d.role,
          signedOn: toDbDate(d.signedOn),
          signedAt: ctx.now,
          countersignRequired: countersign,
        },
      });
      let status: string = doc.status;
      if (!countersign) {
        const move = moveTribunalDocument(doc.status, 'SIGNED');
        if (!move.ok) return ctx.refuse(move.code, move.message);
        await ctx.tx.tribunalDocument.update({
          where: { id: doc.id },
          data: { status: 'SIGNED', signedAt: ctx.now },
        });
        status = 'SIGNED';
      }
      await ctx.audit({
        action: 'tribunal.report-sign',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: { kind: doc.kind, to: status, awaitingCountersignature: countersign },
      });
      return { documentId: doc.id, status, awaitingCountersignature: countersign };
    },
  });
}
