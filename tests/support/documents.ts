// Reading produced documents back in tests: a DOCX unzipped (its XML parts), a PDF's text per
// page (unpdf, the pdf.js text layer).
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';

export interface DocxParts {
  document: string;
  numbering: string;
  headers: string[];
  footers: string[];
  /** Every w:t run of the body, joined by paragraph. */
  paragraphs: string[];
}

function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1] ?? '')
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  const document = await read('word/document.xml');
  return {
    document,
    numbering: await read('word/numbering.xml'),
    headers: await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read)),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read)),
    paragraphs: paragraphTexts(document),
  };
}

export function docxText(xml: string): string {
  return paragraphTexts(xml).join('\n');
}

/** The text of each page. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(doc, { mergePages: false });
  return text as string[];
}
