// npx tsx scripts/bench/documents-render.ts: times the document renderers alone (no database,
// no HTTP) on the issue's two sizes: one report's DOCX (and PDF) with five years of history
// (goal <= 1 s) and a 60-page tribunal bundle PDF (goal <= 5 s). Five runs each; prints the
// median and the worst.
import { assembleBundle } from '../../lib/documents/bundle.ts';
import type { DocumentContent } from '../../lib/documents/content.ts';
import { renderDocx } from '../../lib/documents/docx.ts';
import { renderPdf } from '../../lib/documents/pdf.ts';
import { PDFDocument } from 'pdf-lib';

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

const patient = { name: 'Bench Patient', dateOfBirth: '1980-03-04', nhsNumber: '9434765919' };

/** Five years of history: weekly contacts, monthly reviews, two recalls, four extensions. */
function fiveYearReport(): DocumentContent {
  const rows: string[][] = [];
  for (let week = 0; week < 5 * 52; week += 1) {
    const day = new Date(Date.UTC(2021, 0, 4 + week * 7)).toISOString().slice(0, 10);
    rows.push([
      day,
      `Contact at home with the care coordinator: mental state settled, took depot medication, discussed housing and work (${week + 1}).`,
      'Care coordinator',
    ]);
  }
  const sections = [
    'Legal history and conditions in force',
    'Chronology of admissions, recalls, revocations and extensions',
    'Social factors: home and family',
    'Accommodation',
    'Finances',
    'Employment and occupation',
    'Contacts and care activities',
    'Quality of life',
    'Previous tribunal outcomes',
    'Nearest relative',
    'Recommendations',
  ].map((heading, i) => ({
    heading,
    paragraphs: Array.from(
      { length: 6 },
      (_, k) =>
        `${heading}: paragraph ${k + 1}. The record shows steady engagement over five years, with two recalls (January 2022 and March 2024) and four extensions of the order, each reviewed by the hospital managers.`,
    ),
    sources: [`Record entry ${i + 1}`, 'Form CTO7 recorded 2 September 2025'],
    ...(i === 6 ? { table: { headers: ['Date', 'What happened', 'By'], rows } } : {}),
  }));
  return {
    title: 'Responsible clinician’s report',
    patient,
    sections,
    signatures: [
      { kind: 'SIGNED', name: 'Dr Bench', role: 'Responsible clinician', signedOn: '2026-12-01' },
    ],
  };
}

async function time(name: string, goalMs: number, fn: () => Promise<unknown>): Promise<void> {
  const runs: number[] = [];
  let note = '';
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const out = await fn();
    runs.push(performance.now() - t0);
    if (typeof out === 'string') note = out;
  }
  runs.sort((a, b) => a - b);
  const median = runs[2] ?? 0;
  const worst = runs[4] ?? 0;
  const verdict = worst <= goalMs ? 'within goal' : 'OVER GOAL';
  console.log(
    `${name}: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (goal ${goalMs} ms, ${verdict})${note ? `; ${note}` : ''}`,
  );
}

const report = fiveYearReport();
await time('Five-year report, DOCX', 1000, async () => {
  const bytes = await renderDocx(report);
  return `${Math.round(bytes.byteLength / 1024)} KB`;
});
await time('Five-year report, PDF', 1000, async () => {
  const bytes = await renderPdf(report);
  return `${Math.round(bytes.byteLength / 1024)} KB`;
});
await time('60-page bundle, PDF (parts rendered, then merged)', 5000, async () => {
  // The bundle's parts are rendered as the bundle source does (the report, then shorter
  // documents), until they come to 60 pages, then merged behind the index.
  const parts = [{ title: 'Responsible clinician’s report', bytes: await renderPdf(report) }];
  let pages = await pageCount(parts[0]?.bytes ?? new Uint8Array());
  const short = { ...report, sections: report.sections.slice(0, 2) };
  while (pages < 59) {
    const bytes = await renderPdf(short);
    parts.push({ title: `Document ${parts.length + 1}`, bytes });
    pages += await pageCount(bytes);
  }
  const bundle = await assembleBundle(parts, { title: 'Tribunal bundle', patient });
  return `${bundle.pageCount} pages, ${parts.length} parts, ${Math.round(bundle.bytes.byteLength / 1024)} KB`;
});
