import { describe, expect, it } from 'vitest';
import {
  columnDateOrder,
  excelSerialToIso,
  readDate,
  splitDateList,
  tidy,
  type DateReading,
} from '@/lib/import/dates';

const CTO = { kind: 'cto' } as const;
const DOB = { kind: 'past', referenceYear: 2026 } as const;

function date(reading: DateReading): string | undefined {
  return reading.kind === 'date' ? reading.date : undefined;
}

describe('readDate: every form a register holds', () => {
  it.each([
    ['01/02/2025', '2025-02-01'],
    ['1/2/25', '2025-02-01'],
    ['31/12/2024', '2024-12-31'],
    ['1.2.2025', '2025-02-01'],
    ['01-02-2025', '2025-02-01'],
    ['1-Feb-25', '2025-02-01'],
    ['01-feb-2025', '2025-02-01'],
    ['1 Feb 2025', '2025-02-01'],
    ['1st February 2025', '2025-02-01'],
    ['2nd March 2025', '2025-03-02'],
    ['23rd Sept 2024', '2024-09-23'],
    ['3rd of May 2025', '2025-05-03'],
    ['February 1, 2025', '2025-02-01'],
    ['Feb 1st 2025', '2025-02-01'],
    ['2025-02-01', '2025-02-01'],
    ['2025-2-1', '2025-02-01'],
    ['2025-02-01T00:00:00Z', '2025-02-01'],
    ['2025-02-01 00:00:00', '2025-02-01'],
    ['45689', '2025-02-01'],
    ['  01/02/2025  ', '2025-02-01'],
    ['01 / 02 / 2025', '2025-02-01'],
    ['\u00a01 Feb\u00a02025 ', '2025-02-01'],
  ])('%j is %s', (text, expected) => {
    expect(date(readDate(text, 'DMY', CTO))).toBe(expected);
  });

  it('reads an Excel serial number cell and a date cell', () => {
    expect(date(readDate(45689, 'DMY', CTO))).toBe('2025-02-01');
    expect(date(readDate(45689.5, 'DMY', CTO))).toBe('2025-02-01');
    expect(date(readDate(new Date(Date.UTC(2025, 1, 1)), 'DMY', CTO))).toBe('2025-02-01');
    expect(readDate(45689, 'DMY', CTO)).toMatchObject({ form: 'excel-serial' });
  });

  it('knows the Excel serial base (1899-12-30 after the phantom 29 February 1900)', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(60)).toBeUndefined();
    expect(excelSerialToIso(Number.NaN)).toBeUndefined();
  });

  it('reads two-digit years: CTO dates in this century, dates of birth never in the future', () => {
    expect(date(readDate('1/2/30', 'DMY', CTO))).toBe('2030-02-01');
    expect(date(readDate('1/2/65', 'DMY', DOB))).toBe('1965-02-01');
    expect(date(readDate('1/2/05', 'DMY', DOB))).toBe('2005-02-01');
    expect(date(readDate('1-Feb-99', 'DMY', DOB))).toBe('1999-02-01');
  });

  it('refuses impossible dates, saying why', () => {
    expect(readDate('31/02/2025', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
    expect(readDate('29/02/2025', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
    expect(date(readDate('29/02/2024', 'DMY', CTO))).toBe('2024-02-29');
    expect(readDate('01/13/2025', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
    expect(readDate('2025-13-01', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
    expect(readDate('0/1/2025', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
    expect(readDate('32 Jan 2025', 'DMY', CTO)).toMatchObject({ kind: 'impossible' });
  });

  it('says what it cannot read', () => {
    for (const text of ['soon', 'tbc', '1 Febtober 2025', '#N/A', '2025', '1/2']) {
      expect(readDate(text, 'DMY', CTO).kind).toBe('unreadable');
    }
    expect(readDate(true, 'DMY', CTO).kind).toBe('unreadable');
    expect(readDate(12, 'DMY', CTO).kind).toBe('unreadable');
  });

  it('treats empty cells as blank', () => {
    expect(readDate(null, 'DMY', CTO)).toEqual({ kind: 'blank' });
    expect(readDate('   ', 'DMY', CTO)).toEqual({ kind: 'blank' });
  });
});

describe('ambiguous day and month: questioned, never guessed', () => {
  it('finds how a column writes its dates', () => {
    expect(columnDateOrder(['25/12/2024', '03/04/2025'])).toBe('DMY');
    expect(columnDateOrder(['12/25/2024', '03/04/2025'])).toBe('MDY');
    expect(columnDateOrder(['12/25/2024', '25/12/2024'])).toBe('MIXED');
    expect(columnDateOrder(['03/04/2025', 45689, null])).toBe('DMY');
  });

  it('reads a British column day first', () => {
    expect(date(readDate('03/04/2025', 'DMY', CTO))).toBe('2025-04-03');
  });

  it('questions 03/04/2025 in a US-ordered or mixed column, with both readings', () => {
    for (const order of ['MDY', 'MIXED'] as const) {
      expect(readDate('03/04/2025', order, CTO)).toEqual({
        kind: 'ambiguous',
        dmy: '2025-04-03',
        mdy: '2025-03-04',
        text: '03/04/2025',
      });
    }
  });

  it('does not question what can only be read one way', () => {
    expect(date(readDate('12/25/2024', 'MDY', CTO))).toBe('2024-12-25');
    expect(date(readDate('04/04/2025', 'MDY', CTO))).toBe('2025-04-04');
    expect(date(readDate('25/12/2024', 'MIXED', CTO))).toBe('2024-12-25');
    expect(date(readDate('12/25/2024', 'MIXED', CTO))).toBe('2024-12-25');
    expect(date(readDate('1 Feb 2025', 'MDY', CTO))).toBe('2025-02-01');
  });
});

describe('lists of dates and stray spaces', () => {
  it('splits a cell of several dates', () => {
    expect(splitDateList('01/02/2025; 01/08/2025')).toEqual(['01/02/2025', '01/08/2025']);
    expect(splitDateList('01/02/2025\n01/08/2025')).toEqual(['01/02/2025', '01/08/2025']);
    expect(splitDateList('01/02/2025, 01/08/2025')).toEqual(['01/02/2025', '01/08/2025']);
    expect(splitDateList('1 Feb 2025 and 1 Aug 2025')).toEqual(['1 Feb 2025', '1 Aug 2025']);
    expect(splitDateList('February 1, 2025')).toEqual(['February 1, 2025']);
    expect(splitDateList(45689)).toEqual([45689]);
    expect(splitDateList(null)).toEqual([]);
  });

  it('tidies every kind of space', () => {
    expect(tidy('  a\u00a0\u202fb\t c ')).toBe('a b c');
  });
});
