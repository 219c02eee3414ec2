import 'server-only';
// The register's CSV and XLSX exports (issue 8, part 1), streamed: rows come from the query's
// server-side cursor a batch at a time and go straight out through csv-stringify (a batch at a time) or exceljs's
// streaming WorkbookWriter, so memory stays flat however large the register
// (docs/decisions/721-register-query-and-streamed-exports.md). Every cell is escaped against
// formula injection (lib/register/columns.ts).
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { EXPORT_HEADERS, exportCells } from '@/lib/register/columns';
import { streamRegister, type ExportFormat } from '@/lib/server/queries/register';
import type { QueryContext } from '@/lib/server/queries/access';
import type { RegisterFilter } from '@/lib/schemas/register';

/**
 * Writes a chunk and, when the stream's buffer is full, waits for it to drain. A download the
 * reader abandons closes the stream without draining it: that ends the export (its cursor and
 * transaction with it) rather than leaving it waiting for ever.
 */
async function writeOrWait(stream: Writable, chunk: unknown): Promise<void> {
  if (stream.destroyed) throw new Error('The download was abandoned.');
  if (stream.write(chunk)) return;
  // Whichever comes first; the other listener is removed (signal), so none pile up.
  const settled = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: settled.signal }),
      once(stream, 'close', { signal: settled.signal }).then(() => {
        throw new Error('The download was abandoned.');
      }),
    ]);
  } finally {
    settled.abort();
  }
}

const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/** Writes the filtered register to `out` as CSV; resolves with the number of rows. */
export async function writeRegisterCsv(
  ctx: QueryContext,
  filter: RegisterFilter,
  out: Writable,
): Promise<number> {
  // A byte order mark (so that Excel reads UTF-8), the headers, then each batch of rows (2,000)
  // as one chunk: a chunk per row cost a turn of the stream machinery per row all the way to the
  // response (the whole register took 23 s over HTTP against 7 s for the XLSX, which goes out
  // in large compressed chunks).
  await writeOrWait(out, `\ufeff${stringify([EXPORT_HEADERS], CSV_OPTIONS)}`);
  const total = await streamRegister(ctx, filter, 'csv', async (rows) => {
    await writeOrWait(out, stringify(rows.map(exportCells), CSV_OPTIONS));
  });
  out.end();
  await once(out, 'finish');
  return total;
}

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
