import 'server-only';
import type { QueryContext } from '@/lib/server/queries/access';
import { bundleSource } from './bundle-source';
import { chronologySource } from './chronology-source';
import { reportSource } from './report-source';
import { statutoryFormSource } from './statutory-form-source';

/**
 * Every kind of document a patient has (reports, statements, statutory forms, bundles,
 * letters) comes from a DocumentSource. `GET /api/v1/patients/{id}/documents` lists them all;
 * `GET /api/v1/documents/{id}?format=docx|pdf` asks each source in turn for the id.
 * A source scopes its own queries (the patient must be visible to ctx.actor) and leaves the
 * audit row to the route, which records who listed or downloaded what.
 */

export type DocumentFormat = 'docx' | 'pdf';

/** One row of `GET /api/v1/patients/{id}/documents` (the contract's fields, then extras). */
export interface DocumentListItem {
  id: string;
  /** TribunalDocumentKind name (RC_REPORT, …), a statutory form (CTO1 … CTO12), TRIBUNAL_BUNDLE, … */
  kind: string;
  status: string;
  tribunalCaseId: string | null;
  title: string;
  /** Rule 14: kept separate and labelled. */
  withheldFromPatient: boolean;
}

export interface RenderedFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export interface LoadedDocument {
  item: DocumentListItem;
  patientId: string;
  /** The formats this document comes in (a statutory form may be PDF only). */
  formats: DocumentFormat[];
  render(format: DocumentFormat): Promise<RenderedFile>;
}

export interface DocumentSource {
  name: string;
  /** The patient's documents from this source; the caller has already checked the patient is visible. */
  list(ctx: QueryContext, patientId: string): Promise<DocumentListItem[]>;
  /** The document with this id, or null when this source has none by that id or it is out of scope. */
  load(ctx: QueryContext, id: string): Promise<LoadedDocument | null>;
}

/**
 * The sources, in the order they are asked. Each slice adds its own one line here.
 */
export const documentSources: DocumentSource[] = [
  statutoryFormSource, // issue 9 §3: CTO1 to CTO12, PDF
  chronologySource, // issue 9 §3-4: the chronology, DOCX and PDF
  reportSource, // issue 9 §2: report drafts and statements (DOCX, PDF), managers' decision letters
  bundleSource, // issue 9 §3: the tribunal bundle, PDF (draws on the other sources at run time)
];
