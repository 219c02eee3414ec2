// The DOCX is unzipped and read back: Word numbering on every paragraph (one list through the
// whole report), the PAGE and NUMPAGES fields in the footer, the patient's details in the
// header, every section heading, the dates, the signature block, and the DRAFT and rule 14
// labels only when they apply.
import { describe, expect, it } from 'vitest';
import { renderDocx, PARAGRAPH_NUMBERING } from '@/lib/documents/docx';
import { docxText, openDocx } from '../../support/documents';
import { sampleReport } from './fixtures';

describe('renderDocx', () => {
  it('numbers every paragraph with one Word list and the pages with PAGE of NUMPAGES', async () => {
    const content = sampleReport();
    const docx = await openDocx(await renderDocx(content));
    // One abstract numbering definition, decimal "%1.".
    expect(docx.numbering).toMatch(/<w:numFmt w:val="decimal"\/>/);
    expect(docx.numbering).toContain('<w:lvlText w:val="%1."/>');
    const numbered = [
      ...docx.document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numId w:val="(\d+)"\/>/g),
    ];
    const paragraphCount = content.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    expect(numbered).toHaveLength(paragraphCount);
    // Every numbered paragraph is in the same list, so the numbers run on from section to section.
    expect(new Set(numbered.map((m) => m[1])).size).toBe(1);
    expect(PARAGRAPH_NUMBERING).toBe('report-paragraphs');

    const footer = docx.footers.join('');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(docxText(footer)).toContain('Page');
    expect(docxText(footer)).toContain(' of ');
  });

  it('puts the patient’s name, date of birth and NHS number in the header of every page', async () => {
    const docx = await openDocx(await renderDocx(sampleReport()));
    expect(docx.headers.length).toBeGreaterThan(0);
    const header = docxText(docx.headers.join(''));
    expect(header).toContain('Ada Lovelace');
    expect(header).toContain('Date of birth: 4 March 1980');
    expect(header).toContain('NHS number: 943 476 5919');
    expect(header).not.toContain('DRAFT');
    expect(header).not.toContain('WITHHELD');
    // The header is the section's default header, so Word repeats it on every page.
    expect(docx.document).toMatch(/<w:headerReference w:type="default"/);
  });

  it('has every section heading, its paragraphs, sources, table rows, dates and signatures', async () => {
    const content = sampleReport();
    const docx = await openDocx(await renderDocx(content));
    const text = docx.paragraphs.join('\n');
    for (const s of content.sections) {
      expect(docx.paragraphs).toContain(s.heading);
      for (const p of s.paragraphs) expect(docx.paragraphs).toContain(p);
    }
    expect(text).toContain('The community treatment order was made on 4 March 2025');
    expect(text).toContain(
      'Sources: Form CTO1 recorded 4 March 2025; Form CTO7 recorded 2 September 2025.',
    );
    expect(text).toContain('Contact 60: seen at home');
    expect(docx.document).toContain('<w:tblHeader');
    expect(text).toContain('Signed: Dr Grace Hopper, Responsible clinician. Date: 1 December 2026');
    expect(text).toContain(
      'Countersigned: Dr Alan Turing, Responsible clinician. Date: 2 December 2026',
    );
    // Headings are Word headings (so the navigation pane lists them).
    expect(docx.document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
  });

  it('says DRAFT and withheld from the patient (rule 14) on every page when they apply', async () => {
    const docx = await openDocx(await renderDocx(sampleReport({ draft: true, withheld: true })));
    const header = docxText(docx.headers.join(''));
    expect(header).toContain('DRAFT: not signed');
    expect(header).toContain('WITHHELD FROM THE PATIENT (tribunal rule 14)');
    expect(docx.paragraphs).toContain('Not yet signed.');
  });
});
