import 'server-only';
// The documents API's reads (issue 9, part 3): a patient's documents from every source, and one
// document downloaded by id. The patient is checked in scope (outside scope looks the same as
// not there), and every list and download is audited with who read what; a download refused
// (out of scope) is audited DENIED against the document's patient.
import { db } from '@/lib/server/db';
import type { DocumentFormat } from '@/lib/schemas/documents';
import { audit, type QueryContext } from '@/lib/server/queries/access';
import { readPatientInScope, type ScopedPatient } from '@/lib/server/services/social/read-scope';
import { documentSources, type DocumentListItem, type RenderedFile } from './registry';
import { UUID } from './patient';

export type { DocumentFormat };

/** The patient's documents; NotFound (audited) when the patient is not visible. */
export async function listPatientDocuments(
  ctx: QueryContext,
  patientId: string,
): Promise<{ patient: ScopedPatient; items: DocumentListItem[] }> {
  const scoped = await readPatientInScope(ctx, patientId, 'documents.list');
  const items: DocumentListItem[] = [];
  for (const source of documentSources) items.push(...(await source.list(ctx, patientId)));
  await audit(ctx, {
    action: 'documents.list',
    outcome: 'SUCCESS',
    entityType: 'Patient',
    entityId: patientId,
    patientId,
    breakGlassId: scoped.breakGlassId,
    metadata: {
      count: items.length,
      withheldFromPatient: items.filter((i) => i.withheldFromPatient).length,
    },
  });
  return { patient: scoped.patient, items };
}

/**
 * Whose document an id is, looked up outside any scope, so that a refused download appears in
 * that patient's access history. Null when no document has that id.
 */
export async function documentOwner(ctx: QueryContext, id: string): Promise<string | null> {
  const client = ctx.client ?? db;
  if (id.startsWith('chronology-')) {
    const patientId = id.slice('chronology-'.length);
    if (!UUID.test(patientId)) return null;
    const p = await client.patient.findUnique({ where: { id: patientId }, select: { id: true } });
    return p?.id ?? null;
  }
  if (!UUID.test(id)) return null;
  const [form, tribunalCase, tribunalDocument] = await Promise.all([
    client.statutoryForm.findUnique({ where: { id }, select: { patientId: true } }),
    client.tribunalCase.findUnique({ where: { id }, select: { patientId: true } }),
    client.tribunalDocument.findUnique({ where: { id }, select: { patientId: true } }),
  ]);
  return form?.patientId ?? tribunalCase?.patientId ?? tribunalDocument?.patientId ?? null;
}

export type Download =
  | { ok: true; file: RenderedFile; item: DocumentListItem; patientId: string }
  | { ok: false; status: 400 | 404; message: string };

/** One document in the format asked for, audited (success, refusal or not found). */
export async function downloadDocument(
  ctx: QueryContext,
  id: string,
  format: DocumentFormat,
): Promise<Download> {
  for (const source of documentSources) {
    const loaded = await source.load(ctx, id);
    if (!loaded) continue;
    if (!loaded.formats.includes(format)) {
      await audit(ctx, {
        action: 'document.download',
        outcome: 'FAILURE',
        reason: 'format-not-available',
        entityType: 'Document',
        entityId: id,
        patientId: loaded.patientId,
        metadata: { kind: loaded.item.kind, format },
      });
      const formats = loaded.formats.map((f) => (f === 'pdf' ? 'PDF' : 'Word (docx)'));
      return {
        ok: false,
        status: 400,
        message: `This document comes as ${formats.join(' or ')} only: ask for format=${loaded.formats[0]}.`,
      };
    }
    const file = await loaded.render(format);
    await audit(ctx, {
      action: 'document.download',
      outcome: 'SUCCESS',
      entityType: 'Document',
      entityId: id,
      patientId: loaded.patientId,
      metadata: {
        kind: loaded.item.kind,
        format,
        fileName: file.fileName,
        bytes: file.bytes.byteLength,
        withheldFromPatient: loaded.item.withheldFromPatient,
      },
    });
    return { ok: true, file, item: loaded.item, patientId: loaded.patientId };
  }
  const owner = await documentOwner(ctx, id);
  await audit(ctx, {
    action: 'document.download',
    outcome: owner ? 'DENIED' : 'FAILURE',
    reason: owner ? 'outside-scope' : 'not-found',
    entityType: 'Document',
    entityId: id,
    patientId: owner,
    metadata: { format },
  });
  return { ok: false, status: 404, message: 'No document with that id.' };
}
