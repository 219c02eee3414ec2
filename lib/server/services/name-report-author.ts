import 'server-only';
// The MHA office names who writes a tribunal document (issue 9 §1): a user of the patient's
// team, or one assigned to the patient (told in the app, and in the daily digest, like the
// authors named when the case was recorded), or a named person outside the app. The nursing
// report of an in-patient has no author until it is named here. A user outside the patient's
// team, without a clinical role (the RC's report: a responsible clinician), or inactive is
// refused; the search is in the query. Only before the report is ready for sign-off.
import { notifyPeople } from '@/lib/server/notifications/deliver-notification';
import { KINDS } from '@/lib/server/notifications/catalogue';
import { appUrl } from '@/lib/server/notifications/worker';
import { nameReportAuthorSchema } from '@/lib/schemas/tribunal-report';
import { runService, type CallOptions, type ServiceActor } from './run-service';
import { lockDocument } from './tribunal-report-support';
import { possibleAuthorsWhere } from '@/lib/server/queries/report-authors';

export function nameReportAuthor(actor: ServiceActor, input: unknown, options: CallOptions = {}) {
  const parsed = nameReportAuthorSchema.safeParse(input);
  return runService({
    ...options,
    action: 'manage:tribunal',
    auditAction: 'tribunal.document-author',
    schema: nameReportAuthorSchema,
    actor,
    input,
    subject: parsed.success
      ? { entityType: 'TribunalDocument', entityId: parsed.data.documentId }
      : undefined,
    idempotencyKey: parsed.success ? (parsed.data.idempotencyKey ?? null) : null,
    execute: async (ctx): Promise<{ documentId: string; authorId: string | null }> => {
      const d = ctx.input;
      const doc = await lockDocument(ctx, d.documentId);
      if (doc.status !== 'REQUESTED' && doc.status !== 'DRAFTING') {
        return ctx.refuse(
          'AUTHOR_FIXED',
          'The author cannot change once the report is ready for sign-off.',
        );
      }
      if (doc.authorRole === 'MHA_OFFICE') {
        return ctx.refuse(
          'OFFICE_WRITES',
          'The MHA office writes the responsible authority’s statement.',
        );
      }
      let authorId: string | null = null;
      if (d.authorId) {
        const patient = await ctx.tx.patient.findFirstOrThrow({
          where: { id: doc.patientId },
          select: { id: true, currentTeamId: true },
        });
        const user = await ctx.tx.user.findFirst({
          where: { id: d.authorId, ...possibleAuthorsWhere(patient, doc.kind) },
          select: { id: true },
        });
        if (!user) {
          const message =
            doc.kind === 'RC_REPORT'
              ? 'Choose a responsible clinician of the patient’s team'
              : 'Choose a clinician of the patient’s team';
          return ctx.refuse('AUTHOR_NOT_IN_TEAM', message, { authorId: message });
        }
        authorId = user.id;
      }
      await ctx.tx.tribunalDocument.update({
        where: { id: doc.id },
        data: { authorId, authorName: authorId ? null : (d.authorName ?? null) },
      });
      if (authorId && authorId !== doc.authorId && authorId !== ctx.actor.userId) {
        const link = doc.caseId
          ? `/patients/${doc.patientId}/tribunal/${doc.caseId}/documents/${doc.id}`
          : `/patients/${doc.patientId}/tribunal/${doc.managersHearingId}/documents/${doc.id}`;
        await notifyPeople(ctx.tx, [authorId], {
          kind: KINDS.tribunalDocumentRequested,
          sourceKey: `tribunal-document:${doc.id}`,
          link,
          appUrl: appUrl(),
          now: ctx.now,
        });
      }
      await ctx.audit({
        action: 'tribunal.document-author',
        outcome: 'SUCCESS',
        entityType: 'TribunalDocument',
        entityId: doc.id,
        patientId: doc.patientId,
        metadata: { kind: doc.kind, authorId, named: authorId === null },
      });
      return { documentId: doc.id, authorId };
    },
  });
}
