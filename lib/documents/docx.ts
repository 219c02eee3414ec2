// DOCX documents (issue 9, part 3) with the `docx` library: any DocumentContent as a Word file
// laid out as the tribunal Practice Direction asks: numbered paragraphs (real Word numbering,
// one list running through the whole document), numbered pages (PAGE and NUMPAGES fields:
// "Page X of Y"), the patient's name, date of birth and NHS number in the header of every page,
// the sources under each section, tables, the signature block with its date, and the DRAFT and
// rule 14 labels on every page when they apply. Pure: no database.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentContent, DocumentTable } from './content';
import {
  DRAFT_LABEL,
  WITHHELD_LABEL,
  patientHeaderParts,
  signatureLine,
  sourcesLine,
} from './labels';

/** The numbering definition of the report's paragraphs (one list, continuous). */
export const PARAGRAPH_NUMBERING = 'report-paragraphs';

const RED = 'D5281B';

function headerParagraphs(content: DocumentContent): Paragraph[] {
  const h = patientHeaderParts(content.patient);
  const out = [
    new Paragraph({
      children: [
        new TextRun({ text: h.name, bold: true }),
        new TextRun({ text: `    ${h.dateOfBirth}    ${h.nhsNumber}` }),
      ],
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '768692', space: 2 } },
    }),
  ];
  if (content.draft) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: DRAFT_LABEL, bold: true, color: RED, size: 24 })],
      }),
    );
  }
  if (content.withheldFromPatient) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: WITHHELD_LABEL, bold: true, color: RED })],
      }),
    );
  }
  return out;
}

function footerParagraph(content: DocumentContent): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [
      new TextRun({ text: `${content.title}    `, color: '4C6272', size: 18 }),
      new TextRun({
        children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
        size: 18,
      }),
    ],
  });
}

function cellParagraph(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] });
}

function table(t: DocumentTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: t.headers.map(
      (h) => new TableCell({ children: [cellParagraph(h, true)], shading: { fill: 'E8EDEE' } }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        children: t.headers.map(
          (_, c) =>
            new TableCell({
              children: (r[c] ?? '').split('\n').map((line) => cellParagraph(line)),
            }),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

/** The document's body: title, sections (numbered paragraphs, table, sources), signatures. */
function body(content: DocumentContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
  ];
  if (content.subtitle) out.push(new Paragraph({ children: [new TextRun(content.subtitle)] }));
  for (const section of content.sections) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    );
    for (const p of section.paragraphs) {
      const lines = p.split('\n');
      out.push(
        new Paragraph({
          numbering: { reference: PARAGRAPH_NUMBERING, level: 0 },
          children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        }),
      );
    }
    if (section.table) out.push(table(section.table));
    const sources = sourcesLine(section.sources);
    if (sources) {
      out.push(
        new Paragraph({
          children: [new TextRun({ text: sources, italics: true, size: 18, color: '4C6272' })],
        }),
      );
    }
  }
  out.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Signature')] }),
  );
  if (content.signatures.length === 0) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: 'Not yet signed.', italics: true })] }),
    );
    out.push(new Paragraph({ children: [new TextRun('Signed: ______________________')] }));
    out.push(new Paragraph({ children: [new TextRun('Date: ______________________')] }));
  }
  for (const s of content.signatures) {
    out.push(new Paragraph({ children: [new TextRun(signatureLine(s))] }));
  }
  return out;
}

export function buildDocx(content: DocumentContent): Document {
  return new Document({
    title: content.title,
    creator: 'CTO Tracker',
    description: content.subtitle ?? content.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: PARAGRAPH_NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: headerParagraphs(content) }) },
        footers: { default: new Footer({ children: [footerParagraph(content)] }) },
        children: body(content),
      },
    ],
  });
}

/** Any DocumentContent as a .docx file. */
export async function renderDocx(content: DocumentContent): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(buildDocx(content));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
