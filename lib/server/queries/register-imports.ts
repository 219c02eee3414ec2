import 'server-only';
// Reading past register imports (issue 10 §2: who, when, which file, each row's outcome).
// MHA office only; a refusal is audited as DENIED, every read of an import (whose rows hold
// patients' details) is audited.
import { db } from '@/lib/server/db';
import type { ColumnMapping } from '@/lib/import/fields';
import type { ImportRecord, RowMessage } from '@/lib/import/rows';
import { audit, NotFound, type QueryContext } from './access';
import { requirePermission } from './require-permission';

export interface RegisterImportSummary {
  id: string;
  fileName: string;
  fileKind: string;
  createdAt: Date;
  createdBy: string;
  status: 'PREVIEWED' | 'COMMITTED';
  committedAt: Date | null;
  rowCount: number;
  accepted: number;
  warnings: number;
  rejected: number;
  importedCount: number;
}

export async function listRegisterImports(ctx: QueryContext): Promise<RegisterImportSummary[]> {
  await requirePermission(ctx, 'import:register');
  const client = ctx.client ?? db;
  const rows = await client.registerImport.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  await audit(ctx, { action: 'register-import.list', outcome: 'SUCCESS' });
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    fileKind: r.fileKind,
    createdAt: r.createdAt,
    createdBy: names.get(r.createdById) ?? 'Unknown',
    status: r.status,
    committedAt: r.committedAt,
    rowCount: r.rowCount,
    accepted: r.accepted,
    warnings: r.warnings,
    rejected: r.rejected,
    importedCount: r.importedCount,
  }));
}

export interface RegisterImportRowView {
  row: number;
  outcome: 'ACCEPTED' | 'WARNING' | 'REJECTED';
  messages: RowMessage[];
  name: string | null;
  patientId: string | null;
  imported: boolean;
}

export interface RegisterImportDetail extends RegisterImportSummary {
  fileSha256: string;
  sheetName: string | null;
  headerRow: number;
  columns: ColumnMapping[];
  notes: string[];
  committedBy: string | null;
  rows: RegisterImportRowView[];
}

export async function getRegisterImport(
  ctx: QueryContext,
  importId: string,
): Promise<RegisterImportDetail> {
  await requirePermission(ctx, 'import:register');
  const client = ctx.client ?? db;
  const found = await client.registerImport.findUnique({
    where: { id: importId },
    include: { rows: { orderBy: { row: 'asc' } } },
  });
  if (!found) {
    await audit(ctx, {
      action: 'register-import.read',
      outcome: 'DENIED',
      reason: 'not-found',
      entityType: 'RegisterImport',
    });
    throw new NotFound('Import');
  }
  const userIds = [found.createdById, found.committedById].filter((v): v is string => !!v);
  const users = await client.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  await audit(ctx, {
    action: 'register-import.read',
    outcome: 'SUCCESS',
    entityType: 'RegisterImport',
    entityId: found.id,
  });
  return {
    id: found.id,
    fileName: found.fileName,
    fileKind: found.fileKind,
    fileSha256: found.fileSha256,
    sheetName: found.sheetName,
    headerRow: found.headerRow,
    columns: found.columns as unknown as ColumnMapping[],
    notes: found.notes as unknown as string[],
    createdAt: found.createdAt,
    createdBy: names.get(found.createdById) ?? 'Unknown',
    committedBy: found.committedById ? (names.get(found.committedById) ?? 'Unknown') : null,
    status: found.status,
    committedAt: found.committedAt,
    rowCount: found.rowCount,
    accepted: found.accepted,
    warnings: found.warnings,
    rejected: found.rejected,
    importedCount: found.importedCount,
    rows: found.rows.map((r) => {
      const record = r.record as unknown as ImportRecord | null;
      return {
        row: r.row,
        outcome: r.outcome,
        messages: r.messages as unknown as RowMessage[],
        name: record ? `${record.familyName}, ${record.givenName}` : null,
        patientId: r.patientId,
        imported: r.importedAt !== null,
      };
    }),
  };
}

/** A spreadsheet never runs a cell that starts with =, +, - or @ (or a tab or return). */
export function safeCsvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Each row's outcome as CSV: row, outcome, imported, column, code, message (one line a message). */
export function rowOutcomesCsv(detail: RegisterImportDetail): string {
  const lines = [['Row', 'Outcome', 'Imported', 'Column', 'Code', 'Message'].join(',')];
  for (const r of detail.rows) {
    const messages = r.messages.length
      ? r.messages
      : [{ column: null, code: '', message: '', severity: 'info' as const }];
    for (const m of messages) {
      lines.push(
        [String(r.row), r.outcome, r.imported ? 'yes' : 'no', m.column ?? '', m.code, m.message]
          .map(safeCsvCell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
