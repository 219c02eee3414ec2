import { describe, expect, it } from 'vitest';
import { safeCsvCell } from '@/lib/server/queries/register-imports';

describe('the row outcomes CSV', () => {
  it('never lets a spreadsheet run a cell', () => {
    expect(safeCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(safeCsvCell('+1')).toBe("'+1");
    expect(safeCsvCell('-1')).toBe("'-1");
    expect(safeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCsvCell('\tx')).toBe("'\tx");
  });
  it('quotes commas, quotes and new lines, and leaves plain text alone', () => {
    expect(safeCsvCell('a, b')).toBe('"a, b"');
    expect(safeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(safeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(safeCsvCell('Expiry date')).toBe('Expiry date');
  });
});
