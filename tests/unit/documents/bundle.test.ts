// The bundle: an index, then every part, numbered continuously ("Bundle page N of M"); the
// index gives each part's first and last bundle page, and each part starts on the page the
// index says.
import { describe, expect, it } from 'vitest';
import { assembleBundle } from '@/lib/documents/bundle';
import { renderPdf } from '@/lib/documents/pdf';
import { chronologyContent } from '@/lib/documents/chronology';
import { pdfPages } from '../../support/documents';
import { sampleReport } from './fixtures';

describe('assembleBundle', () => {
  it('indexes the parts and numbers every page continuously', async () => {
    const report = await renderPdf(sampleReport({ years: 3 }));
    const chronology = await renderPdf(
      chronologyContent({
        patient: sampleReport().patient,
        producedOn: '2026-12-08',
        rows: [
          {
            at: '2025-03-04',
            title: 'Order made',
            detail: null,
            recorded: { at: new Date('2025-03-05T10:00:00Z'), by: 'MHA office' },
          },
          {
            at: new Date('2026-01-10T09:30:00Z'),
            title: 'Recalled to hospital',
            detail: 'Notice served by hand',
            by: 'Dr Grace Hopper',
          },
        ],
      }),
    );
    const bundle = await assembleBundle(
      [
        { title: 'Responsible clinician’s report', bytes: report },
        { title: 'Chronology', bytes: chronology },
      ],
      {
        title: 'Tribunal bundle',
        patient: sampleReport().patient,
        keptSeparate: ['Nursing report'],
      },
    );
    const pages = await pdfPages(bundle.bytes);
    expect(pages).toHaveLength(bundle.pageCount);
    pages.forEach((p, i) => expect(p).toContain(`Bundle page ${i + 1} of ${pages.length}`));
    const [first, second] = bundle.index;
    expect(first?.firstPage).toBe(2);
    expect(second?.firstPage).toBe((first?.lastPage ?? 0) + 1);
    expect(second?.lastPage).toBe(pages.length);
    // Each part starts where the index says.
    expect(pages[(first?.firstPage ?? 1) - 1]).toContain('Legal history and conditions in force');
    expect(pages[(second?.firstPage ?? 1) - 1]).toContain('Chronology of events');
    const index = pages[0] ?? '';
    expect(index).toContain('Index');
    expect(index).toContain(`${first?.firstPage} to ${first?.lastPage}`);
    expect(index).toContain('Nursing report');
    expect(index).toContain('rule 14');
    // The chronology is dated when things happened, with when they were recorded beside.
    const chron = pages
      .slice((second?.firstPage ?? 1) - 1)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(chron).toContain('4 March 2025');
    expect(chron).toContain('10 January 2026, 09:30 GMT');
    expect(chron).toContain('5 March 2025, 10:00 GMT by MHA office');
  });
});
