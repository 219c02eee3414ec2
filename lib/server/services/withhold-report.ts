import 'server-only';
// Tribunal rule 14 (HESC Rules 2008): the patient's RC or the MHA office marks a report (or part
// of it) as withheld from the patient, with the reason; or clears the mark. The document then
// says so on every page and names the reason, and it is kept out of the bundle and listed apart
// (docs/decisions/783). Not once the report is sent: what went to the tribunal stays as it went.
import { can } from '@/lib/auth/permissions';
import { withholdReportSchema } from '@/lib/schemas/tribunal-report';
import { runService, type CallOptions, type ServiceActor } from './run-service';
import { ensureDraft, isPatientsRc, lockDocument } from './tribunal-report-support';

export function withholdReport(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = withholdReportSchema.safeParse(input);
  return runService({
    ...options,
    action: 'write:tribunal-document',
    auditAction: 'tribunal.report-withheld',
    schema: withholdReportSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ documentId: string; withheld: boolean }> => {
      const d = ctx.input;
      const doc = await lockDocument(ctx, d.documentId);
      const office = can(ctx.actor.roles, 'manage:tribunal');
      if (!office && !(await isPatientsRc(ctx, doc.patientId, ctx.actor.userId))) {
        return ctx.refuse(
          'NOT_RC_OR_OFFICE',
          'Only the patient’s responsible clinician or the MHA office can withhold a report from the patient.',
        );
      }
      if (doc.status === 'SENT') {
        return ctx.refuse(
          'ALREADY_SENT',
          'This report has been sent to the tribunal: it can no longer be marked or cleared.',
        );
      }
      const draft = await ensureDraft(ctx, doc);
      const withheld = d.withheld === 'yes';
      await ctx.tx.tribunalReportDraft.update({
        where: { id: draft.id },
        data: withheld
          ? {
              withheldFromPatient: true,
              withheldReason: d.reason ?? null,
              withheldById: ctx.actor.userId,
              withheldAt: ctx.now,
            }
          : {
              withheldFromPatient: false,
              withheldReason: null,
              withheldById: ctx.actor.userId,
              withheldAt: ctx.now,
            },
      });
      await ctx.audit({
        action: 'tribunal.report-withheld',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        // Identifiers only: the reason stays on the draft, not in the audit log.
        metadata: { kind: doc.kind, withheld, was: draft.withheldFromPatient },
      });
      return { documentId: doc.id, withheld };
    },
  });
}
