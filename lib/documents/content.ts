/**
 * What a produced document says, independent of its file format. Report drafts, the
 * responsible authority's statement, the chronology and letters are built as a
 * DocumentContent and rendered to DOCX or PDF by lib/documents (issue 9 §3). Pure data:
 * no database, no I/O.
 */

/** The patient's details the Practice Direction wants on every page (the header). */
export interface DocumentPatient {
  name: string;
  /** ISO date, yyyy-mm-dd. */
  dateOfBirth: string | null;
  /** Ten digits, or null where not known. */
  nhsNumber: string | null;
}

export interface DocumentTable {
  headers: string[];
  rows: string[][];
}

/** One numbered section of a report: a heading, its paragraphs (each numbered), its sources. */
export interface DocumentSection {
  heading: string;
  paragraphs: string[];
  /** Where the pre-filled text came from ("CTO1 recorded 4 March 2025", …). */
  sources?: string[];
  table?: DocumentTable;
}

export interface DocumentSignature {
  kind: 'SIGNED' | 'COUNTERSIGNED';
  name: string;
  role: string;
  /** ISO date, yyyy-mm-dd. */
  signedOn: string;
}

export interface DocumentContent {
  title: string;
  subtitle?: string;
  patient: DocumentPatient;
  sections: DocumentSection[];
  signatures: DocumentSignature[];
  /** Tribunal rule 14: withheld from the patient; the document says so on every page. */
  withheldFromPatient?: boolean;
  /** Not yet signed: the document says DRAFT. */
  draft?: boolean;
}
