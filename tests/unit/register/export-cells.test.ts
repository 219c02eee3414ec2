// The register's export cells (lib/register/columns.ts): nothing a spreadsheet would run.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeCell,
  exportCells,
  EXPORT_HEADERS,
  type RegisterRowValues,
} from '@/lib/register/columns';

describe('escapeCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 7700 900000', "'+44 7700 900000"],
    ['-2', "'-2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'],
  ])('escapes %j', (value, escaped) => {
    expect(escapeCell(value)).toBe(escaped);
  });

  it.each(['Smith', '2026-03-27', "O'Brien", '', 'a=b', 'CTO12 in place'])(
    'leaves %j alone',
    (value) => {
      expect(escapeCell(value)).toBe(value);
    },
  );

  it('never returns a cell that starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(escapeCell(value)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe('exportCells', () => {
  const row: RegisterRowValues = {
    nhsNumber: null,
    localId: '-1',
    givenName: '=cmd|"/C calc"!A0',
    familyName: '@Smith',
    teamName: '+Team',
    state: 'ACTIVE',
    madeOn: new Date('2026-01-05T00:00:00Z'),
    periodEnd: new Date('2026-07-04T00:00:00Z'),
    windowOpensOn: null,
    windowDueOn: null,
    rcName: '=rc',
    ccName: null,
    hospitalName: '-Hospital',
    rightsGivenAt: new Date('2026-01-06T10:30:00Z'),
    rightsDueOn: null,
    certificateType: 'CTO12',
    certificateGivenOn: null,
    certificateDueOn: null,
    tribunalKind: null,
    tribunalBasis: null,
    tribunalDocumentsDueOn: null,
    nextHearingAt: null,
    nearestRelativeName: '=NR',
    nearestRelativeRelationship: 'Mother',
  };

  it('gives one escaped cell per header, dates as written', () => {
    const cells = exportCells(row);
    expect(cells).toHaveLength(EXPORT_HEADERS.length);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(cells[EXPORT_HEADERS.indexOf('Given name')]).toBe('\'=cmd|"/C calc"!A0');
    expect(cells[EXPORT_HEADERS.indexOf('Period ends')]).toBe('2026-07-04');
    expect(cells[EXPORT_HEADERS.indexOf('Rights information given')]).toBe('2026-01-06 10:30');
    expect(cells[EXPORT_HEADERS.indexOf('Nearest relative')]).toBe("'=NR (Mother)");
    expect(cells[EXPORT_HEADERS.indexOf('State')]).toBe('In force');
  });
});
