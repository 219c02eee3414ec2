/**
 * Reads an uploaded register: CSV (csv-parse) or XLSX (exceljs), nothing else (issue 10 §2).
 * Refuses, with a plain message, a file that is not a spreadsheet, an empty one or one over
 * 20 MB. Formulas are read as the value the spreadsheet stored, never worked out; hidden sheets
 * are not read; title rows and merged cells above the headers are skipped; blank rows are left
 * out. Each of these is said in `notes`, for the preview.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { recogniseHeader } from './fields';
import { tidy, type Cell } from './dates';
import type { SheetRow } from './rows';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = 'CSV' | 'XLSX';

export interface SheetTable {
  readonly kind: FileKind;
  readonly sheetName: string | null;
  readonly headerRow: number;
  readonly headers: string[];
  readonly rows: SheetRow[];
  readonly notes: string[];
}

export type FileRefusal = {
  code: 'FILE_TOO_LARGE' | 'NOT_A_SPREADSHEET' | 'EMPTY_FILE' | 'NO_HEADERS';
  message: string;
};

export type ReadResult = { ok: true; table: SheetTable } | { ok: false; refusal: FileRefusal };

const refuse = (code: FileRefusal['code'], message: string): ReadResult => ({
  ok: false,
  refusal: { code, message },
});

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  }
  return true;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Windows saves "CSV" as Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && tidy(c) === ''));
}

/** The header row: the first of the top rows that names at least two fields we know. */
function findHeaderRow(rows: readonly SheetRow[]): number {
  const top = rows.slice(0, 15);
  const found = top.findIndex(
    (r) => r.cells.filter((c) => typeof c === 'string' && recogniseHeader(c)).length >= 2,
  );
  if (found >= 0) return found;
  return rows.findIndex((r) => !isBlank(r.cells));
}

function table(
  kind: FileKind,
  sheetName: string | null,
  all: SheetRow[],
  notes: string[],
): ReadResult {
  const nonBlank = all.filter((r) => !isBlank(r.cells));
  if (nonBlank.length === 0)
    return refuse('EMPTY_FILE', 'The file is empty: there are no rows to import.');
  const headerIndex = findHeaderRow(all);
  const headerRow = all[headerIndex];
  if (!headerRow) return refuse('NO_HEADERS', 'No row of column headings was found.');
  const skippedAbove = all.slice(0, headerIndex).filter((r) => !isBlank(r.cells)).length;
  if (skippedAbove > 0) {
    notes.push(
      `${skippedAbove === 1 ? 'One row' : `${skippedAbove} rows`} above the column headings (a title or merged heading) ${skippedAbove === 1 ? 'was' : 'were'} skipped; the headings are on row ${headerRow.row}.`,
    );
  }
  const headers = headerRow.cells.map((c, i) => {
    const text = c === null ? '' : tidy(String(c));
    return text === '' ? `Column ${i + 1}` : text;
  });
  const below = all.slice(headerIndex + 1);
  const rows = below.filter((r) => !isBlank(r.cells));
  const blanks = below.length - rows.length;
  // Blank rows at the very end are how sheets end; say so only for blanks between rows.
  const lastData = rows[rows.length - 1]?.row ?? headerRow.row;
  const inner = below.filter((r) => r.row < lastData && isBlank(r.cells)).length;
  if (inner > 0) {
    notes.push(`${inner === 1 ? 'One blank row was' : `${inner} blank rows were`} left out.`);
  }
  void blanks;
  if (rows.length === 0) {
    return refuse('EMPTY_FILE', 'The file has column headings but no rows under them to import.');
  }
  return { ok: true, table: { kind, sheetName, headerRow: headerRow.row, headers, rows, notes } };
}

function readCsv(bytes: Uint8Array): ReadResult {
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return refuse(
      'NOT_A_SPREADSHEET',
      'The file could not be read as CSV: save the register as CSV (comma separated) or Excel (.xlsx) and try again.',
    );
  }
  const rows: SheetRow[] = [];
  let line = 1;
  for (const r of records) {
    rows.push({ row: line, cells: r.record.map((c) => (c === '' ? null : c)) });
    line = r.info.lines + 1;
  }
  return table('CSV', null, rows, []);
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue, counts: { formulas: number; noResult: number }): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      counts.formulas += 1;
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        counts.noResult += 1;
        return null;
      }
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return String((result as { error: string }).error);
      }
      return result instanceof Date || typeof result !== 'object' ? (result as Cell) : null;
    }
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse(
      'NOT_A_SPREADSHEET',
      'The file could not be opened as an Excel workbook (.xlsx): it may be damaged, password-protected or another kind of file.',
    );
  }
  const notes: string[] = [];
  const sheets = workbook.worksheets;
  const hidden = sheets.filter((s) => s.state !== 'visible');
  const visible = sheets.filter((s) => s.state === 'visible');
  const sheet = visible.find((s) => s.actualRowCount > 0) ?? visible[0];
  if (!sheet) return refuse('EMPTY_FILE', 'The workbook has no visible sheet to import.');
  if (hidden.length > 0) {
    notes.push(
      `Hidden ${hidden.length === 1 ? 'sheet' : 'sheets'} not read: ${hidden.map((s) => `"${s.name}"`).join(', ')}.`,
    );
  }
  const others = visible.filter((s) => s !== sheet && s.actualRowCount > 0);
  if (others.length > 0) {
    notes.push(
      `Only the sheet "${sheet.name}" was read; not read: ${others.map((s) => `"${s.name}"`).join(', ')}.`,
    );
  }
  const counts = { formulas: 0, noResult: 0 };
  const rows: SheetRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      // A merged cell repeats its master's value in exceljs: keep it only in the master.
      cells.push(cell.isMerged && cell.master !== cell ? null : excelCell(cell.value, counts));
    }
    rows.push({ row: rowNumber, cells });
  });
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  if (merges.length > 0) {
    notes.push(
      `${merges.length === 1 ? 'One merged cell range' : `${merges.length} merged cell ranges`} (${merges.slice(0, 3).join(', ')}${merges.length > 3 ? ', …' : ''}): the value is read from the first cell of each.`,
    );
  }
  if (counts.formulas > 0) {
    notes.push(
      `${counts.formulas === 1 ? 'One cell holds a formula' : `${counts.formulas} cells hold formulas`}: the value the spreadsheet last stored was read; formulas are never worked out here.${counts.noResult > 0 ? ` ${counts.noResult} had no stored value and ${counts.noResult === 1 ? 'is' : 'are'} read as blank.` : ''}`,
    );
  }
  return table('XLSX', sheet.name, rows, notes);
}

/** Reads an uploaded file (its name only hints; the bytes decide). */
export async function readRegisterFile(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return refuse(
      'FILE_TOO_LARGE',
      'The file is larger than 20 MB: split the register into smaller files.',
    );
  }
  if (bytes.byteLength === 0)
    return refuse('EMPTY_FILE', 'The file is empty: there are no rows to import.');
  if (isZip(bytes)) return readXlsx(bytes);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    return refuse('NOT_A_SPREADSHEET', 'The file is named .xlsx but is not an Excel workbook.');
  }
  if (!looksLikeText(bytes)) {
    return refuse(
      'NOT_A_SPREADSHEET',
      'This is not a spreadsheet CTO Tracker can read: upload the register as CSV or Excel (.xlsx). Older .xls files must be saved as .xlsx first.',
    );
  }
  return readCsv(bytes);
}
