import type { DocumentContent } from '@/lib/documents/content';

/** A report with five years of history: every section, a long chronology table, sources. */
export function sampleReport(
  options: { years?: number; draft?: boolean; withheld?: boolean } = {},
): DocumentContent {
  const years = options.years ?? 1;
  const rows: string[][] = [];
  for (let i = 0; i < years * 60; i += 1) {
    const y = 2021 + Math.floor(i / 60);
    const m = String((i % 12) + 1).padStart(2, '0');
    rows.push([
      `${y}-${m}-04`,
      `Contact ${i + 1}: seen at home, took medication, attended the clinic.`,
      'Care coordinator',
    ]);
  }
  return {
    title: 'Responsible clinician’s report',
    subtitle: 'Community patient (Practice Direction, 28 October 2013)',
    patient: { name: 'Ada Lovelace', dateOfBirth: '1980-03-04', nhsNumber: '9434765919' },
    sections: [
      {
        heading: 'Legal history and conditions in force',
        paragraphs: [
          'The community treatment order was made on 4 March 2025 and took effect at 14:00 that day.',
          'It was extended on 2 September 2025 (Form CTO7) until 3 March 2026.',
        ],
        sources: ['Form CTO1 recorded 4 March 2025', 'Form CTO7 recorded 2 September 2025'],
      },
      {
        heading: 'Chronology of admissions, recalls and revocations',
        paragraphs: ['The patient was recalled once, on 10 January 2026.'],
        sources: ['Recall recorded 10 January 2026'],
        table: { headers: ['Date', 'What happened', 'By'], rows },
      },
      {
        heading: 'Social factors',
        paragraphs: ['Lives alone in a housing association flat; sees her sister weekly.'],
      },
    ],
    signatures: options.draft
      ? []
      : [
          {
            kind: 'SIGNED',
            name: 'Dr Grace Hopper',
            role: 'Responsible clinician',
            signedOn: '2026-12-01',
          },
          {
            kind: 'COUNTERSIGNED',
            name: 'Dr Alan Turing',
            role: 'Responsible clinician',
            signedOn: '2026-12-02',
          },
        ],
    draft: options.draft,
    withheldFromPatient: options.withheld,
  };
}
