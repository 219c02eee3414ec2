// PDF documents (issue 9, part 3) drawn with pdf-lib: pure JavaScript, no browser, in DejaVu
// Sans Condensed embedded and subset (./fonts.ts, decision 841: any name prints as spelt, not
// only the WinAnsi ones). `PdfWriter` lays text out page by page
// (wrapping, page breaks, tables) and stamps every page at the end with the patient's header and
// "Page X of Y"; `renderPdf` turns any DocumentContent into a PDF with it. The statutory forms
// (lib/documents/statutory-forms) use the same writer. Pure: no database.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentContent, DocumentPatient, DocumentTable } from './content';
import {
  DRAFT_LABEL,
  WITHHELD_LABEL,
  patientHeaderParts,
  signatureLine,
  sourcesLine,
} from './labels';
import { embedFonts, type PdfFonts } from './fonts';

export type { PdfFonts } from './fonts';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 56;
const TOP = 72; // below the header band
const BOTTOM = 64; // above the footer band
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.3);
const NHS_BLUE = rgb(0, 0.37, 0.72);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** Left indent in points, from the margin. */
  indent?: number;
  /** A number or label hung in the indent ("12.", "(a)"). */
  hang?: string;
  colour?: 'black' | 'grey' | 'blue';
  /** Space after, in points. */
  after?: number;
  strike?: boolean;
}

export interface PageStamp {
  patient: DocumentPatient;
  /** Shown at the foot of every page, before "Page X of Y". */
  footerTitle: string;
  draft?: boolean;
  withheldFromPatient?: boolean;
}

/**
 * Characters the font has no glyph for are replaced, never dropped silently into an exception:
 * these by their nearest equivalent, anything else unknown by "?". (DejaVu Sans draws most of
 * them; the list stays for any it does not.)
 */
const REPLACEMENTS: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '←': '<-',
  '✓': 'x',
  '✔': 'x',
  '☐': '[ ]',
  '☒': '[x]',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2212': '-',
};

/** Advance widths at size 1, per font (by its PostScript name) and character. */
const ADVANCES = new Map<string, Map<string, number>>();

/**
 * The width of `text` at `size`: the sum of its characters' advance widths, each measured once
 * per process. An embedded font measures by laying the whole text out (fontkit), which line
 * wrapping would otherwise do thousands of times per document; pdf-lib draws glyphs at their
 * advance widths without kerning, so the sum is the drawn width.
 */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = ADVANCES.get(font.name);
  if (!widths) {
    widths = new Map();
    ADVANCES.set(font.name, widths);
  }
  let total = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1000) / 1000;
      widths.set(ch, w);
    }
    total += w;
  }
  return total * size;
}

export class PdfWriter {
  readonly doc: PDFDocument;
  readonly fonts: PdfFonts;
  private page: PDFPage;
  private y: number;
  private readonly charset: Set<number>;
  readonly width = A4[0] - 2 * MARGIN_X;

  private constructor(doc: PDFDocument, fonts: PdfFonts) {
    this.doc = doc;
    this.fonts = fonts;
    this.charset = new Set(fonts.regular.getCharacterSet());
    this.page = doc.addPage(A4);
    this.y = A4[1] - TOP;
  }

  static async create(title: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('CTO Tracker');
    doc.setProducer('CTO Tracker (pdf-lib)');
    return new PdfWriter(doc, await embedFonts(doc));
  }

  /** The text with every character the fonts can draw. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/\t/g, '    ').replace(/\r/g, '')) {
      const code = ch.codePointAt(0) ?? 63;
      if (this.charset.has(code) || ch === '\n') out += ch;
      else out += REPLACEMENTS[ch] ?? '?';
    }
    return out;
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : style.italic ? this.fonts.italic : this.fonts.regular;
  }

  /** Splits text into lines no wider than `width`; explicit newlines are kept. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    const space = textWidth(font, ' ', size);
    for (const para of this.clean(text).split('\n')) {
      const words = para.split(/ +/);
      let line = '';
      let lineWidth = 0;
      for (const word of words) {
        const wordWidth = textWidth(font, word, size);
        const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
        if (candidateWidth <= width) {
          line = line ? `${line} ${word}` : word;
          lineWidth = candidateWidth;
          continue;
        }
        if (line) lines.push(line);
        // A word longer than the line is cut.
        let rest = word;
        while (textWidth(font, rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && textWidth(font, rest.slice(0, cut), size) > width) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
        lineWidth = textWidth(font, rest, size);
      }
      lines.push(line);
    }
    return lines;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - TOP;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
    if (this.y < BOTTOM) this.newPage();
  }

  private colour(style: TextStyle) {
    return style.colour === 'grey' ? GREY : style.colour === 'blue' ? NHS_BLUE : BLACK;
  }

  /** A block of text, wrapped, breaking across pages line by line. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 11;
    const font = this.font(style);
    const indent = style.indent ?? 0;
    const leading = size * 1.35;
    const lines = this.wrap(text, font, size, this.width - indent);
    lines.forEach((line, i) => {
      this.ensure(leading);
      const baseline = this.y - size;
      if (i === 0 && style.hang) {
        this.page.drawText(this.clean(style.hang), {
          x: MARGIN_X + Math.max(0, indent - 28),
          y: baseline,
          size,
          font,
          color: this.colour(style),
        });
      }
      this.page.drawText(line, {
        x: MARGIN_X + indent,
        y: baseline,
        size,
        font,
        color: this.colour(style),
      });
      if (style.strike && line) {
        const w = textWidth(font, line, size);
        this.page.drawLine({
          start: { x: MARGIN_X + indent, y: baseline + size * 0.3 },
          end: { x: MARGIN_X + indent + w, y: baseline + size * 0.3 },
          thickness: 0.8,
          color: this.colour(style),
        });
      }
      this.y -= leading;
    });
    this.y -= style.after ?? 6;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 18 : level === 2 ? 14 : 12;
    // Keep a heading with at least two lines of what follows.
    this.ensure(size * 1.4 + 40);
    this.space(level === 1 ? 0 : 6);
    this.text(text, { size, bold: true, after: level === 1 ? 10 : 6 });
  }

  /** A labelled box filled with what was recorded (a form's fill-in). */
  field(label: string, value: string | null, style: { indent?: number } = {}): void {
    const indent = style.indent ?? 0;
    if (label) this.text(label, { size: 9, colour: 'grey', indent, after: 2 });
    const size = 11;
    const lines = this.wrap(
      value && value.trim() ? value : 'Not recorded',
      this.fonts.regular,
      size,
      this.width - indent - 12,
    );
    const leading = size * 1.35;
    let i = 0;
    while (i < lines.length) {
      this.ensure(leading + 8);
      const fit = Math.max(1, Math.floor((this.y - BOTTOM - 8) / leading));
      const chunk = lines.slice(i, i + fit);
      const height = chunk.length * leading + 8;
      this.page.drawRectangle({
        x: MARGIN_X + indent,
        y: this.y - height,
        width: this.width - indent,
        height,
        borderColor: GREY,
        borderWidth: 0.7,
      });
      chunk.forEach((line, k) => {
        this.page.drawText(line, {
          x: MARGIN_X + indent + 6,
          y: this.y - 4 - size - k * leading,
          size,
          font: value && value.trim() ? this.fonts.regular : this.fonts.italic,
          color: value && value.trim() ? BLACK : GREY,
        });
      });
      this.y -= height;
      i += chunk.length;
      if (i < lines.length) this.newPage();
    }
    this.y -= 8;
  }

  /** A table with a bold header row (repeated on each new page); cells wrap. */
  table(table: DocumentTable, options: { widths?: number[] } = {}): void {
    const cols = Math.max(1, table.headers.length);
    // Without widths given, each column gets room in proportion to its longest line (within
    // limits), so that a date column stays narrow and a description column wide.
    const weights =
      options.widths && options.widths.length === cols
        ? options.widths
        : Array.from({ length: cols }, (_, c) => {
            const longest = Math.max(
              (table.headers[c] ?? '').length,
              ...table.rows.map((r) => Math.max(...(r[c] ?? '').split('\n').map((l) => l.length))),
            );
            return Math.min(60, Math.max(12, longest));
          });
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = weights.map((w) => (w * this.width) / total);
    const size = 9;
    const leading = size * 1.3;
    const pad = 3;
    const layout = (cells: string[], font: PDFFont) =>
      widths.map((w, c) => this.wrap(cells[c] ?? '', font, size, w - 2 * pad));
    const drawRow = (cells: string[][], font: PDFFont, fill: boolean) => {
      const height = Math.max(1, ...cells.map((l) => l.length)) * leading + 2 * pad;
      let x = MARGIN_X;
      cells.forEach((lines, c) => {
        const w = widths[c] ?? 0;
        this.page.drawRectangle({
          x,
          y: this.y - height,
          width: w,
          height,
          borderColor: GREY,
          borderWidth: 0.5,
          ...(fill ? { color: rgb(0.92, 0.94, 0.96) } : {}),
        });
        lines.forEach((line, k) => {
          this.page.drawText(line, {
            x: x + pad,
            y: this.y - pad - size - k * leading + 2,
            size,
            font,
            color: BLACK,
          });
        });
        x += w;
      });
      this.y -= height;
    };
    const head = layout(table.headers, this.fonts.bold);
    const headHeight = Math.max(1, ...head.map((l) => l.length)) * leading + 2 * pad;
    this.ensure(headHeight + leading * 2);
    drawRow(head, this.fonts.bold, true);
    for (const row of table.rows) {
      let cells = layout(row, this.fonts.regular);
      let height = Math.max(1, ...cells.map((l) => l.length)) * leading + 2 * pad;
      const page = A4[1] - TOP - BOTTOM - headHeight;
      // A row taller than a page is cut into page-sized pieces.
      while (height > page) {
        const fitLines = Math.floor((page - 2 * pad) / leading);
        this.newPage();
        drawRow(head, this.fonts.bold, true);
        drawRow(
          cells.map((l) => l.slice(0, fitLines)),
          this.fonts.regular,
          false,
        );
        cells = cells.map((l) => l.slice(fitLines));
        height = Math.max(1, ...cells.map((l) => l.length)) * leading + 2 * pad;
      }
      if (this.y - height < BOTTOM) {
        this.newPage();
        drawRow(head, this.fonts.bold, true);
      }
      drawRow(cells, this.fonts.regular, false);
    }
    this.y -= 10;
  }

  /** The header (patient, labels) and footer (title, Page X of Y) on every page. */
  stamp(stamp: PageStamp): void {
    const pages = this.doc.getPages();
    const header = patientHeaderParts(stamp.patient);
    pages.forEach((page, i) => {
      const [w, h] = [page.getWidth(), page.getHeight()];
      page.drawText(this.clean(header.name), {
        x: MARGIN_X,
        y: h - 34,
        size: 10,
        font: this.fonts.bold,
        color: BLACK,
      });
      page.drawText(this.clean(`${header.dateOfBirth}    ${header.nhsNumber}`), {
        x: MARGIN_X,
        y: h - 47,
        size: 9,
        font: this.fonts.regular,
        color: BLACK,
      });
      // DRAFT at the top right, beside the patient's name; the rule 14 label on a line of its
      // own under the header rule, so that neither runs into a long name.
      const red = rgb(0.83, 0.02, 0.07);
      if (stamp.draft) {
        const text = this.clean(DRAFT_LABEL);
        const tw = textWidth(this.fonts.bold, text, 12);
        page.drawText(text, {
          x: w - MARGIN_X - tw,
          y: h - 36,
          size: 12,
          font: this.fonts.bold,
          color: red,
        });
      }
      if (stamp.withheldFromPatient) {
        const text = this.clean(WITHHELD_LABEL);
        const tw = textWidth(this.fonts.bold, text, 9);
        page.drawText(text, {
          x: (w - tw) / 2,
          y: h - 66,
          size: 9,
          font: this.fonts.bold,
          color: red,
        });
      }
      page.drawLine({
        start: { x: MARGIN_X, y: h - 54 },
        end: { x: w - MARGIN_X, y: h - 54 },
        thickness: 0.5,
        color: GREY,
      });
      const pageText = `Page ${i + 1} of ${pages.length}`;
      const pw = textWidth(this.fonts.regular, pageText, 9);
      page.drawText(pageText, {
        x: w - MARGIN_X - pw,
        y: 30,
        size: 9,
        font: this.fonts.regular,
        color: BLACK,
      });
      const title = this.clean(stamp.footerTitle);
      const maxTitle = w - 2 * MARGIN_X - pw - 20;
      page.drawText(this.wrap(title, this.fonts.regular, 9, maxTitle)[0] ?? '', {
        x: MARGIN_X,
        y: 30,
        size: 9,
        font: this.fonts.regular,
        color: GREY,
      });
    });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/** The signature block: each signature on its own lines, with its date. */
export function drawSignatures(writer: PdfWriter, content: DocumentContent): void {
  writer.heading('Signature', 2);
  if (content.signatures.length === 0) {
    writer.text('Not yet signed.', { italic: true });
    writer.text('Signed: ______________________________    Date: ________________', { after: 8 });
    return;
  }
  for (const s of content.signatures) writer.text(signatureLine(s), { after: 8 });
}

/** Any DocumentContent as a PDF: numbered paragraphs, sources, tables, signatures, header, pages. */
export async function renderPdf(content: DocumentContent): Promise<Uint8Array> {
  const writer = await PdfWriter.create(content.title);
  writer.heading(content.title, 1);
  if (content.subtitle) writer.text(content.subtitle, { colour: 'grey', after: 10 });
  let n = 0;
  for (const section of content.sections) {
    writer.heading(section.heading, 2);
    for (const p of section.paragraphs) {
      n += 1;
      writer.text(p, { indent: 28, hang: `${n}.` });
    }
    if (section.table) writer.table(section.table);
    const sources = sourcesLine(section.sources);
    if (sources) writer.text(sources, { size: 9, italic: true, colour: 'grey', after: 8 });
  }
  drawSignatures(writer, content);
  writer.stamp({
    patient: content.patient,
    footerTitle: content.title,
    draft: content.draft,
    withheldFromPatient: content.withheldFromPatient,
  });
  return writer.save();
}
