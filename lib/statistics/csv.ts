/**
 * CSV for the statistics downloads (pure): RFC 4180 quoting, and a leading apostrophe on any
 * text cell a spreadsheet would read as a formula (=, +, -, @, tab, carriage return), so that
 * an opened file never runs anything. Numbers are written as they are.
 */
export type CsvValue = string | number | boolean | null | undefined;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending with CRLF (for writing a CSV a batch at a time). */
export function csvLine(row: readonly CsvValue[]): string {
  return row.map(cell).join(',') + '\r\n';
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
