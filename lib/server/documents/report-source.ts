import 'server-only';
// Report drafts and the managers' decision letters as documents (issue 9 §2-3): the reports
// (statement, RC's, social circumstances and nursing reports; id = the TribunalDocument's id,
// kind = its TribunalDocumentKind) as they stand, DRAFT until signed; and, once a managers'
// panel has decided, the decision letter (id = the hearing's id). Both DOCX and PDF.
import type { DocumentContent } from '@/lib/documents/content';
import { renderDocx } from '@/lib/documents/docx';
import { fileNameFor } from '@/lib/documents/labels';
import { renderPdf } from '@/lib/documents/pdf';
import { db } from '@/lib/server/db';
import { resolvePatientAccess, type QueryContext } from '@/lib/server/queries/access';
import type { DocumentListItem, DocumentSource, LoadedDocument } from './registry';
import { CONTENT_TYPES, UUID } from './patient';
import {
  listReportDocuments,
  loadManagersDecisionLetter,
  loadReportContent,
} from './report-content';

/** A DocumentContent as a downloadable document, in both formats. */
export function contentDocument(found: {
  item: DocumentListItem;
  patientId: string;
  content: DocumentContent;
}): LoadedDocument {
  const { item, patientId, content } = found;
  return {
    item,
    patientId,
    formats: ['docx', 'pdf'],
    async render(format) {
      const bytes = format === 'docx' ? await renderDocx(content) : await renderPdf(content);
      return {
        bytes,
        contentType: CONTENT_TYPES[format],
        fileName: fileNameFor(item.title, content.patient.name, format),
      };
    },
  };
}

async function decisionLetters(ctx: QueryContext, patientId: string): Promise<DocumentListItem[]> {
  if (!UUID.test(patientId)) return [];
  const access = await resolvePatientAccess(ctx, 'read:patient');
  const hearings = await (ctx.client ?? db).managersHearing.findMany({
    where: { patientId, patient: access.where, outcome: { not: null } },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return hearings.map((h) => ({
    id: h.id,
    kind: 'MANAGERS_DECISION_LETTER',
    status: 'DECIDED',
    tribunalCaseId: null,
    title: 'The hospital managers’ decision',
    withheldFromPatient: false,
  }));
}

export const reportSource: DocumentSource = {
  name: 'reports',
  async list(ctx, patientId) {
    return [
      ...(await listReportDocuments(ctx, patientId)),
      ...(await decisionLetters(ctx, patientId)),
    ];
  },
  async load(ctx, id) {
    const found = (await loadReportContent(ctx, id)) ?? (await loadManagersDecisionLetter(ctx, id));
    return found ? contentDocument(found) : null;
  },
};
