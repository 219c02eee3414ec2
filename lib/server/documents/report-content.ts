import 'server-only';
// Report drafts as documents (issue 9 §2 → §3): the list a patient's documents include, and one
// report's content for the renderers (lib/documents), built from the draft as it stands (or the
// pre-fill before the first save). Scoped here (the patient must be visible to ctx.actor); the
// documents route records the audit row. The lead adds a DocumentSource over these to
// lib/server/documents/registry.ts.
import type { DocumentContent } from '@/lib/documents/content';
import { resolvePatientAccess, type QueryContext } from '@/lib/server/queries/access';
import { db } from '@/lib/server/db';
import { fromDbDate } from '@/lib/server/dates';
import { DOCUMENT_KIND_LABELS } from '@/lib/server/queries/tribunal-paperwork';
import { reportDocumentSelect, reportState } from '@/lib/server/queries/tribunal-report';
import { reportContent } from '@/lib/tribunal/draft';
import type { DocumentListItem } from './registry';

const UUID = /^[0-9a-f-]{36}$/i;

/** A patient's tribunal and managers' hearing documents (not entered in error), oldest first. */
export async function listReportDocuments(
  ctx: QueryContext,
  patientId: string,
): Promise<DocumentListItem[]> {
  if (!UUID.test(patientId)) return [];
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const rows = await client.tribunalDocument.findMany({
    where: {
      patientId,
      patient: { AND: [{ id: patientId }, access.where] },
      OR: [{ case: { enteredInErrorAt: null } }, { managersHearingId: { not: null } }],
    },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      kind: true,
      status: true,
      caseId: true,
      reportDraft: { select: { withheldFromPatient: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    tribunalCaseId: r.caseId,
    title: DOCUMENT_KIND_LABELS[r.kind],
    withheldFromPatient: r.reportDraft?.withheldFromPatient ?? false,
  }));
}

/** One report's content, or null when there is no such document in the actor's scope. */
export async function loadReportContent(
  ctx: QueryContext,
  tribunalDocumentId: string,
): Promise<{ item: DocumentListItem; patientId: string; content: DocumentContent } | null> {
  if (!UUID.test(tribunalDocumentId)) return null;
  const client = ctx.client ?? db;
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const doc = await client.tribunalDocument.findFirst({
    where: { id: tribunalDocumentId, patient: access.where },
    select: reportDocumentSelect,
  });
  if (!doc) return null;
  const state = await reportState(client, doc, access.where, ctx.now ?? new Date());
  const final = doc.status === 'SIGNED' || doc.status === 'SENT';
  const subtitle = doc.case
    ? `${doc.case.kind === 'REFERENCE' ? 'Reference' : 'Application'} to the First-tier Tribunal (Mental Health), ${doc.case.basis}`
    : doc.managersHearing
      ? 'Hospital managers’ hearing'
      : undefined;
  const content = reportContent({
    template: state.template,
    sections: state.sections,
    patient: {
      name: `${doc.patient.givenName} ${doc.patient.familyName}`,
      dateOfBirth: fromDbDate(doc.patient.dateOfBirth),
      nhsNumber: doc.patient.nhsNumber,
    },
    ...(subtitle ? { subtitle } : {}),
    signatures: state.signatures,
    withheldFromPatient: state.withheldFromPatient,
    final,
  });
  return {
    item: {
      id: doc.id,
      kind: doc.kind,
      status: doc.status,
      tribunalCaseId: doc.caseId,
      title: DOCUMENT_KIND_LABELS[doc.kind],
      withheldFromPatient: state.withheldFromPatient,
    },
    patientId: doc.patientId,
    content,
  };
}
