/**
 * A register's rows from columns to outcomes, in one pure call: the columns mapped, each row
 * read and checked with the decisions given. The service (lib/server/services/import-register.ts)
 * gathers the context from the database and stores the result.
 */
import type { IsoDate } from '@/lib/cto';
import { mapColumns, type ColumnMapping } from './fields';
import {
  evaluateRecord,
  interpretTable,
  tableInterpreter,
  type Decision,
  type Evaluation,
  type ImportContext,
  type ImportRecord,
  type RowMessage,
  type SheetRow,
} from './rows';

export interface RowPreview extends Evaluation {
  readonly row: number;
  readonly record: ImportRecord | null;
  /** The messages from reading the row, kept to evaluate it again with decisions. */
  readonly readMessages: RowMessage[];
}

export interface TablePreview {
  readonly columns: ColumnMapping[];
  readonly unmapped: string[];
  readonly duplicateMappings: string[];
  readonly rows: RowPreview[];
}

export function previewTable(
  input: { headers: readonly string[]; rows: readonly SheetRow[] },
  mapping: Readonly<Record<string, string>>,
  remembered: Readonly<Record<string, string>>,
  context: ImportContext,
): TablePreview {
  const { columns, duplicates } = mapColumns(input.headers, mapping, remembered);
  const interpreted = interpretTable(input.rows, columns, context);
  const rows = interpreted.map((r) => evaluateRow(r.row, r.record, r.messages, [], context.today));
  return {
    columns,
    unmapped: columns.filter((c) => c.field === null).map((c) => c.header),
    duplicateMappings: duplicates,
    rows,
  };
}

/**
 * The same preview as `previewTable`, a batch of rows at a time (decision 814): the caller stores
 * each batch and lets it go, so that a large register is never held as outcomes all at once.
 */
export function previewInBatches(
  input: { headers: readonly string[]; rows: readonly SheetRow[] },
  mapping: Readonly<Record<string, string>>,
  remembered: Readonly<Record<string, string>>,
  context: ImportContext,
  size: number,
): Omit<TablePreview, 'rows'> & { batches: () => Generator<RowPreview[]> } {
  const { columns, duplicates } = mapColumns(input.headers, mapping, remembered);
  const interpret = tableInterpreter(input.rows, columns, context);
  return {
    columns,
    unmapped: columns.filter((c) => c.field === null).map((c) => c.header),
    duplicateMappings: duplicates,
    *batches() {
      for (let at = 0; at < input.rows.length; at += size) {
        yield interpret(input.rows.slice(at, at + size)).map((r) =>
          evaluateRow(r.row, r.record, r.messages, [], context.today),
        );
      }
    },
  };
}

/** One row (as read) evaluated with a person's decisions. */
export function evaluateRow(
  row: number,
  record: ImportRecord | null,
  readMessages: RowMessage[],
  decisions: readonly Decision[],
  today: IsoDate,
): RowPreview {
  if (!record) {
    return {
      row,
      record,
      readMessages,
      outcome: 'REJECTED',
      messages: readMessages,
      plan: null,
      skipped: false,
    };
  }
  return { row, record, readMessages, ...evaluateRecord(record, decisions, today, readMessages) };
}
