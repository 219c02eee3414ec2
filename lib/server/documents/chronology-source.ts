import 'server-only';
// The chronology as a document (issue 9, parts 3 and 4), id "chronology-<patient id>": the
// entries of the chronology query (dated when they happened, ordered by lib/chronology, oldest
// first) rendered as DOCX or PDF. getChronology scopes and audits its own read.
import { chronologyContent } from '@/lib/documents/chronology';
import type { DocumentContent } from '@/lib/documents/content';
import { renderDocx } from '@/lib/documents/docx';
import { fileNameFor } from '@/lib/documents/labels';
import { renderPdf } from '@/lib/documents/pdf';
import { londonDateOf } from '@/lib/server/dates';
import { NotFound, type QueryContext } from '@/lib/server/queries/access';
import { getChronology } from '@/lib/server/queries/get-chronology';
import type { DocumentListItem, DocumentSource } from './registry';
import { CONTENT_TYPES, documentPatient, UUID } from './patient';

const PREFIX = 'chronology-';

export function chronologyDocumentId(patientId: string): string {
  return `${PREFIX}${patientId}`;
}

function item(patientId: string): DocumentListItem {
  return {
    id: chronologyDocumentId(patientId),
    kind: 'CHRONOLOGY',
    status: 'CURRENT',
    tribunalCaseId: null,
    title: 'Chronology (oldest first)',
    withheldFromPatient: false,
  };
}

/** The patient's chronology as a DocumentContent; NotFound (audited) when out of scope. */
export async function chronologyDocument(
  ctx: QueryContext,
  patientId: string,
): Promise<DocumentContent> {
  const chronology = await getChronology(ctx, patientId, { direction: 'oldest-first' });
  return chronologyContent({
    patient: documentPatient(chronology.patient),
    rows: chronology.entries,
    producedOn: londonDateOf(ctx.now ?? new Date()),
  });
}

export const chronologySource: DocumentSource = {
  name: 'chronology',
  async list(_ctx, patientId) {
    return [item(patientId)];
  },
  async load(ctx, id) {
    if (!id.startsWith(PREFIX)) return null;
    const patientId = id.slice(PREFIX.length);
    if (!UUID.test(patientId)) return null;
    let content: DocumentContent;
    try {
      content = await chronologyDocument(ctx, patientId);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
    return {
      item: item(patientId),
      patientId,
      formats: ['docx', 'pdf'],
      async render(format) {
        const bytes = format === 'docx' ? await renderDocx(content) : await renderPdf(content);
        return {
          bytes,
          contentType: CONTENT_TYPES[format],
          fileName: fileNameFor(
            `Chronology ${londonDateOf(ctx.now ?? new Date())}`,
            content.patient.name,
            format,
          ),
        };
      },
    };
  },
};
