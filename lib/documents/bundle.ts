// The tribunal bundle (issue 9, part 3): its parts (the statement, the reports, the chronology,
// copies of the statutory forms), each already a PDF, merged with pdf-lib behind an index, and
// every page stamped with its bundle page number ("Bundle page N of M") so that the tribunal,
// the patient's representative and the authority all cite the same page. The index gives each
// part's first and last bundle page. Pure: the parts come in as bytes.
import { PDFDocument, rgb } from 'pdf-lib';
import type { DocumentPatient } from './content';
import { embedFont } from './fonts';
import { PdfWriter } from './pdf';

export interface BundlePart {
  title: string;
  /** A PDF. */
  bytes: Uint8Array;
}

export interface BundleOptions {
  title: string;
  patient: DocumentPatient;
  /** Lines under the title (the case, its reference, the date it was put together). */
  subtitle?: string[];
  /** Said in the index: documents kept out of the bundle (rule 14), supplied separately. */
  keptSeparate?: string[];
}

export interface BundleIndexRow {
  title: string;
  firstPage: number;
  lastPage: number;
}

/** The index page(s): a table of the parts with their bundle pages. */
async function indexPdf(options: BundleOptions, rows: BundleIndexRow[]): Promise<Uint8Array> {
  const writer = await PdfWriter.create(options.title);
  writer.heading(options.title, 1);
  for (const line of options.subtitle ?? []) writer.text(line, { colour: 'grey', after: 2 });
  writer.space(8);
  writer.heading('Index', 2);
  writer.table(
    {
      headers: ['Tab', 'Document', 'Pages'],
      rows: rows.map((r, i) => [
        String(i + 1),
        r.title,
        r.firstPage === r.lastPage ? `${r.firstPage}` : `${r.firstPage} to ${r.lastPage}`,
      ]),
    },
    { widths: [1, 8, 2] },
  );
  if (options.keptSeparate && options.keptSeparate.length > 0) {
    writer.heading('Kept separate', 3);
    writer.text(
      'These documents are withheld from the patient under rule 14 of the Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008 and are supplied to the tribunal separately, not in this bundle:',
    );
    for (const t of options.keptSeparate) writer.text(t, { indent: 28, hang: '-' });
  }
  writer.stamp({ patient: options.patient, footerTitle: `${options.title}: index` });
  return writer.save();
}

/**
 * The bundle: an index, then each part, with continuous page numbers across the whole. The
 * index's own pages are numbered first (page 1 is the index).
 */
export async function assembleBundle(
  parts: readonly BundlePart[],
  options: BundleOptions,
): Promise<{ bytes: Uint8Array; index: BundleIndexRow[]; pageCount: number }> {
  const loaded = await Promise.all(parts.map((p) => PDFDocument.load(p.bytes)));
  const counts = loaded.map((d) => d.getPageCount());
  // The index's length decides where the parts start: lay it out until it is stable.
  let indexPages = 1;
  let rows: BundleIndexRow[] = [];
  let indexBytes: Uint8Array = new Uint8Array();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let next = indexPages + 1;
    rows = parts.map((p, i) => {
      const first = next;
      next += counts[i] ?? 0;
      return { title: p.title, firstPage: first, lastPage: next - 1 };
    });
    indexBytes = await indexPdf(options, rows);
    const pages = (await PDFDocument.load(indexBytes)).getPageCount();
    if (pages === indexPages) break;
    indexPages = pages;
  }

  const out = await PDFDocument.create();
  out.setTitle(options.title);
  out.setCreator('CTO Tracker');
  out.setProducer('CTO Tracker (pdf-lib)');
  const sources = [await PDFDocument.load(indexBytes), ...loaded];
  for (const source of sources) {
    const copied = await out.copyPages(source, source.getPageIndices());
    for (const page of copied) out.addPage(page);
  }
  const font = await embedFont(out, 'bold');
  const pages = out.getPages();
  pages.forEach((page, i) => {
    const text = `Bundle page ${i + 1} of ${pages.length}`;
    const size = 10;
    const w = font.widthOfTextAtSize(text, size);
    const x = (page.getWidth() - w) / 2;
    page.drawRectangle({
      x: x - 4,
      y: 10,
      width: w + 8,
      height: size + 6,
      color: rgb(1, 1, 1),
      borderColor: rgb(0, 0, 0),
      borderWidth: 0.6,
    });
    page.drawText(text, { x, y: 14, size, font, color: rgb(0, 0, 0) });
  });
  return { bytes: await out.save(), index: rows, pageCount: pages.length };
}
