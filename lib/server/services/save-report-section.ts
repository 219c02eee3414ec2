import 'server-only';
// The author saves one section of a report draft (issue 9 §2). Every save is a new version kept
// with who and when; a save made from an older version than the latest is refused ("this
// section changed since you opened it"), so two people never overwrite each other. The first
// save makes the draft (keeping the template and the pre-filled sections) and moves the
// document from requested to drafting; a save after "ready for sign-off" takes it back to
// drafting (lib/cto moveTribunalDocument). A signed report does not change.
import { moveTribunalDocument } from '@/lib/cto';
import { saveReportSectionSchema } from '@/lib/schemas/tribunal-report';
import { latestVersion } from '@/lib/tribunal/draft';
import { parseStoredTemplate } from '@/lib/tribunal/templates';
import { Refusal, runService, type CallOptions, type ServiceActor } from './run-service';
import { ensureDraft, lockDocument, NOT_THE_AUTHOR } from './tribunal-report-support';
import { mayWriteDocument } from '@/lib/tribunal/authorship';

export type ReportSectionSaved = {
  documentId: string;
  sectionKey: string;
  version: number;
  status: string;
};

export function saveReportSection(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = saveReportSectionSchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.report-section-save',
    schema: saveReportSectionSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<ReportSectionSaved> => {
      const d = ctx.input;
      const doc = await lockDocument(ctx, d.documentId);
      if (!mayWriteDocument(doc, ctx.actor)) return ctx.refuse('NOT_THE_AUTHOR', NOT_THE_AUTHOR);
      if (doc.status === 'SIGNED' || doc.status === 'SENT' || doc.reportDraft?.signedAt) {
        return ctx.refuse('REPORT_SIGNED', 'This report has been signed: it can no longer change.');
      }
      const draft = await ensureDraft(ctx, doc);
      const template = parseStoredTemplate(draft.template);
      if (!template.sections.some((s) => s.key === d.sectionKey)) {
        return ctx.refuse('NO_SUCH_SECTION', 'This report has no such section: reload the page.');
      }
      const latest = latestVersion(draft.sections, d.sectionKey);
      if (d.baseVersion !== latest) {
        const by = draft.sections.find(
          (s) => s.sectionKey === d.sectionKey && s.version === latest,
        );
        const message = `This section changed since you opened it${by ? ` (saved by ${by.savedByName})` : ''}. Your text has not been saved: copy it, reload the page to see the change, then save again.`;
        throw new Refusal('SECTION_CHANGED', message, { text: message }, 'CONFLICT');
      }
      const version = latest + 1;
      const saved = await ctx.tx.user.findUnique({
        where: { id: ctx.actor.userId },
        select: { name: true },
      });
      await ctx.tx.tribunalReportSectionVersion.create({
        data: {
          draftId: draft.id,
          sectionKey: d.sectionKey,
          version,
          text: d.text,
          savedById: ctx.actor.userId,
          savedByName: saved?.name ?? ctx.actor.name ?? ctx.actor.email,
          savedAt: ctx.now,
        },
      });
      let status: string = doc.status;
      if (doc.status === 'REQUESTED' || doc.status === 'READY_FOR_SIGN_OFF') {
        const move = moveTribunalDocument(doc.status, 'DRAFTING');
        if (!move.ok) return ctx.refuse(move.code, move.message);
        await ctx.tx.tribunalDocument.update({
          where: { id: doc.id },
          data: { status: 'DRAFTING', ...(doc.draftingAt ? {} : { draftingAt: ctx.now }) },
        });
        status = 'DRAFTING';
      }
      await ctx.audit({
        action: 'tribunal.report-section-save',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: {
          sectionKey: d.sectionKey,
          version,
          kind: doc.kind,
          from: doc.status,
          to: status,
        },
      });
      return { documentId: doc.id, sectionKey: d.sectionKey, version, status };
    },
  });
}
