import 'server-only';
// The register's CSV and XLSX exports (issue 8, part 1), streamed: rows come from the query's
// server-side cursor a batch at a time and go straight out through csv-stringify or exceljs's
// streaming WorkbookWriter, so memory stays flat however large the register
// (docs/decisions/721-register-query-and-streamed-exports.md). Every cell is escaped against
// formula injection (lib/register/columns.ts).
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { EXPORT_HEADERS, exportCells } from '@/lib/register/columns';
import { streamRegister, type ExportFormat } from '@/lib/server/queries/register';
import type { QueryContext } from '@/lib/server/queries/access';
import type { RegisterFilter } from '@/lib/schemas/register';

async function writeOrWait(stream: Writable, chunk: unknown): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Writes the filtered register to `out` as CSV; resolves with the number of rows. */
export async function writeRegisterCsv(
  ctx: QueryContext,
  filter: RegisterFilter,
  out: Writable,
): Promise<number> {
  const csv = stringify({ bom: true, record_delimiter: 'windows' });
  csv.pipe(out);
  await writeOrWait(csv, EXPORT_HEADERS);
  const total = await streamRegister(ctx, filter, 'csv', async (rows) => {
    // A batch (2,000 rows) at once, then wait for the stream to drain before the next fetch:
    // waiting row by row cost a turn of the event loop per row once the buffer filled (the
    // whole register took 31 s over HTTP against 7 s for the XLSX, which drains per batch).
    for (const row of rows) csv.write(exportCells(row));
    if (csv.writableNeedDrain) await once(csv, 'drain');
  });
  csv.end();
  await once(out, 'finish');
  return total;
}

/** Writes the filtered register to `out` as an XLSX workbook; resolves with the row count. */
export async function writeRegisterXlsx(
  ctx: QueryContext,
  filter: RegisterFilter,
  out: Writable,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow([...EXPORT_HEADERS]).commit();
  const total = await streamRegister(ctx, filter, 'xlsx', async (rows) => {
    for (const row of rows) sheet.addRow(exportCells(row)).commit();
    // Let the zip stream drain before the next batch is fetched.
    if (out.writableNeedDrain) await once(out, 'drain');
  });
  sheet.commit();
  await workbook.commit();
  return total;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The export as an HTTP response whose body streams while the rows are read. The permission
 * is checked (and a refusal audited) before anything is sent: `check` throws AccessDenied.
 */
export function registerExportResponse(
  ctx: QueryContext,
  filter: RegisterFilter,
  format: ExportFormat,
  today: string,
): Response {
  const out = new PassThrough();
  const write = format === 'csv' ? writeRegisterCsv : writeRegisterXlsx;
  write(ctx, filter, out).catch((error: unknown) => {
    console.error('register export failed', error instanceof Error ? error.message : error);
    out.destroy(error instanceof Error ? error : new Error('export failed'));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': CONTENT_TYPE[format],
      'Content-Disposition': `attachment; filename="cto-register-${today}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
