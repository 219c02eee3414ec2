// Names and words outside WinAnsi print as spelt (decision 841): the PDFs embed DejaVu Sans
// Condensed, so Polish, Vietnamese, Greek and Cyrillic come back out of the text layer exactly,
// in a report, in the bundle's index and on its pages; none of them turns into "?".
import { describe, expect, it } from 'vitest';
import { assembleBundle } from '@/lib/documents/bundle';
import { renderPdf } from '@/lib/documents/pdf';
import { pdfPages } from '../../support/documents';
import { sampleReport } from './fixtures';

const NAMES = ['Łukasz Wróbel', 'Nguyễn Thị Minh Khai', 'Σωκράτης Παπαδόπουλος', 'Анна Кузнецова'];

function unicodeReport() {
  const base = sampleReport();
  return {
    ...base,
    patient: { ...base.patient, name: 'Łukasz Wróbel' },
    sections: [
      {
        heading: 'Nearest relative: Анна Кузнецова',
        paragraphs: [
          `Visitors recorded: ${NAMES.join('; ')}.`,
          'Zoë Ó Súilleabháin, the advocate, attended; the interpreter spoke Ελληνικά and русский.',
        ],
        sources: ['Nearest relative recorded by Σωκράτης Παπαδόπουλος'],
      },
      ...base.sections,
    ],
  };
}

describe('PDF text outside WinAnsi', () => {
  it('prints Polish, Vietnamese, Greek and Cyrillic names exactly in a report', async () => {
    const pages = await pdfPages(await renderPdf(unicodeReport()));
    const all = pages.join('\n');
    for (const name of NAMES) expect(all).toContain(name);
    expect(all).toContain('Nearest relative: Анна Кузнецова');
    expect(all).toContain('Zoë Ó Súilleabháin');
    expect(all).toContain('Ελληνικά and русский');
    // The header on every page carries the patient's name as spelt.
    for (const page of pages) expect(page).toContain('Łukasz Wróbel');
    expect(all).not.toMatch(/\?ukasz|Wr\?bel|\?\?\?/);
  });

  it('keeps the names in the bundle’s index and in its parts', async () => {
    const report = await renderPdf(unicodeReport());
    const bundle = await assembleBundle([{ title: 'Report about Łukasz Wróbel', bytes: report }], {
      title: 'Tribunal bundle: Łukasz Wróbel',
      patient: { name: 'Łukasz Wróbel', dateOfBirth: '1980-03-04', nhsNumber: '9434765919' },
      subtitle: ['Applicant’s representative: Σωκράτης Παπαδόπουλος'],
    });
    const pages = await pdfPages(bundle.bytes);
    expect(pages[0]).toContain('Tribunal bundle: Łukasz Wróbel');
    expect(pages[0]).toContain('Report about Łukasz Wróbel');
    expect(pages[0]).toContain('Σωκράτης Παπαδόπουλος');
    const all = pages.join('\n');
    for (const name of NAMES) expect(all).toContain(name);
    expect(all).toContain(`Bundle page ${pages.length} of ${pages.length}`);
  });
});

describe('file names', () => {
  it('keep the base letter of an accented or stroked letter', async () => {
    const { fileNameFor } = await import('@/lib/documents/labels');
    expect(fileNameFor('RC report', 'Łukasz Wróbel', 'pdf')).toBe('RC-report-Lukasz-Wrobel.pdf');
    expect(fileNameFor('Chronology', 'Zoë Ó Súilleabháin', 'docx')).toBe(
      'Chronology-Zoe-O-Suilleabhain.docx',
    );
    expect(fileNameFor('Bundle', 'Søren Ærø', 'pdf')).toBe('Bundle-Soren-AEro.pdf');
  });
});
