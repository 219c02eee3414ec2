import 'server-only';
// A tribunal document moves through its steps (issue 9, part 1): requested → drafting → ready for
// sign-off → signed → sent (lib/cto moveTribunalDocument). Its author (the RC, the care
// coordinator) moves their own document up to signed; the MHA office moves any and is the only
// one who marks a document sent. When every document the case needs is sent, the case's "send
// the statement and reports" deadline (C7, HESC r32(6)) closes: the case's sent columns are set
// and the order's deadlines recomputed, in the same transaction.
import { can } from '@/lib/auth/permissions';
import { moveTribunalDocument, type TribunalDocumentKind } from '@/lib/cto';
import { env } from '@/lib/env';
import { recomputeOrderDeadlines } from '@/lib/server/deadlines/recompute';
import { londonDateOf } from '@/lib/server/dates';
import { updateTribunalDocumentSchema } from '@/lib/schemas/tribunal-paperwork';
import { runService, type CallOptions, type ServiceActor } from './run-service';

export type TribunalDocumentUpdated = {
  documentId: string;
  status: string;
  caseDeadlineClosed: boolean;
};

const SENT_COLUMN: Record<
  TribunalDocumentKind,
  'statementSentAt' | 'rcReportSentAt' | 'socialCircumstancesSentAt' | 'nursingReportSentAt'
> = {
  RESPONSIBLE_AUTHORITY_STATEMENT: 'statementSentAt',
  RC_REPORT: 'rcReportSentAt',
  SOCIAL_CIRCUMSTANCES_REPORT: 'socialCircumstancesSentAt',
  NURSING_REPORT: 'nursingReportSentAt',
};

const STAMP = {
  REQUESTED: null,
  DRAFTING: 'draftingAt',
  READY_FOR_SIGN_OFF: 'readyAt',
  SIGNED: 'signedAt',
  SENT: 'sentAt',
} as const;

export function updateTribunalDocument(
  actor: ServiceActor,
  input: unknown,
  options: CallOptions = {},
) {
  const parsed = updateTribunalDocumentSchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.document-status',
    schema: updateTribunalDocumentSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<TribunalDocumentUpdated> => {
      const d = ctx.input;
      // The scope is in the where clause: a document of a patient out of scope is not found.
      const doc = await ctx.tx.tribunalDocument.findFirst({
        where: { id: d.documentId, patient: ctx.patientWhere },
        select: {
          id: true,
          patientId: true,
          kind: true,
          status: true,
          authorId: true,
          caseId: true,
        },
      });
      if (!doc) return ctx.notFound('The document');
      const office = can(ctx.actor.roles, 'manage:tribunal');
      if (!office && doc.authorId !== ctx.actor.userId) {
        return ctx.refuse(
          'NOT_THE_AUTHOR',
          'Only the document’s author or the MHA office can change where it has got to.',
        );
      }
      if (d.status === 'SENT' && !office) {
        return ctx.refuse('ONLY_OFFICE_SENDS', 'Only the MHA office marks a document sent.', {
          status: 'Only the MHA office marks a document sent',
        });
      }
      // An author signs on the report's page (name, role, date; the RC's countersignature):
      // only the MHA office marks a report written outside the app as signed here.
      if (d.status === 'SIGNED' && !office) {
        return ctx.refuse('SIGN_ON_THE_REPORT', 'Sign the report on its own page.', {
          status: 'Sign the report on its own page',
        });
      }
      const move = moveTribunalDocument(doc.status, d.status);
      if (!move.ok) return ctx.refuse(move.code, move.message, { status: move.message });
      const stamp = STAMP[d.status];
      await ctx.tx.tribunalDocument.update({
        where: { id: doc.id },
        data: {
          status: d.status,
          ...(stamp ? { [stamp]: ctx.now } : {}),
          ...(d.status === 'SENT' ? { sentById: ctx.actor.userId } : {}),
        },
      });
      let caseDeadlineClosed = false;
      if (d.status === 'SENT' && doc.caseId) {
        const tribunalCase = await ctx.tx.tribunalCase.update({
          where: { id: doc.caseId },
          data: { [SENT_COLUMN[doc.kind]]: ctx.now },
          select: { orderId: true },
        });
        const outstanding = await ctx.tx.tribunalDocument.count({
          where: { caseId: doc.caseId, status: { not: 'SENT' } },
        });
        if (tribunalCase.orderId) {
          await recomputeOrderDeadlines(
            ctx.tx,
            tribunalCase.orderId,
            londonDateOf(ctx.now),
            ctx.now,
            { rightsTargetDays: env.RIGHTS_INFORMATION_TARGET_DAYS },
          );
        }
        caseDeadlineClosed = outstanding === 0;
      }
      await ctx.audit({
        action: 'tribunal.document-status',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: { from: doc.status, to: d.status, kind: doc.kind, caseDeadlineClosed },
      });
      return { documentId: doc.id, status: d.status, caseDeadlineClosed };
    },
  });
}
