// What each kind of document is called and which formats it comes in, for lists and links.
// Pure. Statutory forms (CTO1 to CTO12) and the tribunal bundle are PDF only; reports, the
// statement and the chronology come as Word (docx) and PDF.
export type DownloadFormat = 'docx' | 'pdf';

export function formatsForKind(kind: string): DownloadFormat[] {
  return /^CTO\d+$/.test(kind) || kind === 'TRIBUNAL_BUNDLE' ? ['pdf'] : ['pdf', 'docx'];
}

export function downloadHref(id: string, format: DownloadFormat): string {
  return `/api/v1/documents/${encodeURIComponent(id)}?format=${format}`;
}

export const FORMAT_LABELS: Record<DownloadFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
};
