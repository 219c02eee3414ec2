import 'server-only';
// The author says the draft is ready for sign-off (issue 9 §2): the draft is made now if nobody
// has saved a section (the pre-filled text stands, kept as it is today) and the document moves
// to "ready for sign-off" (lib/cto moveTribunalDocument).
import { moveTribunalDocument } from '@/lib/cto';
import { markReportReadySchema } from '@/lib/schemas/tribunal-report';
import { runService, type CallOptions, type ServiceActor } from './run-service';
import { ensureDraft, lockDocument, NOT_THE_AUTHOR } from './tribunal-report-support';
import { mayWriteDocument } from '@/lib/tribunal/authorship';

export function markReportReady(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = markReportReadySchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.report-ready',
    schema: markReportReadySchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ documentId: string; status: string }> => {
      const doc = await lockDocument(ctx, ctx.input.documentId);
      if (!mayWriteDocument(doc, ctx.actor)) return ctx.refuse('NOT_THE_AUTHOR', NOT_THE_AUTHOR);
      const move = moveTribunalDocument(doc.status, 'READY_FOR_SIGN_OFF');
      if (!move.ok) return ctx.refuse(move.code, move.message);
      await ensureDraft(ctx, doc);
      await ctx.tx.tribunalDocument.update({
        where: { id: doc.id },
        data: {
          status: 'READY_FOR_SIGN_OFF',
          readyAt: ctx.now,
          ...(doc.draftingAt ? {} : { draftingAt: ctx.now }),
        },
      });
      await ctx.audit({
        action: 'tribunal.report-ready',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: { kind: doc.kind, from: doc.status, to: 'READY_FOR_SIGN_OFF' },
      });
      return { documentId: doc.id, status: 'READY_FOR_SIGN_OFF' };
    },
  });
}
