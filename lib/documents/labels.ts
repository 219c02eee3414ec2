// The words every produced document shares, whatever its format (DOCX or PDF): the patient's
// header, the DRAFT and rule 14 labels, the sources line and the signature line. Pure.
import { formatDate, formatNhsNumberForDisplay } from '@/lib/format';
import type { DocumentPatient, DocumentSignature } from './content';

export const DRAFT_LABEL = 'DRAFT: not signed';
/** HESC rule 14: a document (or part) the tribunal is asked to withhold from the patient. */
export const WITHHELD_LABEL = 'WITHHELD FROM THE PATIENT (tribunal rule 14): do not disclose';

export function patientHeaderParts(patient: DocumentPatient): {
  name: string;
  dateOfBirth: string;
  nhsNumber: string;
} {
  return {
    name: patient.name,
    dateOfBirth: `Date of birth: ${patient.dateOfBirth ? formatDate(patient.dateOfBirth) : 'Not known'}`,
    nhsNumber: `NHS number: ${formatNhsNumberForDisplay(patient.nhsNumber)}`,
  };
}

/** One line for the header of every page. */
export function patientHeaderLine(patient: DocumentPatient): string {
  const h = patientHeaderParts(patient);
  return `${h.name}    ${h.dateOfBirth}    ${h.nhsNumber}`;
}

export function sourcesLine(sources: readonly string[] | undefined): string | null {
  return sources && sources.length > 0 ? `Sources: ${sources.join('; ')}.` : null;
}

export function signatureLine(s: DocumentSignature): string {
  const verb = s.kind === 'COUNTERSIGNED' ? 'Countersigned' : 'Signed';
  return `${verb}: ${s.name}, ${s.role}. Date: ${formatDate(s.signedOn)}`;
}

/** A file name from a title: letters, digits and hyphens only. */
/** Latin letters that do not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  ı: 'i',
};

export function fileNameFor(title: string, patientName: string, ext: 'pdf' | 'docx'): string {
  // An accented letter keeps its base letter (Wróbel, not Wro-bel; Łukasz, not ukasz).
  const slug = `${title} ${patientName}`
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ŁłØøĐđĦħßÆæŒœÞþÐðı]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${slug || 'document'}.${ext}`;
}
