// The PDF's text is extracted (pdf.js through unpdf) and compared: numbered paragraphs running
// on across sections, the patient's header and "Page X of Y" on every page, sources, tables that
// break across pages with their header row repeated, signatures and labels.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '@/lib/documents/pdf';
import { pdfPages } from '../../support/documents';
import { sampleReport } from './fixtures';

describe('renderPdf', () => {
  it('puts the patient’s details and Page X of Y on every page', async () => {
    const pages = await pdfPages(await renderPdf(sampleReport({ years: 5 })));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(text).toContain('Ada Lovelace');
      expect(text).toContain('Date of birth: 4 March 1980');
      expect(text).toContain('NHS number: 943 476 5919');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).not.toContain('DRAFT');
    });
  });

  it('numbers the paragraphs straight through and keeps headings, sources, tables and signatures', async () => {
    const content = sampleReport({ years: 5 });
    const pages = await pdfPages(await renderPdf(content));
    const all = pages.join('\n');
    for (const s of content.sections) expect(all).toContain(s.heading);
    expect(all).toMatch(/1\.\s+The community treatment order was made on 4 March 2025/);
    expect(all).toMatch(/2\.\s+It was extended on 2 September 2025/);
    expect(all).toMatch(/3\.\s+The patient was recalled once, on 10 January 2026/);
    expect(all).toMatch(/4\.\s+Lives alone/);
    expect(all).toContain(
      'Sources: Form CTO1 recorded 4 March 2025; Form CTO7 recorded 2 September 2025.',
    );
    expect(all).toContain('Contact 300: seen at home');
    // The table's header row is repeated on each page it runs onto.
    const tablePages = pages.filter((p) => p.includes('Contact '));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(p).toContain('What happened');
    expect(all).toContain('Signed: Dr Grace Hopper, Responsible clinician. Date: 1 December 2026');
    expect(all).toContain(
      'Countersigned: Dr Alan Turing, Responsible clinician. Date: 2 December 2026',
    );
  });

  it('labels every page DRAFT and withheld (rule 14) when they apply, and draws any text', async () => {
    const content = sampleReport({ years: 2, draft: true, withheld: true });
    content.sections[0]?.paragraphs.push('Risk ≤ moderate → reviewed; “quoted” – dash… ✓');
    const pages = await pdfPages(await renderPdf(content));
    for (const text of pages) {
      expect(text).toContain('DRAFT: not signed');
      expect(text).toContain('WITHHELD FROM THE PATIENT (tribunal rule 14)');
    }
    const all = pages.join('\n');
    // Drawn as typed: the embedded font has these glyphs (decision 841).
    expect(all).toContain('Risk ≤ moderate → reviewed; “quoted” – dash… ✓');
    expect(all).toContain('Not yet signed.');
  });
});
